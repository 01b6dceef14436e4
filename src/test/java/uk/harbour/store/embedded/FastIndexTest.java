package uk.harbour.store.embedded;

import static uk.harbour.testing.Futures.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.store.MongoErrors;

/**
 * The embedded store's unique indexes in their fast key form. That they answer as the stock ones
 * do, across restarts, is the store contract's part ({@code StoreContract}); this covers the form.
 */
@DisplayName("The embedded store's unique indexes")
class FastIndexTest extends EmbeddedStoreTestBase {

  @Test
  @DisplayName("convert indexes written by the stock H2 backend the first time an older file is opened")
  void convertsOlderFiles() throws Exception {
    Path file = storeFile();
    writeWithStockBackend(file, () -> {
      createClientIndex();
      for (int i = 1; i <= 50; i++) {
        join(mongo.insert("messages", message(i % 3, i, "c" + i)));
      }
    });

    try (H2EmbeddedStore server = H2EmbeddedStore.start(file)) {
      connect(server.connectionString());
      assertDuplicate(message(1, 7, "other"));
      assertDuplicate(message(7 % 3, 700, "c7"));
      join(mongo.insert("messages", message(1, 51, "c51")));
      assertEquals(51, join(mongo.count("messages", new JsonObject())));
      assertTrue(join(mongo.listIndexes("messages")).stream().anyMatch(ix -> "client".equals(((JsonObject) ix).getString("name"))));
    }
  }

  @Test
  @DisplayName("read index keys in the older string encoding, and round-trip ASCII, long and non-ASCII strings")
  void keyEncodings() {
    KeyValueType type = new KeyValueType();
    org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
    String older = "cl-older:000000000001";
    buffer.putVarInt(1).put((byte) 1).putVarInt(older.length()).putStringData(older, older.length());
    de.bwaldvogel.mongo.backend.KeyValue mixed = new de.bwaldvogel.mongo.backend.KeyValue("Zoë ✓ 🌙", 42L, 7);
    type.write(buffer, mixed);
    de.bwaldvogel.mongo.backend.KeyValue ascii = new de.bwaldvogel.mongo.backend.KeyValue("cl-7:000000000042", "young:cl-7", "c-1");
    de.bwaldvogel.mongo.backend.KeyValue longer = new de.bwaldvogel.mongo.backend.KeyValue("x".repeat(300), "y".repeat(299) + "é");
    type.write(buffer, ascii);
    type.write(buffer, longer);
    java.nio.ByteBuffer bytes = buffer.getBuffer();
    bytes.flip();

    assertEquals(new de.bwaldvogel.mongo.backend.KeyValue(older), type.read(bytes));
    assertEquals(mixed, type.read(bytes));
    assertEquals(ascii, type.read(bytes));
    assertEquals(longer, type.read(bytes));
    assertEquals(0, bytes.remaining());
  }

  private void createClientIndex() {
    join(mongo.createIndexWithOptions("messages", new JsonObject().put("conversationId", 1).put("senderId", 1).put("clientId", 1), new IndexOptions().name("client").unique(true)));
  }

  private void assertDuplicate(JsonObject doc) {
    CompletionException e = assertThrows(CompletionException.class, () -> join(mongo.insert("messages", doc)));
    assertTrue(MongoErrors.isDuplicateKey(e.getCause()), () -> "expected a duplicate key error, got " + e.getCause());
  }

  private static String id(int conversation, int seq) {
    return "cl" + conversation + ":" + String.format("%012d", seq);
  }

  private static JsonObject message(int conversation, int seq, String clientId) {
    return new JsonObject().put("_id", id(conversation, seq)).put("conversationId", "cl" + conversation).put("senderId", "cl" + conversation)
        .put("clientId", clientId).put("seq", seq).put("text", "hello " + seq);
  }

}
