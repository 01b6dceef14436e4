package uk.harbour.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Futures.join;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The 10,000-care-leaver bench failed because an update changed a stored document in place while a
 * commit on another thread was writing it out: the commit failed with a
 * ConcurrentModificationException, and so did every write waiting on it (500s). This drives the
 * same shape at a small scale: fresh documents updated with new fields (as joining adds a sign-in
 * name and passphrase hash to a young person) while commits run back to back.
 */
@DisplayName("Updates while the embedded store commits")
class UpdateDuringCommitTest extends EmbeddedStoreTestBase {

  private static final int DOCUMENTS = 3_000;
  private static final int FIELDS = 30;

  @Test
  @DisplayName("never fail a commit or an update, and every update is kept")
  void updatesDuringCommits() throws Exception {
    ConcurrentLinkedQueue<Throwable> commitFailures = new ConcurrentLinkedQueue<>();
    try (H2EmbeddedStore server = H2EmbeddedStore.start(storeFile())) {
      connect(server.connectionString());
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread committer = new Thread(() -> {
        int commits = 0;
        while (writing.get()) {
          try {
            // Mostly log appends, as at chat load; every tenth writes the B-trees, as a checkpoint does.
            if (++commits % 10 == 0) {
              server.checkpoint();
            } else {
              server.commit();
            }
          } catch (RuntimeException e) {
            commitFailures.add(e);
          }
        }
      }, "test-committer");
      committer.start();
      List<Future<Void>> lanes = new ArrayList<>();
      for (int lane = 0; lane < 8; lane++) {
        lanes.add(insertThenUpdate(lane, 8));
      }
      Future<Void> all = Future.join(lanes).mapEmpty();
      try {
        join(all);
      } finally {
        writing.set(false);
        committer.join();
      }
      assertTrue(commitFailures.isEmpty(), () -> "commits failed: " + commitFailures.peek());
      server.commit();
    }
    try (H2EmbeddedStore reopened = H2EmbeddedStore.start(storeFile())) {
      connect(reopened.connectionString());
      assertEquals(DOCUMENTS, join(mongo.count("people", new JsonObject().put("joined", true))), "every update was kept");
    }
  }

  /** Inserts every {@code step}-th document from {@code i}, each then updated with two new fields. */
  private Future<Void> insertThenUpdate(int i, int step) {
    if (i >= DOCUMENTS) {
      return Future.succeededFuture();
    }
    JsonObject person = new JsonObject().put("_id", "p" + i).put("joined", false);
    for (int f = 0; f < FIELDS; f++) {
      person.put("field" + f, "value " + f + " of person " + i);
    }
    JsonObject joined = person.copy().put("joined", true).put("loginName", "name" + i).put("secretHash", "hash-" + i);
    return mongo
        .insert("people", person)
        .compose(id -> mongo.findOneAndReplace("people", new JsonObject().put("_id", "p" + i), joined))
        .compose(previous -> insertThenUpdate(i + step, step));
  }
}
