package uk.harbour.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Fails a WebSocket that breaks RFC 6455 in a way Vert.x lets through: a frame with a reserved bit
 * its extensions do not explain (section 5.2: close 1002), or a text frame that is not UTF-8
 * (section 8.1: close 1007, by Netty's own validator; Vert.x would store U+FFFD instead). Netty's decoder is told to allow RSV bits because permessage-deflate
 * is offered, and then lets them through on every socket, compressed or not; the deflate decoder
 * clears RSV1 on the frames it inflates, so a bit still set here was never negotiated.
 *
 * <p>Installed on every HTTP/1 connection as it opens, just before Vert.x's own handler, so it sits
 * behind the extension decoders the upgrade adds and no frame can arrive before it. Vert.x exposes
 * no frame's RSV bits, hence the Netty handler (Vert.x 5.0 internal API: {@link ConnectionBase}).
 */
public final class WebSocketFrameGuard extends ChannelInboundHandlerAdapter {

  private static final String NAME = "harbourReservedBits";
  private static final String UTF8 = "harbourUtf8";

  private boolean failed;

  public static void install(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      ChannelHandlerContext vertx = base.channelHandlerContext();
      vertx.pipeline().addBefore(vertx.name(), NAME, new WebSocketFrameGuard());
      vertx.pipeline().addBefore(vertx.name(), UTF8, new Utf8FrameValidator(true));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame) || (frame.rsv() == 0 && !failed)) {
      ctx.fireChannelRead(msg);
      return;
    }
    ReferenceCountUtil.release(msg);
    if (!failed) {
      failed = true;
      ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR, "Reserved bits set without a negotiated extension"))
          // Closed from here, not from the channel's tail: Vert.x would answer with a second close frame (1000).
          .addListener(written -> ctx.close());
    }
  }
}
