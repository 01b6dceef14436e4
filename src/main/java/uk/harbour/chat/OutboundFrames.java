package uk.harbour.chat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The frames going out on one WebSocket, written only from the socket's own event loop and in the
 * order they were handed over. The HTTP server runs in strict thread mode (no queue between
 * threads per connection), and a frame can be produced elsewhere: a result completed on another
 * connection's loop, an event-bus message. Such work is hopped onto the socket's context; while any
 * hop is pending, work begun on the context queues behind it instead of overtaking it. Frames wait
 * here while the socket is backed up; too far behind, {@code tooFarBehind} runs (it closes).
 */
final class OutboundFrames {

  private final Context context;
  /** An event-loop context runs on one thread for its life; comparing threads also covers its duplicates. */
  private final Thread owner;
  private final ServerWebSocket socket;
  private final int maxPending;
  private final Runnable tooFarBehind;
  /** Work handed to the context and not yet run; read from any thread. */
  private final AtomicInteger hops = new AtomicInteger();
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  /** Writers waiting for the queue to empty before their next frame (resumes, page by page). */
  private final List<Promise<Void>> whenDrained = new ArrayList<>();
  private boolean stopped;

  /** Made on the socket's own context (its handshake's). */
  OutboundFrames(Context context, ServerWebSocket socket, int maxPending, Runnable tooFarBehind) {
    this.context = Objects.requireNonNull(context);
    this.owner = Thread.currentThread();
    this.socket = Objects.requireNonNull(socket);
    this.maxPending = maxPending;
    this.tooFarBehind = Objects.requireNonNull(tooFarBehind);
    socket.drainHandler(v -> flush());
  }

  /** Runs the action on the socket's context, after everything handed over before it. */
  void run(Runnable action) {
    if (Thread.currentThread() == owner && hops.get() == 0) {
      action.run();
    } else {
      hops.incrementAndGet();
      context.runOnContext(
          v -> {
            hops.decrementAndGet();
            action.run();
          });
    }
  }

  /** Writes a frame from any thread, or queues it while the socket is backed up. */
  void write(String frame) {
    run(() -> writeHere(frame));
  }

  /** Writes a frame; the future completes once nothing is queued and the socket can take more. */
  Future<Void> writeWhenReady(String frame) {
    Promise<Void> ready = Promise.promise();
    run(
        () -> {
          writeHere(frame);
          // A stopped socket cancels its resumes, so "ready" there just lets them stop.
          if (closed() || (pending.isEmpty() && !socket.writeQueueFull())) {
            ready.complete();
          } else {
            whenDrained.add(ready);
          }
        });
    return ready.future();
  }

  /** The socket has closed: nothing more is written, and waiting writers are let go. Called on the context. */
  void stop() {
    stopped = true;
    pending.clear();
    List<Promise<Void>> waiting = List.copyOf(whenDrained);
    whenDrained.clear();
    waiting.forEach(Promise::tryComplete);
  }

  private void writeHere(String frame) {
    if (closed()) {
      return;
    }
    if (!pending.isEmpty() || socket.writeQueueFull()) {
      if (pending.size() >= maxPending) {
        tooFarBehind.run();
        return;
      }
      pending.add(frame);
      return;
    }
    socket.writeTextMessage(frame);
  }

  /**
   * Stopped, or closed by the other side with its close not handled here yet: a write would throw.
   * Its close handler stops the frames soon after.
   */
  private boolean closed() {
    return stopped || socket.isClosed();
  }

  private void flush() {
    while (!pending.isEmpty() && !closed() && !socket.writeQueueFull()) {
      socket.writeTextMessage(pending.poll());
    }
    if (pending.isEmpty() && !closed() && !socket.writeQueueFull()) {
      List<Promise<Void>> ready = List.copyOf(whenDrained);
      whenDrained.clear();
      ready.forEach(Promise::complete);
    }
  }
}
