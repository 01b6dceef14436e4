package uk.harbour.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;

/**
 * Serves {@code web/static}. Pages load it under the current {@link AssetVersion}, kept by
 * browsers for a year; any other version (a page loaded before an upgrade) is sent to the current
 * one; the plain {@code /static/…} paths (the service worker, old bookmarks) are checked with the
 * server each time, so nothing is ever kept past a change.
 */
public final class StaticFiles {

  private static final String FOR_A_YEAR = "public, max-age=31536000, immutable";

  private StaticFiles() {}

  public static void mount(Router router, Path staticDir, String version) {
    String current = AssetVersion.PREFIX + version + "/";
    router
        .route(current + "*")
        .handler(ctx -> {
          ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, FOR_A_YEAR);
          ctx.next();
        })
        .handler(files(staticDir));
    router
        .route(AssetVersion.PREFIX + "*")
        .handler(ctx -> {
          String path = ctx.normalizedPath().substring(AssetVersion.PREFIX.length());
          int slash = path.indexOf('/');
          if (slash < 0) {
            ctx.next(); // no file named: not found
            return;
          }
          ctx.response()
              .setStatusCode(302)
              .putHeader(HttpHeaders.LOCATION, current + path.substring(slash + 1))
              .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
              .end();
        });
    router
        .route("/static/*")
        .handler(ctx -> {
          // Revalidated each time (a 304 when unchanged), as these paths carry no version.
          ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
          ctx.next();
        })
        .handler(files(staticDir));
  }

  private static StaticHandler files(Path staticDir) {
    // Caching on for Last-Modified and 304s; the Cache-Control set above wins over its own.
    return StaticHandler.create(FileSystemAccess.ROOT, staticDir.toAbsolutePath().toString()).setCachingEnabled(true).setSendVaryHeader(true);
  }
}
