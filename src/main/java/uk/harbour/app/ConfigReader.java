package uk.harbour.app;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Reads dotted keys from merged configuration and turns every type problem into one clear line. */
final class ConfigReader {

  private final JsonObject root;

  ConfigReader(JsonObject root) {
    this.root = root;
  }

  Object raw(String key) {
    Object node = root;
    for (String part : key.split("\\.")) {
      if (!(node instanceof JsonObject object)) {
        return null;
      }
      node = object.getValue(part);
    }
    return node;
  }

  String string(String key) {
    Object value = raw(key);
    if (value == null) {
      throw new ConfigException(key, "is missing");
    }
    if (value instanceof JsonObject || value instanceof io.vertx.core.json.JsonArray) {
      throw new ConfigException(key, "must be a single value");
    }
    return value.toString().trim();
  }

  Optional<String> optionalString(String key) {
    Object value = raw(key);
    return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
  }

  int intInRange(String key, int min, int max) {
    String text = string(key);
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a whole number, got '" + text + "'");
    }
    if (value < min || value > max) {
      throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  boolean bool(String key) {
    String text = string(key);
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key, "must be true or false, got '" + text + "'");
    };
  }

  URI uri(String key) {
    String text = string(key);
    try {
      URI uri = new URI(text);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException(key, "must be an http(s) address, got '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException(key, "is not a valid address: " + e.getMessage());
    }
  }
}
