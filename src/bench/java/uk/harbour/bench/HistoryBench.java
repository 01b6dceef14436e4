package uk.harbour.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * ops/bench --history-messages N: accounts are made on a first server run, N messages are written
 * into its store while it is stopped, and on a second run every care leaver signs in again,
 * connects (the first open of a conversation after a restart) and asks for `history` pages and
 * `resume`s after a short gap, four requests in flight at a time, timed to the answering frame.
 */
final class HistoryBench {

  private static final int PAGE = 50;
  private static final int LANES = 4;

  private final Vertx vertx;
  private final BenchOptions options;
  private final Histogram open = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
  private final Histogram latest = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
  private final Histogram history = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
  private final Histogram resume = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
  private WebSocketClient sockets;
  private WebClient http;
  private URI url;

  private HistoryBench(Vertx vertx, BenchOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  static void run(BenchOptions options) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      new HistoryBench(vertx, options).measure();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private void measure() throws Exception {
    long setupStart = System.nanoTime();
    BenchServer first = BenchServer.start();
    List<BenchAccounts.Person> careLeavers;
    try {
      use(first.url);
      BenchAccounts accounts = new BenchAccounts(vertx, http, options);
      List<BenchAccounts.Person> advisers = ChatBench.await(accounts.advisers(options.adminUser(), first.adminPassword));
      careLeavers = ChatBench.await(accounts.careLeavers(advisers));
    } finally {
      first.close();
    }
    System.out.printf("set up %d care leavers in %.1f s%n", careLeavers.size(), (System.nanoTime() - setupStart) / 1e9);

    long perConversation = Math.max(1, options.historyMessages() / careLeavers.size());
    long preloadStart = System.nanoTime();
    long written = HistoryPreload.write(vertx, first.dataDir.resolve("harbour.mv.db"), careLeavers, perConversation);
    double preloadSeconds = (System.nanoTime() - preloadStart) / 1e9;
    System.out.printf("stored %d messages (%d per conversation) in %.1f s (%.0f/s)%n", written, perConversation, preloadSeconds, written / preloadSeconds);

    BenchServer second = BenchServer.start(first.dataDir, false);
    try {
      use(second.url);
      BenchAccounts accounts = new BenchAccounts(vertx, http, options);
      List<Timed> timed = new ArrayList<>();
      for (BenchAccounts.Person careLeaver : careLeavers) {
        BenchAccounts.Person again = ChatBench.await(accounts.signInAgain(careLeaver));
        timed.add(ChatBench.await(connect(again.session())));
      }
      System.out.printf("reconnected %d care leavers%n", timed.size());
      int each = Math.max(1, options.historyRequests() / timed.size());
      // A few requests at a time (every socket in turn), so the figures are latency, not a queue.
      List<Future<Void>> lanes = new ArrayList<>();
      for (int lane = 0; lane < LANES; lane++) {
        Future<Void> chain = Future.succeededFuture();
        for (int i = lane; i < timed.size(); i += LANES) {
          Timed socket = timed.get(i);
          chain = chain.compose(v -> socket.requests(each, perConversation));
        }
        lanes.add(chain);
      }
      ChatBench.await(Future.all(lanes));
      double rssMb = second.rssBytes() / 1048576.0;
      System.out.printf("first open after restart (connect to welcome) ms: p50 %.2f  p99 %.2f  max %.2f  (n=%d)%n", ms(open, 50), ms(open, 99), open.getMaxValue() / 1e6, open.getTotalCount());
      System.out.printf("history, latest %d messages (opening the conversation) ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%d)%n", PAGE, ms(latest, 50), ms(latest, 99), ms(latest, 99.9), latest.getMaxValue() / 1e6, latest.getTotalCount());
      System.out.printf("history, %d older messages at a random point ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%d)%n", PAGE, ms(history, 50), ms(history, 99), ms(history, 99.9), history.getMaxValue() / 1e6, history.getTotalCount());
      System.out.printf("resume (1-50 missed messages) ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%d)%n", ms(resume, 50), ms(resume, 99), ms(resume, 99.9), resume.getMaxValue() / 1e6, resume.getTotalCount());
      System.out.printf(
          "stored=%d latest_p50_ms=%.2f latest_p99_ms=%.2f history_p50_ms=%.2f history_p99_ms=%.2f resume_p50_ms=%.2f resume_p99_ms=%.2f open_p99_ms=%.2f rss_mb=%.0f%n",
          written, ms(latest, 50), ms(latest, 99), ms(history, 50), ms(history, 99), ms(resume, 50), ms(resume, 99), ms(open, 99), rssMb);
    } finally {
      second.close();
      second.deleteData();
    }
  }

  private void use(String base) {
    url = URI.create(base);
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost(url.getHost()).setDefaultPort(url.getPort()));
    sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000));
  }

  private static double ms(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e6;
  }

  /** Connects and waits for the welcome frame, which needs the conversation loaded. */
  private Future<Timed> connect(WebClientSession session) {
    StringBuilder cookies = new StringBuilder();
    session.cookieStore().get(false, url.getHost(), "/").forEach(c -> cookies.append(c.name()).append('=').append(c.value()).append("; "));
    long started = System.nanoTime();
    Timed timed = new Timed(started);
    return sockets
        .connect(
            new WebSocketConnectOptions().setHost(url.getHost()).setPort(url.getPort()).setURI("/ws")
                .addHeader("Cookie", cookies.toString()).addHeader("Origin", url.getScheme() + "://" + url.getAuthority()))
        .compose(socket -> timed.attach(socket));
  }

  /** One socket with at most one timed request outstanding. */
  private final class Timed {
    private final long connectStarted;
    private final Promise<Timed> welcomed = Promise.promise();
    private WebSocket socket;
    private Promise<Void> finished;
    private int left;
    private long perConversation;
    private long sentAt;
    private Histogram kind;

    Timed(long connectStarted) {
      this.connectStarted = connectStarted;
    }

    Future<Timed> attach(WebSocket socket) {
      this.socket = socket;
      socket.textMessageHandler(this::frame);
      return welcomed.future();
    }

    Future<Void> requests(int count, long lastSeq) {
      finished = Promise.promise();
      left = count * 3;
      perConversation = lastSeq;
      vertx.runOnContext(v -> next());
      return finished.future();
    }

    private void frame(String text) {
      JsonObject frame = new JsonObject(text);
      String type = frame.getString("type");
      if ("welcome".equals(type)) {
        open.recordValue(System.nanoTime() - connectStarted);
        welcomed.tryComplete(this);
      } else if ("history".equals(type) && finished != null) {
        int got = frame.getJsonArray("messages").size();
        if (got == 0) {
          finished.tryFail("an empty page came back: " + text);
          return;
        }
        kind.recordValue(System.nanoTime() - sentAt);
        next();
      } else if ("error".equals(type)) {
        welcomed.tryFail(text);
        if (finished != null) {
          finished.tryFail(text);
        }
      }
    }

    private void next() {
      if (left-- <= 0) {
        finished.tryComplete();
        return;
      }
      // In turn: open the conversation (latest page), scroll back to a random older page, resume after a gap.
      JsonObject request =
          switch (left % 3) {
            case 2 -> {
              kind = latest;
              yield new JsonObject().put("type", "history").put("limit", PAGE);
            }
            case 1 -> {
              kind = history;
              yield new JsonObject().put("type", "history").put("beforeSeq", 1 + PAGE + ThreadLocalRandom.current().nextLong(Math.max(1, perConversation - PAGE))).put("limit", PAGE);
            }
            default -> {
              kind = resume;
              yield new JsonObject().put("type", "resume").put("afterSeq", perConversation - 1 - ThreadLocalRandom.current().nextLong(Math.min(PAGE, perConversation)));
            }
          };
      sentAt = System.nanoTime();
      socket.writeTextMessage(request.encode());
    }
  }
}
