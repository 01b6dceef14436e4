package uk.harbour.app;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Merges configuration in order of precedence: {@code config/application.yaml}, then the optional
 * file named by {@code HARBOUR_CONFIG}, then environment variables, then explicit overrides (tests).
 */
public final class ConfigLoader {

  /** Environment variable → dotted configuration key. */
  static final Map<String, String> ENV_KEYS =
      Map.ofEntries(
          Map.entry("HARBOUR_HTTP_HOST", "http.host"),
          Map.entry("HARBOUR_HTTP_PORT", "http.port"),
          Map.entry("HARBOUR_PUBLIC_URL", "http.publicUrl"),
          Map.entry("HARBOUR_BODY_LIMIT_BYTES", "http.bodyLimitBytes"),
          Map.entry("HARBOUR_HTTP_INSTANCES", "http.instances"),
          Map.entry("HARBOUR_SECURE_COOKIES", "http.secureCookies"),
          Map.entry("HARBOUR_REQUEST_TIMEOUT_SECONDS", "http.requestTimeoutSeconds"),
          Map.entry("MONGO_URI", "mongo.uri"),
          Map.entry("HARBOUR_MONGO_DATABASE", "mongo.database"),
          Map.entry("HARBOUR_DATA_DIR", "store.dataDir"),
          Map.entry("HARBOUR_ZONE", "time.zone"),
          Map.entry("HARBOUR_DEMO", "demo"),
          Map.entry("HARBOUR_WEB_ROOT", "web.root"),
          Map.entry("HARBOUR_REQUIRE_TOTP", "security.requireTotpForManagers"),
          Map.entry("HARBOUR_ARGON2_MEMORY_KIB", "security.argon2MemoryKib"),
          Map.entry("HARBOUR_ARGON2_ITERATIONS", "security.argon2Iterations"),
          Map.entry("HARBOUR_CHAT_BURST", "chat.burst"),
          Map.entry("HARBOUR_CHAT_MESSAGES_PER_MINUTE", "chat.messagesPerMinute"),
          Map.entry("HARBOUR_SLA_MINUTES", "routing.slaMinutes"),
          Map.entry("HARBOUR_URGENT_SLA_MINUTES", "routing.urgentSlaMinutes"),
          Map.entry("HARBOUR_ESCALATION_LADDER", "routing.ladder"),
          Map.entry("HARBOUR_ESCALATION_REPEAT_MINUTES", "routing.repeatMinutes"),
          Map.entry("HARBOUR_SAFETY_LEXICON", "safety.lexicon"),
          Map.entry("HARBOUR_SAFETY_GUIDANCE", "safety.guidance"),
          Map.entry("HARBOUR_BANK_HOLIDAYS", "files.bankHolidays"),
          Map.entry("HARBOUR_SIGNPOSTING_DIR", "files.signposting"),
          Map.entry("HARBOUR_COUNCIL_NAME", "council.name"),
          Map.entry("HARBOUR_COUNCIL_OUT_OF_HOURS_PHONE", "council.outOfHoursPhone"),
          Map.entry("HARBOUR_EXIT_URL", "council.exitUrl"),
          Map.entry("HARBOUR_CLUSTER", "cluster.enabled"),
          Map.entry("HARBOUR_CLUSTER_NAME", "cluster.name"),
          Map.entry("HARBOUR_CLUSTER_HOST", "cluster.host"),
          Map.entry("HARBOUR_CLUSTER_PORT", "cluster.port"),
          Map.entry("HARBOUR_CLUSTER_MEMBERS", "cluster.members"),
          Map.entry("HARBOUR_TRUST_PROXY", "http.trustProxy"));

  private ConfigLoader() {}

  public static Future<HarbourConfig> load(Vertx vertx, Map<String, String> env, JsonObject overrides) {
    ConfigRetrieverOptions options =
        new ConfigRetrieverOptions()
            .setIncludeDefaultStores(false)
            .addStore(yamlFile(env.getOrDefault("HARBOUR_DEFAULTS", "config/application.yaml"), false));
    String extra = env.get("HARBOUR_CONFIG");
    if (extra != null && !extra.isBlank()) {
      options.addStore(yamlFile(extra, false));
    }
    options.addStore(new ConfigStoreOptions().setType("json").setConfig(fromEnv(env)));
    options.addStore(new ConfigStoreOptions().setType("json").setConfig(overrides));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever
        .getConfig()
        .eventually(retriever::close)
        .recover(e -> Future.failedFuture(new ConfigException("configuration", rootMessage(e))))
        .map(HarbourConfig::from);
  }

  static JsonObject fromEnv(Map<String, String> env) {
    JsonObject json = new JsonObject();
    ENV_KEYS.forEach(
        (name, key) -> {
          String value = env.get(name);
          if (value != null) {
            put(json, key, value);
          }
        });
    return json;
  }

  private static void put(JsonObject json, String dottedKey, String value) {
    String[] parts = dottedKey.split("\\.");
    JsonObject node = json;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    node.put(parts[parts.length - 1], value);
  }

  private static ConfigStoreOptions yamlFile(String path, boolean optional) {
    return new ConfigStoreOptions()
        .setType("file")
        .setFormat("yaml")
        .setOptional(optional)
        .setConfig(new JsonObject().put("path", path));
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return "could not be read: " + cause.getMessage();
  }
}
