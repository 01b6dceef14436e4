package uk.harbour.web;

import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Makes the frames written to one connection in one turn of its event loop go out in one socket
 * write. A message's acknowledgement and its echo to the sender's own screens come from the same
 * commit, and Vert.x flushes each frame by itself outside a read; each flush is a system call that
 * also runs the receiving side's TCP work and wakes the reader. Netty's {@link
 * FlushConsolidationHandler} holds a flush made outside a read until the tasks queued before it have
 * run, then flushes once (at most {@link #FLUSHES} writes apart); flushes during a read wait for the
 * read's end, as before. It saved about a twelfth of the event loops' CPU at 1,000 messages a second
 * (docs/performance.md, "Twenty-third pass").
 *
 * <p>Installed on every HTTP/1 connection as it opens, first in the pipeline so every flush passes
 * it (Vert.x 5.0 internal API: {@link ConnectionBase}).
 */
public final class FlushBatching {

  static final String NAME = "harbourFlushes";
  /** A busy turn still flushes every so often, so one socket's frames never pile up unflushed. */
  static final int FLUSHES = 256;

  private FlushBatching() {}

  public static void install(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      base.channelHandlerContext().pipeline().addFirst(NAME, new FlushConsolidationHandler(FLUSHES, true));
    }
  }
}
