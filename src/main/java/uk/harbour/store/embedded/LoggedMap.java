package uk.harbour.store.embedded;

import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * An MVStore map whose every change is recorded in the store's {@link WriteAheadLog} at the moment
 * it is made, so a commit only has to append the changes to the log instead of rewriting the B-tree
 * pages they touched. Every change of H2's maps goes through {@link #operate}; changing the value
 * and recording it happen under the log's lock, so the log has the changes in the order the maps
 * took them, and records the value the key was left with (null once removed), which replays to
 * the same state however often it is applied.
 */
final class LoggedMap<K, V> extends MVMap<K, V> {

  /** Compaction moves a page by rewriting a key with its own value: not a change to log. */
  private static final Class<?> REWRITE = rewriteDecisionMaker();

  private final WriteAheadLog log;

  private LoggedMap(Map<String, Object> config, DataType<K> keyType, DataType<V> valueType, WriteAheadLog log) {
    super(config, keyType, valueType);
    this.log = log;
  }

  private LoggedMap(LoggedMap<K, V> source) {
    super(source);
    this.log = source.log;
  }

  @Override
  protected MVMap<K, V> cloneIt() {
    return new LoggedMap<>(this);
  }

  @Override
  public V operate(K key, V value, DecisionMaker<? super V> decisionMaker) {
    if (decisionMaker.getClass() == REWRITE) {
      return super.operate(key, value, decisionMaker);
    }
    synchronized (log) {
      V previous = super.operate(key, value, decisionMaker);
      log.record(this, key, get(key));
      return previous;
    }
  }

  @Override
  public void clear() {
    // Not logged change by change: the next commit writes the whole store instead.
    super.clear();
    log.structureChanged();
  }

  private static Class<?> rewriteDecisionMaker() {
    try {
      return Class.forName(MVMap.class.getName() + "$RewriteDecisionMaker");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("H2 changed how compaction rewrites pages; see docs/storage.md", e);
    }
  }

  /** Opens maps as {@link LoggedMap}s recording into {@code log}, with the given types. */
  static final class Builder<K, V> extends MVMap.Builder<K, V> {

    private final WriteAheadLog log;

    Builder(WriteAheadLog log) {
      this.log = log;
    }

    @Override
    protected MVMap<K, V> create(Map<String, Object> config) {
      return new LoggedMap<>(config, getKeyType(), getValueType(), log);
    }
  }
}
