package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.store.embedded.EmbeddedStore;
import uk.harbour.testing.Futures;

@DisplayName("Closing the store")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoreCloseTest {

  @Test
  @DisplayName("the MongoDB driver has closed by the time the store has, so nothing of it (a server monitor reconnecting for good) outlives the store or Vert.x")
  void driverClosesBeforeTheStore(@TempDir Path dir) {
    // Before, vertx-mongo-client's close answered at once and closed the driver later, on a worker.
    for (int i = 0; i < 5; i++) {
      Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
      try {
        MongoStore store = MongoStore.overEmbedded(vertx, EmbeddedStore.start(dir.resolve("harbour-" + i + ".mv.db")), "harbour");
        Futures.join(store.client().insert("things", new JsonObject().put("_id", "a")));

        Futures.join(store.close());

        assertTrue(store.driverClosed().isComplete(), "the driver closed first");
      } finally {
        Futures.join(vertx.close());
      }
    }
  }
}
