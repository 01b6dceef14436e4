package uk.harbour.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Futures.join;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Our subclasses are the ones the library runs. If an upgrade stopped calling a hook we override,
 * the store would still answer (the stock backend passes the store contract too), but slowly or
 * unsafely, and new files would take another form: this reads the file underneath to see each one.
 */
@DisplayName("The embedded store's own classes")
class EngineInEffectTest extends EmbeddedStoreTestBase {

  @Test
  @DisplayName("are in use: documents filed as BSON under growing positions, unique indexes in the fast key form")
  void ourClassesAreInUse() {
    try (H2EmbeddedStore server = H2EmbeddedStore.start(storeFile())) {
      connect(server.connectionString());
      join(mongo.createIndexWithOptions("things", new JsonObject().put("k", 1), new IndexOptions().name("k_unique").unique(true)));
      for (String id : List.of("m", "c", "x")) {
        join(mongo.insert("things", new JsonObject().put("_id", id).put("k", id + "-key")));
      }
      disconnect();
    }

    MVStore file = new MVStore.Builder().fileName(storeFile().toString()).readOnly().open();
    try {
      Set<String> maps = file.getMapNames();
      assertTrue(maps.containsAll(Set.of("harbour.things._index__id_#kv1", "harbour.things._index_k_unique#kv1")), maps::toString);
      assertFalse(maps.contains("harbour.things._index__id_"), "no index in the stock form");

      PeekingDocumentType documents = new PeekingDocumentType();
      MVMap<Object, Document> data = file.openMap("databases.harbour.things", new MVMap.Builder<Object, Document>().valueType(documents));
      List<Object> positions = new ArrayList<>();
      List<Object> ids = new ArrayList<>();
      data.forEach((position, document) -> {
        positions.add(position);
        ids.add(document.get("_id"));
      });
      assertEquals(List.of(1L, 2L, 3L), positions, "filed under positions (InsertionOrderedCollection)");
      assertEquals(List.of("m", "c", "x"), ids);
      assertEquals(3, documents.bson, "stored as BSON (DocumentType)");

      MVMap<KeyValue, Object> byId = file.openMap("harbour.things._index__id_#kv1", new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
      assertEquals(2L, byId.get(new KeyValue("c")), "the _id index maps keys to positions (KeyValueIndex)");
    } finally {
      file.close();
    }
  }

  /** {@link DocumentType}, counting the values it finds in BSON form. */
  private static final class PeekingDocumentType extends BasicDataType<Document> {

    private final DocumentType type = new DocumentType();
    int bson;

    @Override
    public Document read(ByteBuffer buffer) {
      if (buffer.get(buffer.position()) == DocumentType.BSON) {
        bson++;
      }
      return type.read(buffer);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
      type.write(buffer, document);
    }

    @Override
    public int getMemory(Document document) {
      return type.getMemory(document);
    }

    @Override
    public int compare(Document a, Document b) {
      return type.compare(a, b);
    }

    @Override
    public Document[] createStorage(int size) {
      return new Document[size];
    }
  }
}
