package uk.harbour.chat;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Objects;
import uk.harbour.identity.CurrentUser;
import uk.harbour.identity.SignedIn;
import uk.harbour.web.HarbourException;
import uk.harbour.web.OpenSockets;

/**
 * {@code GET /ws}: upgrades a signed-in request from our own origin to a chat connection owned by
 * this HTTP verticle instance.
 */
public final class ChatSocketHandler implements Handler<RoutingContext> {

  private final ChatSockets sockets;
  private final OpenSockets open;
  private final String allowedOrigin;

  public ChatSocketHandler(ChatSockets sockets, OpenSockets open, URI publicUrl) {
    this.sockets = Objects.requireNonNull(sockets);
    this.open = Objects.requireNonNull(open);
    this.allowedOrigin = origin(publicUrl);
  }

  @Override
  public void handle(RoutingContext ctx) {
    SignedIn who = CurrentUser.get(ctx).orElse(null);
    if (who == null) {
      ctx.fail(HarbourException.unauthorized("Please sign in first."));
      return;
    }
    String origin = ctx.request().getHeader("Origin");
    if (origin == null || !origin.equalsIgnoreCase(allowedOrigin)) {
      ctx.fail(HarbourException.forbidden("This connection must come from Harbour's own pages."));
      return;
    }
    ctx.request()
        .toWebSocket()
        .onSuccess(
            socket -> {
              open.add(socket);
              new ChatConnection(ctx.vertx(), socket, who, sockets).start();
            })
        .onFailure(ctx::fail);
  }

  static String origin(URI url) {
    int port = url.getPort();
    boolean defaultPort = port == -1 || (port == 80 && "http".equals(url.getScheme())) || (port == 443 && "https".equals(url.getScheme()));
    return url.getScheme() + "://" + url.getHost() + (defaultPort ? "" : ":" + port);
  }
}
