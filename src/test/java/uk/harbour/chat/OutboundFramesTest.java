package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.testing.Futures;

@DisplayName("A socket's frames are written from its own event loop, in the order they were handed over, whichever loop produced them")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutboundFramesTest {

  private Vertx vertx;
  private HttpServer server;
  private WebSocketClient client;
  private final Promise<Accepted> accepted = Promise.promise();
  private final List<String> received = new CopyOnWriteArrayList<>();
  /** Threads that called the socket's write methods. */
  private final Set<Thread> writers = ConcurrentHashMap.newKeySet();

  private io.vertx.core.http.WebSocket clientSocket;

  private record Accepted(OutboundFrames frames, Context own, Thread loop, ServerWebSocket socket) {}

  @BeforeEach
  void start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    // As Harbour's HTTP server runs: strict thread mode, no queue between threads per connection.
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setPort(0).setHost("127.0.0.1").setStrictThreadMode(true))
            .webSocketHandler(
                socket -> {
                  Context own = vertx.getOrCreateContext();
                  accepted.complete(new Accepted(new OutboundFrames(own, recording(socket), 10_000, () -> {}), own, Thread.currentThread(), socket));
                });
    Futures.join(server.listen());
    client = vertx.createWebSocketClient();
    // Listening from the moment the connection completes, on its event loop, as TestSocket does.
    clientSocket = Futures.join(client.connect(server.actualPort(), "127.0.0.1", "/").map(socket -> socket.textMessageHandler(received::add)));
  }

  @AfterEach
  void stop() {
    Futures.join(vertx.close());
  }

  /** The socket, with every write recording the thread it was called from. */
  private ServerWebSocket recording(ServerWebSocket socket) {
    return (ServerWebSocket)
        Proxy.newProxyInstance(
            ServerWebSocket.class.getClassLoader(),
            new Class<?>[] {ServerWebSocket.class},
            (proxy, method, args) -> {
              if (method.getName().startsWith("write")) {
                writers.add(Thread.currentThread());
              }
              try {
                return method.invoke(socket, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** A context on the other event loop, as a conversation's ordered step for another connection runs. */
  private Context otherLoop(Thread socketLoop) {
    for (int i = 0; i < 10; i++) {
      // Each deployment gets an event loop in turn.
      Promise<Context> started = Promise.promise();
      Futures.join(
          vertx.deployVerticle(
              new VerticleBase() {
                @Override
                public Future<?> start() {
                  started.complete(context);
                  return Future.succeededFuture();
                }
              }));
      Context candidate = Futures.join(started.future());
      if (threadOf(candidate) != socketLoop) {
        return candidate;
      }
    }
    throw new AssertionError("no second event loop");
  }

  private static Thread threadOf(Context context) {
    Promise<Thread> ran = Promise.promise();
    context.runOnContext(v -> ran.complete(Thread.currentThread()));
    return Futures.join(ran.future());
  }

  private void awaitReceived(int count) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (received.size() < count && System.nanoTime() < until) {
      Thread.sleep(10);
    }
  }

  @Test
  @DisplayName("frames handed over alternately from another event loop and the socket's own all arrive, in order, written on the socket's loop")
  void framesFromAnotherLoopArriveInOrder() throws InterruptedException {
    Accepted socket = Futures.join(accepted.future());
    Context other = otherLoop(socket.loop());
    assertNotSame(socket.own(), other);
    int count = 400;
    // Each frame is handed over by one loop, which then asks the other loop for the next.
    Runnable[] step = new Runnable[count + 1];
    for (int i = 1; i <= count; i++) {
      int n = i;
      Context next = i % 2 == 0 ? socket.own() : other;
      step[i] = () -> {
        socket.frames().write(Integer.toString(n));
        if (n < count) {
          next.runOnContext(v -> step[n + 1].run());
        }
      };
    }
    other.runOnContext(v -> step[1].run());
    awaitReceived(count);
    assertEquals(IntStream.rangeClosed(1, count).mapToObj(Integer::toString).toList(), received);
    assertEquals(Set.of(socket.loop()), writers);
  }

  @Test
  @DisplayName("a frame written on the socket's loop while one from elsewhere is still on its way waits behind it")
  void aDirectWriteDoesNotOvertakeAHop() throws InterruptedException {
    Accepted socket = Futures.join(accepted.future());
    CountDownLatch handedOver = new CountDownLatch(1);
    // This task is queued on the socket's loop before "first" is handed over from this (test)
    // thread, but writes "second" only after it was: the hop carrying "first" is then still queued.
    socket.own().runOnContext(
        v -> {
          try {
            assertTrue(handedOver.await(5, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          socket.frames().write("second");
        });
    socket.frames().write("first");
    handedOver.countDown();
    awaitReceived(2);
    assertEquals(List.of("first", "second"), received);
    assertEquals(Set.of(socket.loop()), writers);
  }

  /**
   * Before, a frame for a socket the other side had just closed (its close handler, which stops the
   * frames, not yet run) threw from the write: an unhandled ERROR in the log for every page or
   * message on its way as a phone left the page.
   */
  @Test
  @DisplayName("a frame for a socket the other side has closed, before its close is handled here, is dropped quietly")
  void aFrameAfterTheOtherSideClosed() throws InterruptedException {
    Accepted socket = Futures.join(accepted.future());
    Futures.join(clientSocket.close());
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!socket.socket().isClosed() && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertTrue(socket.socket().isClosed());
    Promise<Void> wrote = Promise.promise();
    socket.own().runOnContext(v -> {
      try {
        socket.frames().write("late");
        wrote.complete();
      } catch (RuntimeException e) {
        wrote.fail(e);
      }
    });
    Futures.join(wrote.future());
  }
}
