package uk.harbour.store.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.Optional;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's own H2 backend, none of our classes in it: what an older Harbour ran, and
 * the reference the store contract holds ours to.
 */
public final class StockH2Store implements TestStores.CrashableStore {

  private final MVStore mvStore;
  private final H2Backend backend;
  private final MongoServer server;
  private final String connectionString;
  private boolean closed;

  StockH2Store(MVStore.Builder settings) {
    this.mvStore = settings.open();
    this.backend = new H2Backend(mvStore);
    this.server = new MongoServer(backend);
    this.connectionString = server.bindAndGetConnectionString();
  }

  @Override
  public String connectionString() {
    return connectionString;
  }

  @Override
  public synchronized void commit() {
    if (!closed) {
      mvStore.commit();
      mvStore.sync();
    }
  }

  @Override
  public void failWrites() {
    TestStores.failWrites(mvStore);
  }

  @Override
  public synchronized Optional<String> failure() {
    return closed || (mvStore.getPanicException() == null && !mvStore.isClosed()) ? Optional.empty() : Optional.of(String.valueOf(mvStore.getPanicException()));
  }

  @Override
  public synchronized void crash() {
    mvStore.closeImmediately();
    close();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdownNow();
    backend.close();
  }
}
