package uk.harbour.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML (rota and bank-holiday files) into the same JSON values {@link JsonInput} checks: no
 * custom tags, no duplicate keys, bounded aliases, nesting and size. Only null, true/false and
 * plain whole numbers are typed; everything else stays text, so {@code 17:00} is not read as the
 * base-60 number 1020 nor {@code 2026-12-25} as a Date. Takes text: callers read files off the
 * event loop.
 */
public final class YamlInput {

  private YamlInput() { }

  /** YAML text to Vert.x JSON values (JsonObject, JsonArray, String, Integer, Long, Boolean). */
  public static Object parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(20);
    options.setCodePointLimit(1_000_000);
    Yaml parser = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
        new DumperOptions(), options, new PlainResolver());
    try {
      return toJsonValue(parser.load(Objects.requireNonNull(yaml)), "");
    } catch (YAMLException e) {
      throw HarbourException.badRequest("bad_yaml", "The YAML could not be read: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static Object toJsonValue(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw HarbourException.badRequest("wrong_type", "Keys must be text (in '" + where + "').");
        }
        object.put(key, toJsonValue(entry.getValue(), where + "." + key));
      }
      return object;
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      for (Object item : list) {
        array.add(toJsonValue(item, where + "[]"));
      }
      return array;
    }
    if (value == null || value instanceof String || value instanceof Integer
        || value instanceof Long || value instanceof Boolean) {
      return value;
    }
    throw HarbourException.badRequest("wrong_type", "Unexpected YAML value at '" + where + "'.");
  }

  /** Types only null, booleans and plain decimal integers. */
  private static final class PlainResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
      addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?(?:0|[1-9][0-9]{0,9})$"), "-+0123456789");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL)$"), "~nN");
      addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }
  }
}
