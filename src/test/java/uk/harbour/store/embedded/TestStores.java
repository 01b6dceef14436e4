package uk.harbour.store.embedded;

import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The two embedded stores the store contract runs against: ours and the library's stock one. Both
 * open their file with H2's auto-commit off, so a write reaches the file only through
 * {@link EmbeddedStore#commit()}: a test that crashes the store then shows what that hook covers.
 */
public final class TestStores {

  /** An embedded store that can also stop as {@code kill -9} would: nothing since the last commit is written. */
  public interface CrashableStore extends EmbeddedStore {
    void crash();
  }

  private TestStores() {}

  /** Harbour's own: our backend and MVStore settings, as in production. */
  public static CrashableStore harbour(Path file) {
    H2EmbeddedStore store = H2EmbeddedStore.open(H2EmbeddedStore.settings(file));
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
        store.mvStore().closeImmediately();
        store.close();
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
