package uk.harbour.store.embedded;

/**
 * The shared store's durability (ops/store): a write command is answered only after a commit of
 * the file that started after the write was applied, as real MongoDB answers a journaled write.
 * Commits are shared: a write that finds one running waits for the next, which covers every write
 * applied before it started. Runs on the server's I/O threads, which is why the store is its own
 * process.
 */
final class CommitBeforeReply {

  private final Runnable commit;
  private long requested;
  private long completed;
  private boolean running;

  CommitBeforeReply(Runnable commit) {
    this.commit = commit;
  }

  /** Returns once a commit that started after this call began has finished. */
  void awaitCommit() {
    long ticket;
    synchronized (this) {
      ticket = ++requested;
    }
    while (true) {
      long covering;
      synchronized (this) {
        while (running && completed < ticket) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a commit", e);
          }
        }
        if (completed >= ticket) {
          return;
        }
        running = true;
        covering = requested;
      }
      try {
        commit.run();
      } finally {
        synchronized (this) {
          running = false;
          notifyAll();
        }
      }
      synchronized (this) {
        completed = Math.max(completed, covering);
      }
    }
  }
}
