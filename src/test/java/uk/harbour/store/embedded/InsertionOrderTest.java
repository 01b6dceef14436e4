package uk.harbour.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Futures.join;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Documents filed in insertion order: same answers as before, across restarts and in files the stock backend wrote. */
@DisplayName("The embedded store's insertion-ordered collections")
class InsertionOrderTest extends EmbeddedStoreTestBase {



  @Test
  @DisplayName("keep documents in the order they were inserted, whatever their _id, and go on after a restart")
  void keepInsertionOrderAcrossRestart() throws Exception {
    Path file = storeFile();
    try (H2EmbeddedStore server = H2EmbeddedStore.start(file)) {
      connect(server.connectionString());
      for (String id : List.of("m", "c", "x")) {
        join(mongo.insert("things", new JsonObject().put("_id", id)));
      }
      assertEquals(List.of("m", "c", "x"), ids(new JsonObject()));
      server.commit();
      disconnect();
    }
    try (H2EmbeddedStore server = H2EmbeddedStore.start(file)) {
      connect(server.connectionString());
      join(mongo.insert("things", new JsonObject().put("_id", "a")));
      join(mongo.removeDocument("things", new JsonObject().put("_id", "c")));
      join(mongo.updateCollection("things", new JsonObject().put("_id", "m"), new JsonObject().put("$set", new JsonObject().put("seen", true))));

      assertEquals(List.of("m", "x", "a"), ids(new JsonObject()));
      assertEquals(List.of("a", "x"), ids(new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray().add("x").add("a").add("c")))).stream().sorted().toList());
      assertTrue(join(mongo.findOne("things", new JsonObject().put("_id", "m"), null)).getBoolean("seen"));
    }
  }

  @Test
  @DisplayName("open a file whose documents the stock backend filed under numeric _ids without overwriting any of them")
  void numericIdsInOlderFiles() throws Exception {
    Path file = storeFile();
    writeWithStockBackend(file, () -> {
      for (long id = 1; id <= 50; id++) {
        join(mongo.insert("numbers", new JsonObject().put("_id", id).put("old", true)));
      }
    });

    try (H2EmbeddedStore server = H2EmbeddedStore.start(file)) {
      connect(server.connectionString());
      for (int i = 0; i < 20; i++) {
        join(mongo.insert("numbers", new JsonObject().put("_id", "new-" + i)));
      }
      join(mongo.insert("numbers", new JsonObject().put("_id", 51L)));
      server.commit();
    }
    try (H2EmbeddedStore server = H2EmbeddedStore.start(file)) {
      connect(server.connectionString());
      assertEquals(71, join(mongo.count("numbers", new JsonObject())));
      assertEquals(50, join(mongo.count("numbers", new JsonObject().put("old", true))));
      assertTrue(join(mongo.findOne("numbers", new JsonObject().put("_id", 7L), null)).getBoolean("old"));
      assertEquals("new-19", join(mongo.findOne("numbers", new JsonObject().put("_id", "new-19"), null)).getString("_id"));
      assertEquals(51L, join(mongo.findOne("numbers", new JsonObject().put("_id", 51L), null)).getLong("_id"));
    }
  }

  private List<String> ids(JsonObject query) {
    return join(mongo.find("things", query)).stream().map(d -> d.getString("_id")).toList();
  }
}
