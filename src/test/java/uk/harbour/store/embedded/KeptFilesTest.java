package uk.harbour.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Futures.join;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import uk.harbour.store.DirectClient;
import uk.harbour.store.MongoErrors;

/**
 * Store files kept in {@code src/test/resources/store}, as Harbour wrote them with
 * mongo-java-server 1.47.0 and H2 2.3.232: one by our backend, one by the stock backend an older
 * Harbour ran. A library upgrade that could no longer open them, or read back their documents and
 * indexes, fails here rather than on a data directory in service. {@link #main} wrote them; never
 * rewrite one, add files written by a new version beside them.
 */
@DisplayName("Store files written by earlier versions")
class KeptFilesTest extends EmbeddedStoreTestBase {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"harbour-1.47.mv.db", "stock-1.47.mv.db"})
  @DisplayName("open with every document and unique index as written, and take new writes across a restart")
  void open(String name) throws Exception {
    Path file = storeFile();
    try (InputStream kept = getClass().getResourceAsStream("/store/" + name)) {
      Files.copy(kept, file);
    }
    try (H2EmbeddedStore server = H2EmbeddedStore.start(file)) {
      connect(server.connectionString());
      List<JsonObject> stored = join(mongo.find("messages", new JsonObject()));
      assertEquals(byId(expectedMessages()), byId(stored));
      JsonArray ids = new JsonArray().add(messageId(3)).add(messageId(6)).add(messageId(17));
      assertEquals(2, join(mongo.find("messages", new JsonObject().put("_id", new JsonObject().put("$in", ids)))).size());
      assertEquals("cl-2", join(mongo.findOne("people", new JsonObject().put("loginName", "bo"), null)).getString("_id"));

      assertDuplicate(mongo.insert("messages", message(7).put("clientId", "fresh")));
      assertDuplicate(mongo.insert("messages", message(8).put("_id", messageId(99))));
      assertDuplicate(mongo.insert("people", new JsonObject().put("_id", "cl-9").put("loginName", "ash")));
      join(mongo.insert("people", new JsonObject().put("_id", "cl-10")));
      join(mongo.insert("messages", message(41)));
      server.commit();
    }
    try (H2EmbeddedStore server = H2EmbeddedStore.start(file)) {
      connect(server.connectionString());
      assertEquals(expectedMessages().size() + 1, join(mongo.count("messages", new JsonObject())));
      assertEquals(message(41), join(mongo.findOne("messages", new JsonObject().put("_id", messageId(41)), null)));
      assertEquals(4, join(mongo.count("people", new JsonObject())), "three kept, one added, the clash refused");
    }
  }

  /** What {@link #write} leaves: messages 1 to 40 but 6, with 5 edited. */
  private static List<JsonObject> expectedMessages() {
    List<JsonObject> messages = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      if (i != 6) {
        messages.add(i == 5 ? message(i).put("text", "edited") : message(i));
      }
    }
    return messages;
  }

  private static Map<String, JsonObject> byId(List<JsonObject> documents) {
    Map<String, JsonObject> byId = new TreeMap<>();
    documents.forEach(d -> byId.put(d.getString("_id"), d));
    return byId;
  }

  private static String messageId(int i) {
    return "cl-" + (i % 4) + ":" + String.format("%012d", i);
  }

  /** A message with every BSON type Harbour stores. */
  private static JsonObject message(int i) {
    JsonObject message =
        new JsonObject()
            .put("_id", messageId(i))
            .put("conversationId", "cl-" + (i % 4))
            .put("seq", (long) i)
            .put("episode", 1 + i % 2)
            .put("kind", "TEXT")
            .put("text", "Zoë ✓ 🌙 message " + i)
            .put("senderId", "cl-" + (i % 4))
            .put("senderRole", i % 3 == 0 ? null : "CARE_LEAVER")
            .put("clientId", "c" + i)
            .put("score", i / 4.0)
            .put("read", i % 2 == 0)
            .put("createdAt", new JsonObject().put("$date", "2026-11-25T20:00:0" + (i % 10) + ".123Z"));
    if (i % 10 == 0) {
      message.put("card", new JsonObject().put("entryId", "samaritans").put("tags", new JsonArray().add("crisis").add(24).add(new JsonObject().put("k", "v"))));
    }
    return message;
  }

  private void assertDuplicate(io.vertx.core.Future<?> write) {
    CompletionException e = assertThrows(CompletionException.class, () -> join(write));
    assertTrue(MongoErrors.isDuplicateKey(e.getCause()), () -> "expected a duplicate key error, got " + e.getCause());
  }

  /** The writes every kept file holds. */
  private static void write(MongoClient mongo) {
    join(mongo.createIndexWithOptions("messages", new JsonObject().put("conversationId", 1).put("senderId", 1).put("clientId", 1), new IndexOptions().name("client_id_unique").unique(true)));
    join(mongo.createIndexWithOptions("people", new JsonObject().put("loginName", 1), new IndexOptions().name("loginName_unique").unique(true).sparse(true)));
    for (int i = 1; i <= 40; i++) {
      join(mongo.insert("messages", message(i)));
    }
    join(mongo.updateCollection("messages", new JsonObject().put("_id", messageId(5)), new JsonObject().put("$set", new JsonObject().put("text", "edited"))));
    join(mongo.removeDocument("messages", new JsonObject().put("_id", messageId(6))));
    join(mongo.insert("people", new JsonObject().put("_id", "cl-1").put("loginName", "ash")));
    join(mongo.insert("people", new JsonObject().put("_id", "cl-2").put("loginName", "bo")));
    join(mongo.insert("people", new JsonObject().put("_id", "cl-3")));
  }

  /**
   * Writes {@code harbour-<version>.mv.db} and {@code stock-<version>.mv.db} into {@code args[0]},
   * {@code args[1]} naming the mongo-java-server version on the class path; once per version.
   */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Vertx vertx = Vertx.vertx();
    try (EmbeddedStore ours = H2EmbeddedStore.start(dir.resolve("harbour-" + args[1] + ".mv.db"));
        EmbeddedStore stock = new StockH2Store(new MVStore.Builder().fileName(dir.resolve("stock-" + args[1] + ".mv.db").toString()))) {
      for (EmbeddedStore store : List.of(ours, stock)) {
        try (DirectClient client = DirectClient.open(vertx, store.connectionString(), "harbour")) {
          write(client.mongo());
        }
      }
    } finally {
      join(vertx.close());
    }
  }
}
