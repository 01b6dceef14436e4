package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.MongoServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.store.embedded.EmbeddedStore;
import uk.harbour.testing.Futures;
import uk.harbour.testing.LogCapture;

@DisplayName("Closing the store")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StoreCloseTest {

  @Test
  @DisplayName("the driver has closed its connections by the time the embedded store closes, so nothing of it outlives the store (a server monitor reconnecting for good)")
  void driverClosesBeforeTheStore(@TempDir Path dir) {
    // Before, the driver closed later on a worker, and the store found its connections still open most times.
    for (int i = 0; i < 5; i++) {
      Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
      MongoStore store = MongoStore.overEmbedded(vertx, EmbeddedStore.start(dir.resolve("harbour-" + i + ".mv.db")), "harbour");
      Futures.join(store.client().insert("things", new JsonObject().put("_id", "a")));
      try (LogCapture server = LogCapture.of(MongoServer.class)) {
        Futures.join(store.close());
        assertEquals(List.of(), server.lines().stream().map(line -> line.getFormattedMessage()).toList(), "no connection left for the store to force closed");
      } finally {
        Futures.join(vertx.close());
      }
    }
  }
}
