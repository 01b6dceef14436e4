package uk.harbour.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a repository waits for after a write and before anything is acknowledged to a person.
 * Real MongoDB needs nothing more (writes use majority write concern); the embedded store must
 * reach its file first.
 */
public interface Durability {

  Future<Void> afterWrite();

  /**
   * Whether a commit is due or running, so a write made now would wait for the next one anyway:
   * worth holding it and making it just before that commit ({@link #beforeEachCommit}).
   */
  default boolean committing() {
    return false;
  }

  /** Makes sure a commit comes whose {@link #beforeEachCommit} writes start after this call. */
  default void commitSoon() {}

  /**
   * Runs {@code writes}, given the coming commit, just before each commit; that commit starts once
   * the future it returns completes or, should a write never answer, after a bound: so a held
   * write is covered by that commit only if {@link Commit#coversWritesAppliedNow()} when it answers.
   * Nothing to do where every write is durable by itself.
   */
  default void beforeEachCommit(Function<Commit, Future<?>> writes) {}

  /**
   * A commit as the writes held for it see it: {@code begun} completes just before the file commit
   * starts, {@code outcome} with the commit.
   */
  record Commit(Future<Void> begun, Future<Void> outcome) {

    /** Whether a write the store has applied by now is in this commit: only if it has not begun. */
    public boolean coversWritesAppliedNow() {
      return !begun.isComplete();
    }
  }

  /**
   * How long the oldest write still waiting has been waiting for its commit (zero when none is): a
   * store whose commits have stopped acknowledges nothing, while a ping still answers.
   */
  default Duration commitOwedFor() {
    return Duration.ZERO;
  }

  /** Lets go of what commits ran on, once the store is closed. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }

  static Durability none() {
    return Future::succeededFuture;
  }
}
