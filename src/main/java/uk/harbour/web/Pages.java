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
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders Handlebars pages from {@code web/templates}. The engine reads template files as it
 * compiles and resolves partials, so every render runs on a worker, never on an event loop.
 * Template names are always constants of ours, never taken from a request.
 */
public final class Pages {

  private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

  private final Vertx vertx;
  private final HandlebarsTemplateEngine engine;
  private final String templatesDir;
  private final JsonObject site;
  private final String assetVersion;
  /** Why a page cannot be shown, once {@link #compileAll} found a template that does not compile. */
  private volatile String broken;
  private volatile boolean stopping;
  private volatile Future<Void> compiling = Future.succeededFuture();

  private Pages(Vertx vertx, HandlebarsTemplateEngine engine, String templatesDir, JsonObject site, String assetVersion) {
    this.vertx = vertx;
    this.engine = engine;
    this.templatesDir = templatesDir;
    this.site = site;
    this.assetVersion = assetVersion;
  }

  /**
   * Loads the engine; each page compiles when first rendered, or with the rest in
   * {@link #compileAll}. Pages load static files from {@code site.assets}, the path with the
   * {@link AssetVersion} in it.
   */
  public static Future<Pages> load(Vertx vertx, Path webRoot, JsonObject site) {
    Objects.requireNonNull(vertx);
    HandlebarsTemplateEngine engine = HandlebarsTemplateEngine.create(vertx, "hbs");
    String dir = webRoot.resolve("templates").toString();
    return vertx.executeBlocking(
        () -> {
          String version = AssetVersion.of(webRoot.resolve("static"));
          return new Pages(vertx, engine, dir, site.copy().put("assets", AssetVersion.PREFIX + version), version);
        },
        false);
  }

  /**
   * Compiles every page once, in the background after start: before start, compiling them took
   * the two cores from the rest of start-up (docs/performance.md, "Twenty-second pass"). A
   * template that does not compile is logged as an ERROR, and {@link #broken} says so from then on.
   */
  public Future<Void> compileAll() {
    long began = System.nanoTime();
    compiling = vertx.executeBlocking(this::firstBroken, false).map(found -> {
      found.ifPresentOrElse(e -> {
        broken = e.getMessage();
        LOG.error("{}: pages that use it cannot be shown until Harbour restarts with it mended", broken, e);
      }, () -> {
        if (!stopping) {
          LOG.info("Pages compiled in {} ms", (System.nanoTime() - began) / 1_000_000);
        }
      });
      return null;
    });
    return compiling;
  }

  /** Completes once {@link #compileAll} has ended (at once if it has not begun). */
  public Future<Void> compiled() {
    return compiling.otherwiseEmpty();
  }

  /** Ends {@link #compileAll} after the page it is compiling, for a stop: it would otherwise finish on a closed Vert.x. */
  public Future<Void> stopCompiling() {
    stopping = true;
    return compiled();
  }

  /** The template found not to compile, if any: readiness reports it. */
  public Optional<String> broken() {
    return Optional.ofNullable(broken);
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

  private Optional<IllegalStateException> firstBroken() {
    List<String> names;
    try (Stream<Path> files = Files.list(Path.of(templatesDir))) {
      names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hbs")).sorted().toList();
    } catch (IOException e) {
      return Optional.of(new IllegalStateException("page templates cannot be read from " + templatesDir, e));
    }
    for (String name : names) {
      if (stopping) {
        break;
      }
      Future<Buffer> result = engine.render(new JsonObject().put("site", site), templatesDir + "/" + name);
      if (result.failed()) {
        return Optional.of(new IllegalStateException("page template " + name + " does not compile", result.cause()));
      }
    }
    return Optional.empty();
  }
}
