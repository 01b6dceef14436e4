package uk.harbour.store.embedded;

import static uk.harbour.testing.Futures.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Documents kept as BSON in the embedded store: exact round trips, and files an older Harbour wrote still read. */
@DisplayName("The embedded store's document encoding")
class DocumentTypeTest extends EmbeddedStoreTestBase {



  @Test
  @DisplayName("reads back exactly the document it wrote, value types and field order included")
  void roundTripsEveryValueType() {
    Document nested = new Document("type", "auto_reply").append("nextStaffedAt", null);
    Document doc =
        new Document("_id", "cl1:000000000001")
            .append("seq", 1L)
            .append("episode", 2)
            .append("score", 1.5)
            .append("flag", true)
            .append("none", null)
            .append("when", Instant.parse("2026-11-25T10:00:00.123Z"))
            .append("owner", new ObjectId())
            .append("event", nested)
            .append("tags", List.of("a", 3, new Document("k", "v")));
    DocumentType type = new DocumentType();

    Document back = roundTrip(type, doc);

    assertEquals(doc, back);
    assertEquals(List.copyOf(doc.keySet()), List.copyOf(back.keySet()));
    assertEquals(Integer.class, back.get("episode").getClass());
    assertEquals(Long.class, back.get("seq").getClass());
  }

  @Test
  @DisplayName("reads a document written in H2's own object encoding, as an older Harbour stored it")
  void readsTheOlderEncoding() {
    Document doc = new Document("_id", "cl1:000000000002").append("text", "hello").append("seq", 2L);
    WriteBuffer buffer = new WriteBuffer();
    new ObjectDataType().write(buffer, doc);
    new DocumentType().write(buffer, doc);
    ByteBuffer bytes = buffer.getBuffer();
    bytes.flip();

    DocumentType type = new DocumentType();
    assertEquals(doc, type.read(bytes));
    assertEquals(doc, type.read(bytes));
    assertEquals(0, bytes.remaining());
  }

  @Test
  @DisplayName("opens a file the stock backend wrote, keeps its documents, and reads old and new after a restart")
  void opensOlderFiles() throws Exception {
    Path file = storeFile();
    writeWithStockBackend(file, () -> {
      for (int i = 1; i <= 200; i++) {
        join(mongo.insert("messages", message(i)));
      }
    });

    try (H2EmbeddedStore server = H2EmbeddedStore.start(file)) {
      connect(server.connectionString());
      for (int i = 201; i <= 400; i++) {
        join(mongo.insert("messages", message(i)));
      }
      // Changing an old document rewrites its leaf as BSON next to documents still in the old form.
      join(mongo.updateCollection("messages", new JsonObject().put("_id", id(5)), new JsonObject().put("$set", new JsonObject().put("text", "edited"))));
      server.commit();
      disconnect();
    }
    try (H2EmbeddedStore server = H2EmbeddedStore.start(file)) {
      connect(server.connectionString());
      assertEquals(400, join(mongo.count("messages", new JsonObject())));
      JsonArray ids = new JsonArray().add(id(5)).add(id(150)).add(id(399));
      List<JsonObject> found = join(mongo.find("messages", new JsonObject().put("_id", new JsonObject().put("$in", ids))));
      assertEquals(3, found.size());
      assertTrue(found.stream().anyMatch(d -> id(5).equals(d.getString("_id")) && "edited".equals(d.getString("text"))));
      assertTrue(found.stream().anyMatch(d -> id(399).equals(d.getString("_id")) && "hello 399".equals(d.getString("text")) && d.getLong("seq") == 399));
    }
  }

  private static Document roundTrip(DocumentType type, Document doc) {
    WriteBuffer buffer = new WriteBuffer();
    type.write(buffer, doc);
    ByteBuffer bytes = buffer.getBuffer();
    bytes.flip();
    Document back = type.read(bytes);
    assertEquals(0, bytes.remaining(), "the reader stops at the end of the document");
    return back;
  }

  private static String id(int seq) {
    return "cl1:" + String.format("%012d", seq);
  }

  private static JsonObject message(int seq) {
    return new JsonObject().put("_id", id(seq)).put("conversationId", "cl1").put("seq", (long) seq).put("text", "hello " + seq);
  }

}
