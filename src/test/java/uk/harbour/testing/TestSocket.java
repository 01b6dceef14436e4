package uk.harbour.testing;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    socket.textMessageHandler(text -> received(new JsonObject(text)));
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

  /**
   * A busy moment's queue summaries come in one {@code conversations} frame (chat.StaffSummaries);
   * tests look for each as its own {@code conversation} frame, marked {@code batched}.
   */
  private void received(JsonObject frame) {
    if ("conversations".equals(frame.getString("type"))) {
      frame.getJsonArray("conversations").forEach(c -> inbox.add(new JsonObject().put("type", "conversation").put("conversation", c).put("batched", true)));
    } else {
      inbox.add(frame);
    }
  }

  public void send(JsonObject frame) {
    RunningHarbour.await(socket.writeTextMessage(frame.encode()));
  }

  /** What a staff console does as an {@code alert} frame arrives: confirms receiving it ({@code alertReceived}). */
  public void confirm(JsonObject alert) {
    send(new JsonObject().put("type", "alertReceived").put("conversationId", alert.getString("conversationId")).put("seq", alert.getLong("seq")));
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
    return nextArriving(wanted);
  }

  /** The next matching frame to arrive from now on (within 10 s); frames before it are kept for later. */
  private JsonObject nextArriving(Predicate<JsonObject> wanted) {
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

  /**
   * True if a matching frame arrives before the answer to {@code barrier} (for checking something
   * does NOT arrive). The server acts on a connection's frames in order, and a frame published for
   * this connection before the barrier was sent is queued on its event loop ahead of the answer; so
   * once the answer is in, nothing the server did before the barrier can still be on its way.
   * Frames that arrive first and do not match are kept for {@link #next}.
   */
  public boolean arrivesBefore(Predicate<JsonObject> wanted, Barrier barrier) {
    synchronized (seen) {
      if (seen.stream().anyMatch(wanted)) {
        return true;
      }
    }
    send(barrier.frame());
    JsonObject first = nextArriving(f -> barrier.answer().test(f) || wanted.test(f));
    return !barrier.answer().test(first);
  }

  /** Sends {@code barrier} and waits for its answer: every frame sent before it has been acted on. */
  public void sync(Barrier barrier) {
    send(barrier.frame());
    nextArriving(barrier.answer());
  }

  /** A frame the server answers on this connection in order with the frames before it, and its answer. */
  public record Barrier(JsonObject frame, Predicate<JsonObject> answer) {

    /** For staff: the queue, answered as soon as the frame is read. */
    public static Barrier queue() {
      return new Barrier(new JsonObject().put("type", "queue"), f -> "queue".equals(f.getString("type")));
    }

    /** For a care leaver: a page of one message of their own history. It subscribes to nothing and changes nothing. */
    public static Barrier history() {
      return new Barrier(new JsonObject().put("type", "history").put("limit", 1), f -> "history".equals(f.getString("type")));
    }
  }

  /**
   * True if a matching frame arrives within the given time (for checking something does NOT arrive,
   * where no {@link Barrier} is answered after the server would send it).
   */
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
    return Eventually.eventually().atMost(Duration.ofSeconds(20)).alias("socket closed").until(() -> closeCode, Objects::nonNull);
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
