package uk.harbour.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.oplog.Oplog;
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
 * {@link KeyValueType}, every map opened through {@link LoggedMaps} so its changes reach the
 * write-ahead log. An index map written by the stock backend is copied into the new form the
 * first time a file is opened, then removed, so older data directories keep working.
 */
final class FastIndexH2Backend extends H2Backend {

  private static final Logger LOG = LoggerFactory.getLogger(FastIndexH2Backend.class);

  /** H2Database opens its indexes inside its own constructor, before a subclass can keep a field. */
  private static final ThreadLocal<LoggedMaps> OPENING = new ThreadLocal<>();

  /** Commands that change data; on the shared store each is answered only once committed. */
  private static final java.util.Set<String> WRITES = java.util.Set.of(
      "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes", "drop", "dropdatabase", "create");

  private final LoggedMaps maps;
  private volatile Runnable afterWrite = () -> {};
  private final java.util.concurrent.atomic.AtomicLong writeCommands = new java.util.concurrent.atomic.AtomicLong();

  FastIndexH2Backend(LoggedMaps maps) {
    super(opening(maps));
    OPENING.remove();
    this.maps = maps;
  }

  /** H2Backend opens the file's databases inside its constructor: they find the maps here. */
  private static MVStore opening(LoggedMaps maps) {
    OPENING.set(maps);
    return maps.store();
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
    LoggedMaps opened = maps != null ? maps : OPENING.get();
    OPENING.set(opened);
    try {
      return new FastIndexDatabase(databaseName, opened, getCursorRegistry());
    } finally {
      if (maps != null) {
        OPENING.remove();
      }
    }
  }

  private static final class FastIndexDatabase extends H2Database {

    private final LoggedMaps maps;

    FastIndexDatabase(String databaseName, LoggedMaps maps, CursorRegistry cursors) {
      super(databaseName, maps.store(), cursors);
      this.maps = maps;
    }

    private LoggedMaps maps() {
      return maps != null ? maps : OPENING.get();
    }

    private MVStore store() {
      return maps().store();
    }

    private String legacyName(String collectionName, String indexName) {
      return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      MVStore mv = store();
      String legacy = legacyName(collectionName, indexName);
      MVMap<KeyValue, Object> map = maps().index(legacy + LoggedMaps.INDEX_SUFFIX);
      if (mv.hasMap(legacy)) {
        MVMap<Object, Object> old = mv.openMap(legacy);
        LOG.info("Converting index {} ({} keys) to the fast key form", legacy, old.sizeAsLong());
        old.forEach((key, position) -> map.put((KeyValue) key, position));
        mv.removeMap(old);
        maps().log().structureChanged();
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
      return new InsertionOrderedCollection(this, collectionName, options, maps().data(namespace), maps().meta(namespace), cursorRegistry);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      String name = legacyName(collection.getCollectionName(), indexName) + LoggedMaps.INDEX_SUFFIX;
      if (store().hasMap(name)) {
        store().removeMap(name);
      }
      maps().log().structureChanged();
    }

    // Maps removed or renamed are not in the write-ahead log: the next commit writes the whole store.

    @Override
    public void drop(Oplog oplog) {
      super.drop(oplog);
      maps().log().structureChanged();
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
      super.dropCollection(collectionName, oplog);
      maps().log().structureChanged();
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
      super.moveCollection(oldDatabase, collection, newCollectionName);
      maps().log().structureChanged();
    }
  }
}
