package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.testing.Ports;
import uk.harbour.testing.Processes;

/**
 * The shared store (ops/store's main) as its own process, killed with SIGKILL right after a stream
 * of acknowledged writes: every write it answered is in its file when it starts again, because it
 * commits before answering (H2 alone commits about once a second).
 */
@DisplayName("The shared store loses no acknowledged write when killed")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SharedStoreCrashTest {

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private Process store;

  @AfterEach
  void stop() {
    if (store != null) {
      store.destroyForcibly();
    }
    await(vertx.close());
  }

  @Test
  @DisplayName("every insert, update and delete acknowledged before kill -9 is there after a restart")
  void killNine() throws Exception {
    int port = Ports.free();
    Map<String, String> env = Map.of("HARBOUR_STORE_PORT", String.valueOf(port), "HARBOUR_DATA_DIR", dir.toString());
    store = Processes.java("uk.harbour.store.embedded.StoreServer", env, "Harbour store ready", new StringBuilder());
    DirectClient client = DirectClient.open(vertx, "mongodb://127.0.0.1:" + port, "crash");
    MongoClient mongo = client.mongo();
    int acked = 0;
    for (int i = 0; i < 300; i++) {
      await(mongo.insert("things", new JsonObject().put("_id", "t" + i).put("n", i)));
      acked++;
    }
    await(mongo.updateCollection("things", new JsonObject().put("_id", "t0"), new JsonObject().put("$set", new JsonObject().put("n", -1))));
    await(mongo.removeDocument("things", new JsonObject().put("_id", "t1")));
    store.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // at once, before H2's own once-a-second commit
    client.close();

    store = Processes.java("uk.harbour.store.embedded.StoreServer", env, "Harbour store ready", new StringBuilder());
    client = DirectClient.open(vertx, "mongodb://127.0.0.1:" + port, "crash");
    MongoClient again = client.mongo();
    assertEquals(acked - 1, await(again.count("things", new JsonObject())), "every acknowledged insert, less the one deleted");
    assertEquals(-1, await(again.findOne("things", new JsonObject().put("_id", "t0"), null)).getInteger("n"), "the update");
    assertEquals(299, await(again.findOne("things", new JsonObject().put("_id", "t299"), null)).getInteger("n"), "the last insert");
    client.close();
  }
}
