package uk.harbour.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Lets the frames written to one socket in one event-loop task leave in one system call. Vert.x
 * flushes every write made outside a read, so a staff console handed a batch of queue summaries
 * ({@code chat.StaffSummaries}) paid a socket write per frame; Netty's consolidation handler
 * defers each flush to the end of the task instead, and flushes before a close. Installed on
 * every HTTP/1 connection as it opens (Vert.x 5.0 internal API: {@link ConnectionBase}).
 */
public final class FlushCoalescing {

  private static final String NAME = "harbourFlushCoalescing";

  private FlushCoalescing() {}

  public static void install(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      ChannelHandlerContext vertx = base.channelHandlerContext();
      vertx.pipeline().addBefore(vertx.name(), NAME, new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
    }
  }
}
