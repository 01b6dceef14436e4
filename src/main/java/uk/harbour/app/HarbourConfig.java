package uk.harbour.app;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import uk.harbour.routing.RoutingSettings;

/** Everything Harbour is configured with, checked once at start and immutable afterwards. */
public record HarbourConfig(
    Http http,
    Store store,
    ZoneId zone,
    boolean demo,
    Path webRoot,
    Security security,
    Chat chat,
    Council council,
    RoutingSettings routing,
    SafetyFiles safety,
    DataFiles files,
    Cluster cluster) {

  /**
   * {@code trustProxy}: the client's address (throttling, audit) comes from the proxy's X-Forwarded-For.
   * {@code requestTimeout}: a request not begun to be answered by then gets 503 {@code timed_out}.
   */
  public record Http(
      String host,
      int port,
      URI publicUrl,
      int bodyLimitBytes,
      int instances,
      boolean secureCookies,
      boolean trustProxy,
      Duration requestTimeout) {}

  /** {@code mongoUri} empty means the embedded store under {@code dataDir}. */
  public record Store(Optional<String> mongoUri, String database, Path dataDir) {
    public boolean embedded() {
      return mongoUri.isEmpty();
    }
  }

  /**
   * Clustered mode (docs/operations.md): this node joins the Hazelcast cluster {@code name} on
   * {@code host:port}, finding the others at the TCP/IP {@code members} (multicast is never used).
   * Off by default: a single node starts no cluster at all.
   */
  public record Cluster(boolean enabled, String name, String host, int port, java.util.List<String> members) {}

  /** {@code exitUrl}: the neutral site "Exit this page" replaces a young person's page with. */
  public record Council(String name, String outOfHoursPhone, URI exitUrl) {}

  /** The risk lexicon and the staff guidance files (docs/safeguarding.md). */
  public record SafetyFiles(Path lexicon, Path guidance) {}

  /**
   * The data files read at start (off the event loop): bank holidays, the common-password list, the
   * demo rota, and the directory of signposting seeds ({@code national.yaml}, {@code demo-local.yaml}).
   */
  public record DataFiles(Path bankHolidays, Path commonPasswords, Path demoRota, Path signposting) {}

  public record Security(
      Duration staffIdle,
      Duration staffAbsolute,
      Duration deviceLifetime,
      Duration inviteLifetime,
      int argon2MemoryKib,
      int argon2Iterations,
      int hashingWaitLimit,
      boolean requireTotpForManagers) {}

  public record Chat(int burst, int messagesPerMinute) {}

  /** Reads the merged configuration; throws {@link ConfigException} naming the first bad key. */
  public static HarbourConfig from(JsonObject json) {
    ConfigReader in = new ConfigReader(json);
    Store store =
        new Store(
            in.optionalString("mongo.uri").map(HarbourConfig::checkedMongoUri),
            in.string("mongo.database"),
            Path.of(in.string("store.dataDir")));
    Http http =
        new Http(
            in.string("http.host"),
            in.intInRange("http.port", 0, 65535),
            in.uri("http.publicUrl"),
            in.intInRange("http.bodyLimitBytes", 1024, 10 * 1024 * 1024),
            in.intInRange("http.instances", 1, 64),
            in.bool("http.secureCookies"),
            in.bool("http.trustProxy"),
            Duration.ofSeconds(in.intInRange("http.requestTimeoutSeconds", 1, 600)));
    return new HarbourConfig(
        http,
        store,
        zone(in.string("time.zone")),
        demo(in.string("demo"), store),
        Path.of(in.string("web.root")),
        new Security(
            Duration.ofMinutes(in.intInRange("security.staffIdleMinutes", 1, 24 * 60)),
            Duration.ofHours(in.intInRange("security.staffAbsoluteHours", 1, 72)),
            Duration.ofDays(in.intInRange("security.deviceDays", 1, 400)),
            Duration.ofDays(in.intInRange("security.inviteDays", 1, 30)),
            in.intInRange("security.argon2MemoryKib", 1024, 1_048_576),
            in.intInRange("security.argon2Iterations", 1, 10),
            in.intInRange("security.hashingWaitLimit", 1, 10_000),
            in.bool("security.requireTotpForManagers")),
        new Chat(in.intInRange("chat.burst", 1, 1_000_000), in.intInRange("chat.messagesPerMinute", 1, 1_000_000)),
        new Council(in.string("council.name"), in.string("council.outOfHoursPhone"), in.uri("council.exitUrl")),
        new RoutingSettings(
            Duration.ofMinutes(in.intInRange("routing.slaMinutes", 1, 24 * 60)),
            Duration.ofMinutes(in.intInRange("routing.urgentSlaMinutes", 1, 24 * 60)),
            Duration.ofMinutes(in.intInRange("routing.repeatMinutes", 1, 24 * 60)),
            ladder(in.string("routing.ladder")),
            Duration.ofSeconds(in.intInRange("routing.disconnectGraceSeconds", 0, 3600)),
            Duration.ofSeconds(in.intInRange("routing.sweepSeconds", 1, 600)),
            in.intInRange("routing.autoReplyCards", 0, 10),
            Duration.ofSeconds(in.intInRange("routing.stepLimitSeconds", 1, 600)),
            Duration.ofMinutes(in.intInRange("routing.acknowledgementMinutes", 1, 24 * 60)),
            Duration.ofSeconds(in.intInRange("routing.alertReceiptSeconds", 1, 600))),
        new SafetyFiles(Path.of(in.string("safety.lexicon")), Path.of(in.string("safety.guidance"))),
        new DataFiles(
            Path.of(in.string("files.bankHolidays")),
            Path.of(in.string("files.commonPasswords")),
            Path.of(in.string("files.demoRota")),
            Path.of(in.string("files.signposting"))),
        cluster(in, store));
  }

  private static Cluster cluster(ConfigReader in, Store store) {
    boolean enabled = in.bool("cluster.enabled");
    java.util.List<String> members =
        java.util.Arrays.stream(in.optionalString("cluster.members").orElse("").split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    for (String member : members) {
      if (!member.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
        throw new ConfigException("cluster.members", "must be host:port addresses separated by commas, got '" + member + "'");
      }
    }
    Cluster cluster = new Cluster(
        enabled, in.string("cluster.name"), in.string("cluster.host"), in.intInRange("cluster.port", 1, 65535), members);
    if (enabled && members.isEmpty()) {
      throw new ConfigException("cluster.members", "must list the cluster's members (host:port,…) when cluster.enabled is true");
    }
    if (enabled && store.embedded()) {
      throw new ConfigException("mongo.uri", "must point at the shared store (ops/store or a MongoDB replica set) when cluster.enabled is true");
    }
    return cluster;
  }

  /** Rungs of the escalation ladder, in order: {@code backup} and {@code duty_manager}. */
  private static java.util.List<String> ladder(String text) {
    java.util.List<String> rungs = java.util.Arrays.stream(text.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    if (rungs.isEmpty() || !java.util.Set.of("backup", "duty_manager").containsAll(rungs) || rungs.size() != rungs.stream().distinct().count()) {
      throw new ConfigException("routing.ladder", "must list backup and/or duty_manager once each, in order, got '" + text + "'");
    }
    return rungs;
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new ConfigException("time.zone", "unknown time zone '" + id + "'");
    }
  }

  private static boolean demo(String value, Store store) {
    return switch (value) {
      case "auto" -> store.embedded();
      case "true", "on" -> true;
      case "false", "off" -> false;
      default -> throw new ConfigException("demo", "must be auto, true or false, got '" + value + "'");
    };
  }

  private static String checkedMongoUri(String uri) {
    try {
      new com.mongodb.ConnectionString(uri);
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("mongo.uri", "not a valid MongoDB connection string (" + e.getMessage() + ")");
    }
  }
}
