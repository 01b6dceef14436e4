package uk.harbour.store.embedded;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The two embedded stores the store contract runs against: ours and the library's stock one. Both
 * open their file with H2's auto-commit off, so a write is kept only through
 * {@link EmbeddedStore#commit()}: a test that crashes the store then shows what that hook covers.
 */
public final class TestStores {

  /** An embedded store that can also stop as {@code kill -9} would: nothing since the last commit is written. */
  public interface CrashableStore extends EmbeddedStore {
    void crash();

    /** What H2 does when writing the file fails (a full disk, say): closes it for good, naming the cause. */
    void failWrites();
  }

  /** Makes a running node's own embedded store fail as {@link CrashableStore#failWrites()} does. */
  public static void failWrites(EmbeddedStore store) {
    failWrites(((H2EmbeddedStore) store).mvStore());
  }

  static void failWrites(MVStore store) {
    try {
      store.panic(DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED, "Writing the file failed (a test's full disk)"));
    } catch (MVStoreException thrown) {
      // panic() records the cause and throws it at the writer that met it; H2 then closes the store as it lets go of its lock.
      store.closeImmediately();
    }
  }

  private TestStores() {}

  /**
   * Harbour's own: our backend and MVStore settings, as in production, but with checkpoints an hour
   * apart, so what survives a crash is what the commits put in the write-ahead log, never a
   * checkpoint that happened to run just before it.
   */
  public static CrashableStore harbour(Path file) {
    H2EmbeddedStore store = H2EmbeddedStore.open(H2EmbeddedStore.settings(file), "127.0.0.1", 0, TimeUnit.HOURS.toMillis(1));
    return new CrashableStore() {
      @Override
      public String connectionString() {
        return store.connectionString();
      }

      @Override
      public void commit() {
        store.commit();
      }

      @Override
      public void crash() {
        store.crash();
      }

      @Override
      public void failWrites() {
        TestStores.failWrites(store.mvStore());
      }

      @Override
      public Optional<String> failure() {
        return store.failure();
      }

      @Override
      public void close() {
        store.close();
      }
    };
  }

  /** The unmodified library classes: {@code H2Backend} on a plain MVStore. */
  public static CrashableStore stock(Path file) {
    return new StockH2Store(new MVStore.Builder().fileName(file.toString()).autoCommitDisabled());
  }
}
