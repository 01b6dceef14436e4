package uk.harbour.app;

/** A configuration value Harbour cannot start with; the message names the key and the problem. */
public class ConfigException extends RuntimeException {

  public ConfigException(String key, String problem) {
    super(key + ": " + problem, null, false, false);
  }
}
