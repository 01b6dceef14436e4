package uk.harbour.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Opens the server's maps, each as a {@link LoggedMap} with the types its name calls for: the
 * backend when it opens a collection or index, and the log's recovery when it replays changes to a
 * map nobody has opened yet. Both must agree, since H2 keeps the first instance opened.
 */
final class LoggedMaps {

  static final String DATA_PREFIX = "databases.";
  static final String META_PREFIX = "meta.";
  static final String INDEX_SUFFIX = "#kv1";

  private final MVStore store;
  private final WriteAheadLog log;

  LoggedMaps(MVStore store, WriteAheadLog log) {
    this.store = store;
    this.log = log;
  }

  MVStore store() {
    return store;
  }

  WriteAheadLog log() {
    return log;
  }

  /** A collection's documents ({@link DocumentType}), under the name the stock backend finds collections by. */
  MVMap<Object, Document> data(String namespace) {
    LoggedMap.Builder<Object, Document> builder = new LoggedMap.Builder<>(log);
    builder.valueType(new DocumentType());
    return open(DATA_PREFIX + namespace, builder);
  }

  /** A collection's own settings and counts, in H2's default types. */
  MVMap<String, Object> meta(String namespace) {
    return open(META_PREFIX + namespace, new LoggedMap.Builder<>(log));
  }

  /** A unique index ({@link KeyValueType} keys); {@code name} ends with {@link #INDEX_SUFFIX}. */
  MVMap<KeyValue, Object> index(String name) {
    LoggedMap.Builder<KeyValue, Object> builder = new LoggedMap.Builder<>(log);
    builder.keyType(new KeyValueType());
    return open(name, builder);
  }

  /** The map with H2's id {@code id}, or null if the file has none (created after its last commit). */
  MVMap<Object, Object> byId(int id) {
    String name = store.getMapName(id);
    if (name == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    MVMap<Object, Object> map = (MVMap<Object, Object>) (MVMap<?, ?>) (
        name.startsWith(DATA_PREFIX) ? data(name.substring(DATA_PREFIX.length()))
            : name.endsWith(INDEX_SUFFIX) ? index(name)
            : open(name, new LoggedMap.Builder<>(log)));
    return map;
  }

  private <K, V> MVMap<K, V> open(String name, LoggedMap.Builder<K, V> builder) {
    boolean created = !store.hasMap(name);
    MVMap<K, V> map = store.openMap(name, builder);
    if (!(map instanceof LoggedMap)) {
      // H2 hands back the instance opened first; one opened without the log would lose writes.
      throw new IllegalStateException("Map " + name + " was opened without the write-ahead log");
    }
    if (created) {
      log.structureChanged();
    }
    return map;
  }
}
