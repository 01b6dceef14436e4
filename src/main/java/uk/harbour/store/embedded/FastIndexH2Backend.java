package uk.harbour.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 backend with unique indexes (the {@code _id} index included) in maps keyed by
 * {@link KeyValueType}. An index map written by the stock backend is copied into the new form the
 * first time a file is opened, then removed, so older data directories keep working.
 */
final class FastIndexH2Backend extends H2Backend {

  private static final Logger LOG = LoggerFactory.getLogger(FastIndexH2Backend.class);
  static final String MAP_SUFFIX = "#kv1";

  /** H2Database opens its indexes inside its own constructor, before a subclass can keep a field. */
  private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

  /** Commands that change data; on the shared store each is answered only once committed. */
  private static final java.util.Set<String> WRITES = java.util.Set.of(
      "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes", "drop", "dropdatabase", "create");

  private volatile Runnable afterWrite = () -> {};
  private final java.util.concurrent.atomic.AtomicLong writeCommands = new java.util.concurrent.atomic.AtomicLong();

  FastIndexH2Backend(MVStore store) {
    super(store);
  }

  /** Runs {@code hook} after every write command and before its answer (the shared store's commit). */
  void afterEveryWrite(Runnable hook) {
    this.afterWrite = hook;
  }

  /** How many write commands have been handled, so housekeeping can rest while there are none. */
  long writeCommands() {
    return writeCommands.get();
  }

  @Override
  public de.bwaldvogel.mongo.bson.Document handleCommand(io.netty.channel.Channel channel, String databaseName, String command,
      de.bwaldvogel.mongo.bson.Document query) {
    de.bwaldvogel.mongo.bson.Document answer = super.handleCommand(channel, databaseName, command, query);
    if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
      writeCommands.incrementAndGet();
      afterWrite.run();
    }
    return answer;
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    // The stock backend opens existing databases inside its own constructor, so no field of ours is set yet.
    MVStore store = getMvStore();
    OPENING.set(store);
    try {
      return new FastIndexDatabase(databaseName, store, getCursorRegistry());
    } finally {
      OPENING.remove();
    }
  }

  private static final class FastIndexDatabase extends H2Database {

    private final MVStore store;

    FastIndexDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
      super(databaseName, store, cursors);
      this.store = store;
    }

    private MVStore store() {
      return store != null ? store : OPENING.get();
    }

    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private String legacyName(String collectionName, String indexName) {
      return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      MVStore mv = store();
      String legacy = legacyName(collectionName, indexName);
      MVMap<KeyValue, Object> map =
          mv.openMap(legacy + MAP_SUFFIX, new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
      if (mv.hasMap(legacy)) {
        MVMap<Object, Object> old = mv.openMap(legacy);
        LOG.info("Converting index {} ({} keys) to the fast key form", legacy, old.sizeAsLong());
        old.forEach((key, position) -> map.put((KeyValue) key, position));
        mv.removeMap(old);
      }
      return new KeyValueIndex(map, indexName, keys, sparse);
    }

    /**
     * Same map names as the stock backend (it finds collections by them), with documents kept as
     * BSON ({@link DocumentType}) in insertion order ({@link InsertionOrderedCollection}); files it
     * wrote are still read.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      String namespace = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data =
          store().openMap(DATA_PREFIX + namespace, new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
      MVMap<String, Object> meta = store().openMap(META_PREFIX + namespace);
      return new InsertionOrderedCollection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      String name = legacyName(collection.getCollectionName(), indexName) + MAP_SUFFIX;
      if (store().hasMap(name)) {
        store().removeMap(name);
      }
    }
  }
}
