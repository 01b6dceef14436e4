package uk.harbour.web;

import com.github.jknack.handlebars.Helper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Renders Handlebars pages from {@code web/templates}. The engine reads template files as it
 * compiles and resolves partials, so every render runs on a worker, never on an event loop.
 * Template names are always constants of ours, never taken from a request.
 */
public final class Pages {

  private final Vertx vertx;
  private final HandlebarsTemplateEngine engine;
  private final String templatesDir;
  private final JsonObject site;
  private final String assetVersion;

  private Pages(Vertx vertx, HandlebarsTemplateEngine engine, String templatesDir, JsonObject site, String assetVersion) {
    this.vertx = vertx;
    this.engine = engine;
    this.templatesDir = templatesDir;
    this.site = site;
    this.assetVersion = assetVersion;
  }

  /**
   * Loads the engine and compiles every page once, so a broken template stops start-up. Pages
   * load static files from {@code site.assets}, the path with the {@link AssetVersion} in it.
   */
  public static Future<Pages> load(Vertx vertx, Path webRoot, JsonObject site) {
    Objects.requireNonNull(vertx);
    HandlebarsTemplateEngine engine = HandlebarsTemplateEngine.create(vertx, "hbs");
    String dir = webRoot.resolve("templates").toString();
    return vertx.executeBlocking(
        () -> {
          String version = AssetVersion.of(webRoot.resolve("static"));
          Pages pages = new Pages(vertx, engine, dir, site.copy().put("assets", AssetVersion.PREFIX + version), version);
          pages.compileAll();
          return pages;
        },
        false);
  }

  /** The version in the path pages load static files from ({@link AssetVersion}). */
  public String assetVersion() {
    return assetVersion;
  }

  public <T> Pages helper(String name, Helper<T> helper) {
    engine.unwrap().registerHelper(name, helper);
    return this;
  }

  public Future<Buffer> render(String template, JsonObject model) {
    JsonObject context = model.copy().put("site", site);
    String file = templatesDir + "/" + template;
    return vertx.executeBlocking(() -> engine.render(context, file).result(), false);
  }

  /** Renders a page and sends it with the given status. */
  public Future<Void> send(RoutingContext ctx, int status, String template, JsonObject model) {
    return render(template, model)
        .compose(
            html ->
                // Answered meanwhile (a render that outlived the error page's bound): nothing to add.
                ctx.response().ended() ? Future.<Void>succeededFuture() : ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(html));
  }

  private Void compileAll() throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(Path.of(templatesDir))) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hbs")).toList();
    }
    for (String name : names) {
      Future<Buffer> result = engine.render(new JsonObject().put("site", site), templatesDir + "/" + name);
      if (result.failed()) {
        throw new IllegalStateException("Template " + name + " does not compile", result.cause());
      }
    }
    return null;
  }
}
