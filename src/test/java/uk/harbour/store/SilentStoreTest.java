package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Eventually.eventually;

import ch.qos.logback.classic.Level;
import com.mongodb.ConnectionString;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.store.embedded.EmbeddedStore;
import uk.harbour.testing.Futures;
import uk.harbour.testing.LogCapture;

/**
 * A store that keeps its connections open but stops answering must fail the operations waiting on
 * it, not hold them for ever: each conversation's ordered chain waits on its store operations, so
 * one held for ever stops that young person's messages being stored at all.
 */
@DisplayName("A store that stops answering")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SilentStoreTest {

  private final Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
  private EmbeddedStore server;
  private MongoClient client;
  private final DriverClosed driverClosed = new DriverClosed();

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      // The driver closed before Vert.x, or its monitor would reconnect on dead event loops (DirectClient).
      Futures.join(client.close().compose(v -> driverClosed.future()));
    }
    Futures.join(vertx.close());
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("fails an operation once the driver's answer timeout has passed, and answers again once it speaks")
  void silenceFailsOperations(@TempDir Path dir) {
    AtomicBoolean silent = new AtomicBoolean();
    client = behindProxy(dir, silent, 500, new UnansweredCommands(UnansweredCommands.LIMIT));

    silent.set(true);
    long started = System.nanoTime();
    Future<JsonObject> held = client.findOne("things", new JsonObject().put("_id", "a"), null);
    Throwable failure = Futures.failure(held);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(messages(failure).contains("MongoSocketReadTimeoutException"), "a read timeout: " + messages(failure));
    assertTrue(tookMillis >= 500 && tookMillis < 20_000, "failed after the timeout, not for ever: " + tookMillis + " ms");

    silent.set(false);
    assertEquals(1, Futures.join(client.findOne("things", new JsonObject().put("_id", "a"), null)).getInteger("n"));
  }

  @Test
  @DisplayName("a command the store leaves unanswered beyond the limit is named in the log once, and once more when nothing waits any longer")
  void unansweredCommandIsTold(@TempDir Path dir) {
    AtomicBoolean silent = new AtomicBoolean();
    UnansweredCommands commands = new UnansweredCommands(Duration.ofMillis(200));
    client = behindProxy(dir, silent, 3000, commands);
    try (LogCapture logged = LogCapture.of(UnansweredCommands.class)) {
      commands.check();
      assertTrue(logged.lines().isEmpty(), "nothing waits: nothing to say");

      silent.set(true);
      Future<JsonObject> held = client.findOne("things", new JsonObject().put("_id", "a"), null);
      eventually(() -> {
        commands.check();
        return !logged.lines().isEmpty();
      });
      assertEquals(Level.ERROR, logged.lines().get(0).getLevel());
      assertTrue(logged.lines().get(0).getFormattedMessage().startsWith("The store has not answered a find command for"),
          logged.lines().get(0).getFormattedMessage());
      assertTrue(commands.describe().contains("find on harbour"), commands.describe());
      commands.check();
      assertEquals(1, logged.lines().size(), "said once while it lasts");

      Futures.failure(held);
      commands.check();
      assertEquals(2, logged.lines().size());
      assertEquals("The store answers again", logged.lines().get(1).getFormattedMessage());
      assertEquals("[]", commands.describe());
    }
  }

  @Test
  @DisplayName("Harbour's clients get a one-minute answer timeout unless the configuration or the MongoDB URI sets one")
  void answerTimeoutByDefault() {
    JsonObject plain = new JsonObject().put("connection_string", "mongodb://db1,db2,db3/?replicaSet=rs0");
    assertEquals(MongoStore.ANSWER_WITHIN_MS, MongoStore.withAnswerTimeout(plain).getInteger("socketTimeoutMS"));
    assertEquals(60_000, MongoStore.ANSWER_WITHIN_MS);

    JsonObject ownUri = new JsonObject().put("connection_string", "mongodb://db1/?socketTimeoutMS=5000");
    assertSame(ownUri, MongoStore.withAnswerTimeout(ownUri), "the operator's own setting in MONGO_URI is kept");
    JsonObject ownKey = plain.copy().put("socketTimeoutMS", 1234);
    assertEquals(1234, MongoStore.withAnswerTimeout(ownKey).getInteger("socketTimeoutMS"));
  }

  /**
   * Harbour's client to a new embedded store through {@link #silencingProxy}, with this answer
   * timeout, once it has stored one document ({@code things}, {@code _id} a, {@code n} 1).
   */
  private MongoClient behindProxy(Path dir, AtomicBoolean silent, int socketTimeoutMs, UnansweredCommands commands) {
    server = EmbeddedStore.start(dir.resolve("harbour.mv.db"));
    int port = Futures.join(silencingProxy(new ConnectionString(server.connectionString()).getHosts().get(0), silent)).actualPort();
    JsonObject config =
        new JsonObject().put("connection_string", "mongodb://127.0.0.1:" + port).put("db_name", "harbour").put("socketTimeoutMS", socketTimeoutMs);
    MongoClient behind = MongoStore.client(vertx, config, "silent-store-test-" + socketTimeoutMs, commands, driverClosed);
    Futures.join(behind.insert("things", new JsonObject().put("_id", "a").put("n", 1)));
    return behind;
  }

  /** Passes bytes both ways to {@code store}, except the store's answers while {@code silent}. */
  private Future<NetServer> silencingProxy(String store, AtomicBoolean silent) {
    String[] hostPort = store.split(":");
    return vertx
        .createNetServer()
        .connectHandler(
            app -> {
              app.pause();
              vertx
                  .createNetClient()
                  .connect(Integer.parseInt(hostPort[1]), hostPort[0])
                  .onSuccess(
                      (NetSocket db) -> {
                        app.handler(db::write);
                        db.handler(answer -> {
                          if (!silent.get()) {
                            app.write(answer);
                          }
                        });
                        app.closeHandler(v -> db.close());
                        db.closeHandler(v -> app.close());
                        app.resume();
                      })
                  .onFailure(e -> app.close());
            })
        .listen(0, "127.0.0.1");
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append(" / ");
    }
    return all.toString();
  }
}
