package uk.harbour.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.connection.TransportSettings;
import com.mongodb.event.ClusterListener;
import com.mongodb.event.CommandListener;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.impl.config.MongoClientOptionsParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.harbour.async.Bounded;
import uk.harbour.store.embedded.EmbeddedStore;

/**
 * The one MongoDB client Harbour shares, with the embedded store ({@link EmbeddedStore}) behind it
 * when no MONGO_URI is set. Owns their lifecycle: opened before the HTTP server starts, closed
 * after it stops.
 */
public final class MongoStore {

  private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);

  /**
   * How soon writes nobody waits for (conversation snapshots, activity marks, report progress)
   * reach the embedded store's file: H2's own auto-commit, which did that within a second, is off.
   */
  static final long UNWAITED_WRITES_COMMIT_MS = 1000;

  /**
   * How long the driver waits for any one answer from the store before failing the operation (it
   * retries a read or a retryable write once). Longer than any single answer Harbour asks for.
   */
  static final int ANSWER_WITHIN_MS = 60_000;

  /** Closing the driver takes milliseconds: its monitor thread stops and its connections close. */
  private static final Duration DRIVER_CLOSE_LIMIT = Duration.ofSeconds(10);

  /** How often a real MongoDB's unanswered commands are looked at (the embedded store's at each unwaited-writes commit). */
  private static final long WATCH_EVERY_MS = 1000;

  private final Vertx vertx;
  private final MongoClient client;
  private final Optional<EmbeddedStore> embedded;
  private final Durability durability;
  private final CommitStall stall;
  private final Watchers watchers;
  private final long watchTimer;

  /** What watches the driver under the client: its unanswered commands, and its closing. */
  private record Watchers(UnansweredCommands commands, DriverClosed closed) {

    Watchers() {
      this(new UnansweredCommands(UnansweredCommands.LIMIT), new DriverClosed());
    }
  }

  private MongoStore(Vertx vertx, MongoClient client, Watchers watchers, Optional<EmbeddedStore> embedded, Durability durability,
      long commitEveryMs) {
    this.vertx = vertx;
    this.client = client;
    this.watchers = watchers;
    this.embedded = embedded;
    this.durability = durability;
    this.stall = new CommitStall(durability, CommitStall.LIMIT);
    this.watchTimer = vertx.setPeriodic(embedded.isPresent() ? commitEveryMs : WATCH_EVERY_MS, id -> {
      if (embedded.isPresent()) {
        durability.commitSoon();
        stall.stalled();
      }
      watchers.commands().check();
    });
  }

  /** Connects to {@code mongoUri}, or starts the embedded store in {@code dataDir} when it is empty. */
  public static Future<MongoStore> open(Vertx vertx, Optional<String> mongoUri, String database, Path dataDir) {
    Objects.requireNonNull(vertx);
    if (mongoUri.isPresent()) {
      JsonObject config =
          new JsonObject()
              .put("connection_string", mongoUri.get())
              .put("db_name", database)
              .put("writeConcern", "majority");
      Watchers watchers = new Watchers();
      return Future.succeededFuture(
          new MongoStore(vertx, client(vertx, config, "harbour-" + database, watchers.commands(), watchers.closed()), watchers, Optional.empty(),
              Durability.none(), 0));
    }
    Path file = dataDir.resolve("harbour.mv.db");
    return vertx
        .executeBlocking(() -> EmbeddedStore.start(file), false)
        .map(
            server -> {
              LOG.info("Embedded store started on {}", file.toAbsolutePath());
              return overEmbedded(vertx, server, database);
            });
  }

  /**
   * Harbour's client over an embedded store already started, every acknowledged write waiting for
   * a shared commit of its file (the store contract tests run this over each backend).
   */
  static MongoStore overEmbedded(Vertx vertx, EmbeddedStore server, String database) {
    return overEmbedded(vertx, server, database, UNWAITED_WRITES_COMMIT_MS);
  }

  /** As above, writes nobody waits for committed every {@code commitEveryMs}. */
  static MongoStore overEmbedded(Vertx vertx, EmbeddedStore server, String database, long commitEveryMs) {
    JsonObject config = new JsonObject().put("connection_string", server.connectionString()).put("db_name", database).put("maxPoolSize", 16);
    Watchers watchers = new Watchers();
    return new MongoStore(vertx, client(vertx, config, "harbour-embedded-" + UUID.randomUUID(), watchers.commands(), watchers.closed()), watchers,
        Optional.of(server), new GroupCommitter(vertx, server::commit), commitEveryMs);
  }

  /**
   * The driver's sockets on Vert.x's own event loops, as vertx-mongo-client arranges itself only on
   * NIO: on the native transport it gives the driver a NIO group of its own, whose threads cost as
   * much CPU as the transport saved (docs/performance.md). Vert.x's epoll loops need epoll channels.
   * Every command is watched by {@code commands}, which says when one goes unanswered, and
   * {@code closing} hears when the driver has closed.
   */
  static MongoClient client(Vertx vertx, JsonObject config, String name, CommandListener commands, ClusterListener closing) {
    config = withAnswerTimeout(config);
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder(new MongoClientOptionsParser(vertx, config).settings())
            .addCommandListener(commands)
            .applyToClusterSettings(cluster -> cluster.addClusterListener(closing));
    if (vertx.isNativeTransportEnabled() && Epoll.isAvailable()) {
      settings.transportSettings(
          TransportSettings.nettyBuilder()
              .eventLoopGroup(((VertxInternal) vertx).nettyEventLoopGroup())
              .socketChannelClass(EpollSocketChannel.class)
              .build());
    }
    return MongoClient.createWithMongoSettings(vertx, config, name, settings.build());
  }

  /**
   * {@code config} with the driver's read timeout set to {@link #ANSWER_WITHIN_MS} unless it or its
   * connection string already sets one. The driver's default is to wait for ever: a store that
   * keeps the connection open but stops answering (a hung primary, a silent network break, an
   * embedded store stuck behind a lock) would hold every operation, and with it each conversation
   * whose ordered chain is waiting on one, so nobody's messages were stored and nothing said so.
   */
  static JsonObject withAnswerTimeout(JsonObject config) {
    String uri = config.getString("connection_string");
    if (config.containsKey("socketTimeoutMS") || (uri != null && new ConnectionString(uri).getSocketTimeout() != null)) {
      return config;
    }
    return config.copy().put("socketTimeoutMS", ANSWER_WITHIN_MS);
  }

  public MongoClient client() {
    return client;
  }

  public Durability durability() {
    return durability;
  }

  public boolean embedded() {
    return embedded.isPresent();
  }

  /** Whether the embedded store's commits have stopped (never on real MongoDB); readiness depends on it. */
  public boolean commitsStalled() {
    return stall.stalled();
  }

  /**
   * Why the embedded store can no longer store anything (its engine closed the file after a failed
   * write; never on real MongoDB, whose driver reports its own failures); readiness depends on it.
   */
  public Optional<String> failure() {
    return embedded.flatMap(EmbeddedStore::failure);
  }

  /** The embedded store underneath, if any: for tests that break it as a full disk would. */
  Optional<EmbeddedStore> embeddedStore() {
    return embedded;
  }

  /** Completes once the driver under the client has closed (tests: {@link #close()} waits for it). */
  Future<Void> driverClosed() {
    return watchers.closed().future();
  }

  /** The commands sent and not yet answered, oldest first, with how long each has waited (for a diagnosis). */
  public String unansweredCommands() {
    return watchers.commands().describe();
  }

  /** Answers when the store can take a command; readiness depends on it. */
  public Future<Void> ping() {
    return client.runCommand("ping", new JsonObject().put("ping", 1)).mapEmpty();
  }

  /** Closes the client and waits for its driver to close, then flushes and closes the embedded store. */
  public Future<Void> close() {
    vertx.cancelTimer(watchTimer);
    return client
        .close()
        .compose(v -> Bounded.within(vertx, DRIVER_CLOSE_LIMIT, driverClosed()))
        .onFailure(e -> LOG.warn("The MongoDB driver did not close within {} s; closing the store all the same", DRIVER_CLOSE_LIMIT.toSeconds()))
        .eventually(
            () ->
                embedded
                    .map(server -> vertx.<Void>executeBlocking(() -> {
                      server.close();
                      return null;
                    }, false))
                    .orElse(Future.succeededFuture()))
        .eventually(durability::close);
  }
}
