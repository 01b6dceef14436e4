package uk.harbour.signposting;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.FileTemplateLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a card from {@code web/templates/partials/card.hbs} (HTML, every value escaped) and
 * {@code partials/card-text.hbs} (plain text for transcripts and notifications). Both are compiled
 * once at start, off the event loop; rendering is then pure computation on data in memory.
 */
public final class CardRenderer {

  public static final String HTML = "partials/card";
  public static final String TEXT = "partials/card-text";

  private final Template html;
  private final Template text;

  private CardRenderer(Template html, Template text) {
    this.html = html;
    this.text = text;
  }

  /** Reads and compiles the templates: blocking, so call it from a worker. */
  public static CardRenderer load(Path templatesDir) {
    FileTemplateLoader loader = new FileTemplateLoader(templatesDir.toFile(), ".hbs");
    Handlebars forHtml = new Handlebars(loader);
    // Plain text is never put into markup as is: chat shows it with textContent, transcripts escape it.
    Handlebars forText = new Handlebars(loader).with(EscapingStrategy.NOOP);
    CardHelpers.register(forHtml);
    CardHelpers.register(forText);
    try {
      return new CardRenderer(forHtml.compile(HTML), forText.compile(TEXT));
    } catch (IOException e) {
      throw new UncheckedIOException("Card templates could not be read", e);
    }
  }

  /** {@code {entryId, version, title, html, text}} for a card model from {@link CardView}. */
  public JsonObject render(JsonObject model) {
    Object plain = plain(model);
    try {
      return new JsonObject()
          .put("entryId", model.getString("entryId"))
          .put("version", model.getInteger("version"))
          .put("title", model.getString("title"))
          .put("html", html.apply(Context.newContext(plain)).strip())
          .put("text", text.apply(Context.newContext(plain)).strip().replaceAll("\n{3,}", "\n\n"));
    } catch (IOException e) {
      throw new UncheckedIOException("A card could not be rendered", e);
    }
  }

  /** Handlebars reads maps and lists; JSON becomes those. */
  static Object plain(Object value) {
    if (value instanceof JsonObject json) {
      Map<String, Object> map = new LinkedHashMap<>();
      json.forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (value instanceof JsonArray array) {
      List<Object> list = new ArrayList<>();
      array.forEach(v -> list.add(plain(v)));
      return list;
    }
    return value;
  }
}
