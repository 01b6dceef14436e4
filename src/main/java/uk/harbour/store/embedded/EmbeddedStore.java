package uk.harbour.store.embedded;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded MongoDB-compatible server Harbour runs when no {@code MONGO_URI} is set, on one
 * file. Everything else reaches it only through the MongoDB driver at {@link #connectionString()},
 * exactly as it reaches a real MongoDB; this interface is the one door into this package. Every
 * method blocks (file I/O): call them on a worker, never an event loop.
 */
public interface EmbeddedStore extends AutoCloseable {

  /** Opens {@code file} (creating it and its directory if needed) and serves it on a random loopback port. */
  static EmbeddedStore start(Path file) {
    return H2EmbeddedStore.start(file);
  }

  /**
   * The shared store ({@code ops/store}): the same engine on {@code file}, served at {@code
   * host:port} for other processes (several Harbour nodes), each write committed to the file
   * before it is answered, so their acknowledgements are as durable as on one node.
   */
  static EmbeddedStore serve(Path file, String host, int port) {
    return H2EmbeddedStore.serve(file, host, port);
  }

  /** Where the driver reaches the server, e.g. {@code mongodb://127.0.0.1:41234}. */
  String connectionString();

  /**
   * The durability hook: appends every write the server has answered so far to the store's
   * write-ahead log and syncs it ({@code WriteAheadLog}; the file itself is written by a checkpoint
   * about once a second). A crash after it returns loses none of them; until it is called they are
   * in memory only (H2's own auto-commit is off). Does nothing once closed.
   */
  void commit();

  /**
   * Why the store can no longer store anything, if it cannot: H2 closes its file for good when a
   * write to it fails (a full disk, an I/O error), and every later write fails while the server
   * still answers, until Harbour restarts and applies the log again. Empty while it works, and
   * after {@link #close()}. The one method that never blocks: readiness asks it on an event loop.
   */
  Optional<String> failure();

  /** Stops the server, then writes every change to the file, closes it and deletes the log. A second call does nothing. */
  @Override
  void close();
}
