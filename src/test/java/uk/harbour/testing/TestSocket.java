package uk.harbour.testing;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client signed in with a test session's cookies. Frames are collected as they
 * arrive; tests wait for the one they expect. The client is held in a field (Vert.x 5 closes
 * unreachable clients).
 */
public final class TestSocket implements AutoCloseable {

  private final WebSocketClient client;
  private final WebSocket socket;
  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new ArrayList<>();
  private volatile Short closeCode;

  private TestSocket(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
  }

  /** Handlers go on as the connection completes, on its event loop, so no early frame is missed. */
  private void listen() {
    socket.textMessageHandler(text -> inbox.add(new JsonObject(text)));
    socket.closeHandler(v -> closeCode = socket.closeStatusCode());
  }

  public static TestSocket connect(RunningHarbour harbour, TestSession session) {
    return connect(harbour, session, harbour.baseUrl(), new WebSocketClientOptions());
  }

  public static TestSocket connect(RunningHarbour harbour, TestSession session, String origin, WebSocketClientOptions options) {
    WebSocketClient client = harbour.vertx().createWebSocketClient(options.setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
    StringBuilder cookies = new StringBuilder();
    session.client().cookieStore().get(false, "127.0.0.1", "/ws").forEach(c -> cookies.append(c.name()).append('=').append(c.value()).append("; "));
    WebSocketConnectOptions connect =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(harbour.port()).setURI("/ws").addHeader("Cookie", cookies.toString()).addHeader("Origin", origin);
    return RunningHarbour.await(
        client
            .connect(connect)
            .map(
                socket -> {
                  TestSocket test = new TestSocket(client, socket);
                  test.listen();
                  return test;
                }));
  }

  public void send(JsonObject frame) {
    RunningHarbour.await(socket.writeTextMessage(frame.encode()));
  }

  public void sendRaw(String text) {
    RunningHarbour.await(socket.writeTextMessage(text));
  }

  /** The next frame (already received or arriving within 10 s) that matches. */
  public JsonObject next(Predicate<JsonObject> wanted) {
    synchronized (seen) {
      for (JsonObject frame : seen) {
        if (wanted.test(frame)) {
          seen.remove(frame);
          return frame;
        }
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      while (System.nanoTime() < deadline) {
        JsonObject frame = inbox.poll(100, TimeUnit.MILLISECONDS);
        if (frame == null) {
          continue;
        }
        if (wanted.test(frame)) {
          return frame;
        }
        synchronized (seen) {
          seen.add(frame);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no matching frame within 10 s; seen: " + seen);
  }

  public JsonObject next(String type) {
    return next(f -> type.equals(f.getString("type")));
  }

  /** True if a matching frame arrives within the given time (for checking something does NOT arrive). */
  public boolean arrivesWithin(Predicate<JsonObject> wanted, long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (seen) {
      if (seen.stream().anyMatch(wanted)) {
        return true;
      }
    }
    try {
      while (System.nanoTime() < deadline) {
        JsonObject frame = inbox.poll(50, TimeUnit.MILLISECONDS);
        if (frame != null) {
          if (wanted.test(frame)) {
            return true;
          }
          synchronized (seen) {
            seen.add(frame);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Every frame received and not yet taken, oldest first; they are taken. */
  public List<JsonObject> drain() {
    List<JsonObject> all = new ArrayList<>();
    synchronized (seen) {
      all.addAll(seen);
      seen.clear();
    }
    inbox.drainTo(all);
    return all;
  }

  /** Waits for the server to close the socket and returns the close code. */
  public short awaitClose() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (closeCode == null && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (closeCode == null) {
      throw new AssertionError("socket was not closed");
    }
    return closeCode;
  }

  public boolean isClosed() {
    return closeCode != null;
  }

  public WebSocket socket() {
    return socket;
  }

  @Override
  public void close() {
    if (closeCode == null) {
      socket.close();
    }
    client.close();
  }
}
