package uk.harbour.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers a request no route took, as the router's last route: 405 {@code method_not_allowed}
 * with an {@code Allow} header when routes serve its path with other methods, otherwise 404. (A
 * catch-all gives every miss Harbour's error shape, but it also hides the router's own 405.)
 */
public final class NoRouteHandler implements Handler<RoutingContext> {

  private final Router router;

  public NoRouteHandler(Router router) {
    this.router = Objects.requireNonNull(router);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Set<String> allowed = allowedMethods(ctx.normalizedPath());
    if (allowed.isEmpty() || allowed.contains(ctx.request().method().name())) {
      ctx.fail(HarbourException.notFound("We could not find that page."));
      return;
    }
    ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
    ctx.fail(new HarbourException(405, "method_not_allowed", "That action is not allowed here."));
  }

  /** The methods of the routes that serve this path; none for a path nobody serves. Misses are rare, so no cache. */
  Set<String> allowedMethods(String path) {
    Set<String> allowed = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      Set<HttpMethod> methods = route.methods();
      if (methods != null && !methods.isEmpty() && route.getPath() != null && matches(route.getPath(), route.isExactPath(), path)) {
        methods.forEach(m -> allowed.add(m.name()));
      }
    }
    return allowed;
  }

  /**
   * A route's path against a request's, as the router compares them: {@code :name} stands for one
   * segment, a path that is not exact (it ended in {@code *}) for itself and anything below, and a
   * final slash is ignored.
   */
  static boolean matches(String routePath, boolean exact, String path) {
    String[] wanted = trimSlash(routePath.endsWith("*") ? routePath.substring(0, routePath.length() - 1) : routePath).split("/", -1);
    String[] given = trimSlash(path).split("/", -1);
    if (exact ? given.length != wanted.length : given.length < wanted.length) {
      return false;
    }
    for (int i = 0; i < wanted.length; i++) {
      boolean parameter = wanted[i].startsWith(":") && !given[i].isEmpty();
      if (!parameter && !wanted[i].equals(given[i])) {
        return false;
      }
    }
    return true;
  }

  private static String trimSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
