package uk.harbour.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ConfigLoaderTest {

  @Test
  @DisplayName("The defaults file alone gives a runnable embedded configuration")
  void defaultsAlone(Vertx vertx, VertxTestContext ctx) {
    ConfigLoader.load(vertx, Map.of(), new JsonObject())
        .onComplete(
            ctx.succeeding(
                config ->
                    ctx.verify(
                        () -> {
                          assertEquals(8080, config.http().port());
                          assertTrue(config.store().embedded());
                          assertTrue(config.demo(), "demo is on by default with the embedded store");
                          assertEquals(ZoneId.of("Europe/London"), config.zone());
                          assertEquals(java.time.Duration.ofSeconds(30), config.http().requestTimeout(), "as README says");
                          assertEquals(java.time.Duration.ofSeconds(30), config.routing().stepLimit(), "as README says");
                          assertEquals(64, config.security().hashingWaitLimit(), "as README says");
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("A bad routing.stepLimitSeconds (a file-only key) stops start-up with one line naming it")
  void badStepLimit(Vertx vertx, VertxTestContext ctx) {
    refused(vertx, ctx, new JsonObject().put("routing", new JsonObject().put("stepLimitSeconds", 0)),
        "routing.stepLimitSeconds: must be between 1 and 600, got 0");
  }

  @Test
  @DisplayName("A bad security.hashingWaitLimit (a file-only key) stops start-up with one line naming it")
  void badHashingWaitLimit(Vertx vertx, VertxTestContext ctx) {
    refused(vertx, ctx, new JsonObject().put("security", new JsonObject().put("hashingWaitLimit", 0)),
        "security.hashingWaitLimit: must be between 1 and 10000, got 0");
  }

  private static void refused(Vertx vertx, VertxTestContext ctx, JsonObject overrides, String line) {
    ConfigLoader.load(vertx, Map.of(), overrides)
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertInstanceOf(ConfigException.class, e);
                          assertEquals(line, e.getMessage());
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("An extra file beats the defaults, the environment beats the file, and overrides beat both")
  void precedence(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) throws Exception {
    Path extra = dir.resolve("site.yaml");
    Files.writeString(
        extra, "http:\n  port: 9001\n  host: 127.0.0.2\ncouncil:\n  name: File Council\nstore:\n  dataDir: /tmp/from-file\n");
    Map<String, String> env =
        Map.of("HARBOUR_CONFIG", extra.toString(), "HARBOUR_HTTP_PORT", "9002", "HARBOUR_COUNCIL_NAME", "Env Council");
    JsonObject overrides = new JsonObject().put("council", new JsonObject().put("name", "Override Council"));
    ConfigLoader.load(vertx, env, overrides)
        .onComplete(
            ctx.succeeding(
                config ->
                    ctx.verify(
                        () -> {
                          assertEquals("127.0.0.2", config.http().host(), "from the file");
                          assertEquals(Path.of("/tmp/from-file"), config.store().dataDir(), "from the file");
                          assertEquals(9002, config.http().port(), "environment beats the file");
                          assertEquals("Override Council", config.council().name(), "overrides beat the environment");
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("The safety files default to config/safety/ and can be moved by environment variables")
  void safetyFiles(Vertx vertx, VertxTestContext ctx) {
    ConfigLoader.load(vertx, Map.of(), new JsonObject())
        .compose(defaults -> ConfigLoader.load(vertx, Map.of("HARBOUR_SAFETY_LEXICON", "/etc/harbour/lexicon.yaml", "HARBOUR_SAFETY_GUIDANCE", "/etc/harbour/guidance.yaml"), new JsonObject())
            .map(moved -> new HarbourConfig.SafetyFiles[] {defaults.safety(), moved.safety()}))
        .onComplete(
            ctx.succeeding(
                both ->
                    ctx.verify(
                        () -> {
                          assertEquals(new HarbourConfig.SafetyFiles(Path.of("config/safety/lexicon.yaml"), Path.of("config/safety/guidance.yaml")), both[0]);
                          assertEquals(new HarbourConfig.SafetyFiles(Path.of("/etc/harbour/lexicon.yaml"), Path.of("/etc/harbour/guidance.yaml")), both[1]);
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("With MONGO_URI set the real store is used and demo data stays off unless asked for")
  void mongoUriTurnsDemoOff(Vertx vertx, VertxTestContext ctx) {
    ConfigLoader.load(vertx, Map.of("MONGO_URI", "mongodb://db1,db2/?replicaSet=rs0"), new JsonObject())
        .onComplete(
            ctx.succeeding(
                config ->
                    ctx.verify(
                        () -> {
                          assertFalse(config.store().embedded());
                          assertFalse(config.demo());
                          ctx.completeNow();
                        })));
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource(
      delimiter = '|',
      value = {
        "HARBOUR_HTTP_PORT | 70000     | http.port: must be between 0 and 65535, got 70000",
        "HARBOUR_HTTP_PORT | eighty    | http.port: must be a whole number, got 'eighty'",
        "HARBOUR_ZONE      | Mars/Base | time.zone: unknown time zone 'Mars/Base'",
        "MONGO_URI         | mysql://x | mongo.uri: not a valid MongoDB connection string",
        "HARBOUR_PUBLIC_URL| ftp://x   | http.publicUrl: must be an http(s) address, got 'ftp://x'",
        "HARBOUR_DEMO      | maybe     | demo: must be auto, true or false, got 'maybe'",
        "HARBOUR_SLA_MINUTES | 0       | routing.slaMinutes: must be between 1 and 1440, got 0",
        "HARBOUR_ESCALATION_LADDER | backup,boss | routing.ladder: must list backup and/or duty_manager once each",
        "HARBOUR_ESCALATION_LADDER | backup,backup | routing.ladder: must list backup and/or duty_manager once each",
        "HARBOUR_CLUSTER   | yes       | cluster.enabled: must be true or false, got 'yes'",
        "HARBOUR_CLUSTER_PORT | 0      | cluster.port: must be between 1 and 65535, got 0",
        "HARBOUR_TRUST_PROXY | 1       | http.trustProxy: must be true or false, got '1'",
        "HARBOUR_REQUEST_TIMEOUT_SECONDS | 0 | http.requestTimeoutSeconds: must be between 1 and 600, got 0"
      })
  @DisplayName("A bad value stops start-up with one line naming the key and the problem")
  void badValues(String variable, String value, String expected, Vertx vertx, VertxTestContext ctx) {
    ConfigLoader.load(vertx, Map.of(variable, value), new JsonObject())
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertInstanceOf(ConfigException.class, e);
                          assertTrue(e.getMessage().startsWith(expected), e.getMessage());
                          assertFalse(e.getMessage().contains("\n"), "one line");
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("Clustered mode comes from the environment: a TCP/IP member list and this node's port")
  void clusterFromEnvironment(Vertx vertx, VertxTestContext ctx) {
    Map<String, String> env = Map.of("HARBOUR_CLUSTER", "true", "HARBOUR_CLUSTER_MEMBERS", "127.0.0.1:5701, 127.0.0.1:5702",
        "HARBOUR_CLUSTER_PORT", "5702", "MONGO_URI", "mongodb://127.0.0.1:27017");
    ConfigLoader.load(vertx, env, new JsonObject())
        .compose(clustered -> ConfigLoader.load(vertx, Map.of(), new JsonObject()).map(single -> new HarbourConfig[] {clustered, single}))
        .onComplete(
            ctx.succeeding(
                both ->
                    ctx.verify(
                        () -> {
                          assertEquals(new HarbourConfig.Cluster(true, "harbour", "127.0.0.1", 5702, java.util.List.of("127.0.0.1:5701", "127.0.0.1:5702")), both[0].cluster());
                          assertFalse(both[1].cluster().enabled(), "one node by default");
                          ctx.completeNow();
                        })));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no members            | mongodb://127.0.0.1 |                         | cluster.members: must list the cluster's members",
        "a bad member          | mongodb://127.0.0.1 | 127.0.0.1:5701,host name | cluster.members: must be host:port addresses",
        "no shared store       |                     | 127.0.0.1:5701          | mongo.uri: must point at the shared store"
      })
  @DisplayName("Clustered mode without what it needs stops start-up with one line naming the key")
  void clusterNeeds(String what, String mongoUri, String members, String expected, Vertx vertx, VertxTestContext ctx) {
    Map<String, String> env = new java.util.HashMap<>(Map.of("HARBOUR_CLUSTER", "true"));
    if (mongoUri != null) {
      env.put("MONGO_URI", mongoUri);
    }
    if (members != null) {
      env.put("HARBOUR_CLUSTER_MEMBERS", members);
    }
    ConfigLoader.load(vertx, env, new JsonObject())
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertInstanceOf(ConfigException.class, e);
                          assertTrue(e.getMessage().startsWith(expected), e.getMessage());
                          ctx.completeNow();
                        })));
  }

  @Test
  @DisplayName("A missing extra config file is named in the error")
  void missingExtraFile(Vertx vertx, VertxTestContext ctx) {
    ConfigLoader.load(vertx, Map.of("HARBOUR_CONFIG", "/nowhere/harbour.yaml"), new JsonObject())
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertInstanceOf(ConfigException.class, e);
                          assertTrue(e.getMessage().startsWith("configuration: could not be read"), e.getMessage());
                          ctx.completeNow();
                        })));
  }
}
