package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Futures;

@DisplayName("Frames written to a socket in one turn of its event loop go out in one flush")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FlushBatchingTest {

  private final Vertx vertx = Vertx.vertx();
  /** Flushes that reached the socket since the frames began. */
  private final AtomicInteger flushes = new AtomicInteger();
  private final List<String> received = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    Futures.join(vertx.close());
  }

  @Test
  @DisplayName("two frames written in one turn, outside a read (an acknowledgement and an echo), are one flush and both arrive")
  void oneFlushPerTurn() {
    assertEquals(1, flushesForTwoFrames(FlushBatching::install));
    assertEquals(List.of("ack", "echo"), received);
  }

  @Test
  @DisplayName("without it Vert.x flushes each frame by itself (what the batching saves)")
  void eachFrameAloneWithout() {
    assertEquals(2, flushesForTwoFrames(connection -> {}));
    assertEquals(List.of("ack", "echo"), received);
  }

  /** Writes two frames in one task on the socket's loop, as a commit's completion does; the flushes the socket saw. */
  private int flushesForTwoFrames(Consumer<HttpConnection> install) {
    Promise<Integer> counted = Promise.promise();
    HttpServer server =
        vertx
            .createHttpServer(new HttpServerOptions().setPort(0).setHost("127.0.0.1").setStrictThreadMode(true))
            .connectionHandler(
                connection -> {
                  install.accept(connection);
                  // First in the pipeline, ahead of the batching: it sees only the flushes let through.
                  ((ConnectionBase) connection).channelHandlerContext().pipeline().addFirst("countFlushes", new ChannelOutboundHandlerAdapter() {
                    @Override
                    public void flush(ChannelHandlerContext ctx) {
                      flushes.incrementAndGet();
                      ctx.flush();
                    }
                  });
                })
            .webSocketHandler(
                // Only once the client says it is connected is the handshake over on both sides; then a
                // timer's task, not that frame's read: a flush during a read waits for its end anyway.
                socket -> socket.textMessageHandler(connected -> vertx.setTimer(1, id -> {
                  flushes.set(0);
                  socket.writeTextMessage("ack");
                  socket.writeTextMessage("echo");
                  // Queued behind the batched flush, which was queued by the first write.
                  vertx.runOnContext(v -> counted.complete(flushes.get()));
                })));
    Futures.join(server.listen());
    Promise<Void> both = Promise.promise();
    Futures.join(vertx.createWebSocketClient().connect(server.actualPort(), "127.0.0.1", "/").compose(socket -> socket.textMessageHandler(text -> {
      received.add(text);
      if (received.size() == 2) {
        both.complete();
      }
    }).writeTextMessage("connected")));
    int count = Futures.join(counted.future());
    Futures.join(both.future());
    return count;
  }
}
