package uk.harbour.bench;

import io.vertx.core.Future;
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
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * ops/bench: N care leavers and M advisers over real WebSockets. Care leavers send at a fixed total
 * rate (open loop: the schedule does not wait for replies); latency is from the care leaver's send
 * to the adviser receiving the stored, delivered message. Not part of ops/test.
 */
public final class ChatBench {

  /**
   * A share of the server's CPU in the window above which its JIT compilers had not settled: once
   * they have, they take under 1 % (performance.md, "Thirteenth pass").
   */
  private static final double JIT_UNSETTLED = 0.1;

  private final Vertx vertx = Vertx.vertx();
  private final BenchOptions options;
  private final URI url;
  private final URI youngUrl;
  private final URI staffUrl;
  private final WebClient http;
  private final WebSocketClient sockets;
  private final Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  /** Close code to sockets closed, e.g. 4008 for a client too far behind (chat-protocol.md). */
  private final Map<Short, Long> closedByServer = new ConcurrentSkipListMap<>();
  private volatile boolean measuring;
  /** What the bench started for itself; null with --url. */
  private OwnServer own;

  private ChatBench(BenchOptions options, String url, String youngUrl, String staffUrl) {
    this.options = options;
    this.url = URI.create(url);
    this.youngUrl = URI.create(youngUrl);
    this.staffUrl = URI.create(staffUrl);
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost(this.url.getHost()).setDefaultPort(this.url.getPort()));
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000));
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(BenchOptions.HELP);
      return;
    }
    if (options.startup()) {
      StartupBench.run(options);
      System.exit(0);
      return;
    }
    if (options.historyMessages() > 0) {
      HistoryBench.run(options);
      System.exit(0);
      return;
    }
    List<Result> results = new ArrayList<>();
    for (int i = 1; i <= options.repeat(); i++) {
      if (options.repeat() > 1) {
        System.out.printf("%n== run %d of %d ==%n", i, options.repeat());
      }
      Result result = runOnce(options);
      if (result != null) {
        results.add(result);
      }
    }
    if (options.repeat() > 1) {
      printWorst(results);
    }
    System.exit(0);
  }

  /** One whole run: its own server (unless --url), set-up, the opening burst, warm-up and the measured window. */
  private static Result runOnce(BenchOptions options) throws Exception {
    OwnServer own = options.url() != null ? null : options.nodes() == 2 ? ClusterBenchServer.start() : BenchServer.start();
    String url = own == null ? options.url() : own.url();
    String adminPassword = own == null ? options.adminPassword() : own.adminPassword();
    ChatBench bench = new ChatBench(options, url, own == null ? url : own.youngUrl(), own == null ? url : own.staffUrl());
    bench.own = own;
    try {
      return bench.run(adminPassword, own);
    } finally {
      if (own != null) {
        own.close();
        own.deleteData();
      }
      bench.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** One measured window's figures; {@code cpuMsPerMessage} is -1 when the server's CPU is unknown (--url). */
  record Result(double offered, double delivered, double p50, double p99, double p999, double cpuMsPerMessage, double maxLoad) {}

  /** Every run, then the worst of each figure: a target holds only if it holds in the worst run. */
  static void printWorst(List<Result> results) {
    System.out.printf("%n%d runs:%n", results.size());
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      System.out.printf("  run %d: delivered %.0f/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, server CPU %.2f ms per message (load up to %.2f)%n",
          i + 1, r.delivered(), r.p50(), r.p99(), r.p999(), r.cpuMsPerMessage(), r.maxLoad());
    }
    double p50 = results.stream().mapToDouble(Result::p50).max().orElse(-1);
    double p99 = results.stream().mapToDouble(Result::p99).max().orElse(-1);
    double p999 = results.stream().mapToDouble(Result::p999).max().orElse(-1);
    double cpu = results.stream().mapToDouble(Result::cpuMsPerMessage).max().orElse(-1);
    double delivered = results.stream().mapToDouble(Result::delivered).min().orElse(-1);
    double load = results.stream().mapToDouble(Result::maxLoad).max().orElse(-1);
    System.out.printf("worst: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, server CPU %.2f ms per message, delivered at least %.0f/s (load up to %.2f)%n",
        p50, p99, p999, cpu, delivered, load);
    System.out.printf("runs=%d worst_p50_ms=%.2f worst_p99_ms=%.2f worst_p999_ms=%.2f worst_cpu_ms_per_msg=%.2f min_delivered=%.0f max_load=%.2f%n",
        results.size(), p50, p99, p999, cpu, delivered, load);
  }

  /** Null with --connect-only, which reports heap instead. */
  private Result run(String adminPassword, OwnServer own) throws Exception {
    long setupStart = System.nanoTime();
    BenchAccounts accounts = new BenchAccounts(vertx, http, options);
    List<BenchAccounts.Person> advisers = await(accounts.advisers(options.adminUser(), adminPassword));
    List<BenchAccounts.Person> careLeavers = await(accounts.careLeavers(advisers));
    System.out.printf("set up %d care leavers and %d advisers in %.1f s%n", careLeavers.size(), advisers.size(), (System.nanoTime() - setupStart) / 1e9);

    if (options.connectOnly() && own != null) {
      // The heap the server keeps with every account made but nobody connected: what connections add is measured against it.
      own.fullGc();
      heapBeforeConnectingMb = heapMb();
    }
    Map<String, WebSocket> adviserSockets = new java.util.HashMap<>();
    for (BenchAccounts.Person adviser : advisers) {
      WebSocket socket = await(connect(adviser.session(), staffUrl));
      socket.textMessageHandler(this::adviserFrame);
      countClose(socket);
      adviserSockets.put(adviser.id(), socket);
    }
    List<WebSocket> youngSockets = new ArrayList<>();
    for (int i = 0; i < careLeavers.size(); i++) {
      WebSocket socket = await(connect(careLeavers.get(i).session(), youngUrl));
      socket.textMessageHandler(text -> {
        if (text.contains("\"type\":\"error\"")) {
          errors.incrementAndGet();
        }
      });
      countClose(socket);
      youngSockets.add(socket);
      // Each PA watches their own care leavers' conversations.
      adviserSockets.get(careLeavers.get(i).pa()).writeTextMessage(new JsonObject().put("type", "resume").put("conversationId", careLeavers.get(i).id()).put("afterSeq", 0).encode());
    }
    System.out.printf("connected %d care leavers and %d advisers%n", youngSockets.size(), adviserSockets.size());
    if (options.connectOnly()) {
      reportConnected(youngSockets.size(), own);
      return null;
    }

    openConversations(youngSockets);
    // Sustained means after the server's JIT has settled: at first C2 alone takes most of a core,
    // and on a slow or busy 2-core machine it goes on compiling for minutes (performance.md).
    drive(youngSockets, options.warmup());
    latency.reset();
    offered.set(0);
    delivered.set(0);
    measuring = true;
    double cpuStart = own == null ? -1 : own.cpuSeconds();
    List<Double> cpuByProcessStart = own instanceof ClusterBenchServer cluster ? cluster.cpuByProcess() : List.of();
    Map<String, ThreadCpu.Used> threadsStart = own instanceof BenchServer single ? ThreadCpu.threads(single.process.pid()) : Map.of();
    HostLoad host = new HostLoad(vertx);
    host.start();
    long start = System.nanoTime();
    drive(youngSockets, options.duration());
    Thread.sleep(2000); // let in-flight messages arrive
    measuring = false;
    host.stop();
    double seconds = (System.nanoTime() - start) / 1e9 - 2.0;

    double cpuUsed = own == null ? -1 : own.cpuSeconds() - cpuStart;
    double heapMb = heapMb();
    double rssMb = own == null ? -1 : own.rssBytes() / 1048576.0;
    double cpuMsPerMessage = -1;
    if (cpuUsed > 0 && delivered.get() > 0) {
      // Independent of other load on the machine: what one message costs the server, so what two idle cores could carry.
      cpuMsPerMessage = cpuUsed * 1000 / delivered.get();
      System.out.printf("server CPU %.2f ms per delivered message (%.0f%% of 2 cores): about %.0f messages/s on 2 idle cores%n",
          cpuMsPerMessage, 100 * cpuUsed / seconds / 2, 2000 / cpuMsPerMessage);
    }
    if (own instanceof BenchServer single && !threadsStart.isEmpty() && delivered.get() > 0) {
      ThreadCpu.Split split = ThreadCpu.perMessage(threadsStart, ThreadCpu.threads(single.process.pid()), delivered.get());
      System.out.println("server CPU ms per delivered message by thread: " + split);
      if (split.of("jit") > JIT_UNSETTLED * cpuMsPerMessage) {
        System.out.printf("the server's JIT was still compiling (%.0f%% of its CPU): it had not settled, so this is not its steady cost; a longer --warmup shows that%n",
            100 * split.of("jit") / cpuMsPerMessage);
      }
    }
    if (own instanceof ClusterBenchServer cluster && delivered.get() > 0) {
      List<Double> now = cluster.cpuByProcess();
      String[] names = {"store", "node 1 (care leavers)", "node 2 (advisers)", "proxy"};
      StringBuilder split = new StringBuilder("CPU ms per delivered message by process:");
      for (int i = 0; i < names.length; i++) {
        split.append(String.format(" %s %.2f;", names[i], (now.get(i) - cpuByProcessStart.get(i)) * 1000 / delivered.get()));
      }
      System.out.println(split);
    }
    Result result = new Result(offered.get() / seconds, delivered.get() / seconds, ms(50), ms(99), ms(99.9), cpuMsPerMessage, host.maxLoad());
    System.out.printf("offered %.0f msg/s, delivered %.0f msg/s, errors %d%n", result.offered(), result.delivered(), errors.get());
    if (!closedByServer.isEmpty()) {
      System.out.println("sockets the server closed (by close code; the bench does not reconnect, so what they would have carried is missing): " + closedByServer);
    }
    System.out.printf("latency ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n", result.p50(), result.p99(), result.p999(), latency.getMaxValue() / 1e6);
    System.out.printf("server heap %.0f MB, rss %s%n", heapMb, rssMb < 0 ? "n/a" : String.format("%.0f MB", rssMb));
    System.out.printf("host load %.2f-%.2f through the window (1-minute average)%n", host.minLoad(), host.maxLoad());
    System.out.printf(
        "offered=%.0f delivered=%.0f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f cpu_ms_per_msg=%.2f heap_mb=%.0f rss_mb=%.0f load_min=%.2f load_max=%.2f%n",
        result.offered(), result.delivered(), result.p50(), result.p99(), result.p999(), cpuMsPerMessage, heapMb, rssMb,
        host.minLoad(), host.maxLoad());
    return result;
  }

  /**
   * Every care leaver's first message opens their conversation, and with nobody on shift Harbour
   * answers it with an auto-reply and up to three cards: five stored messages and a first load per
   * conversation. Round-robin at the bench rate puts all of them in the first fraction of a second,
   * a burst the measured window would otherwise inherit; it is timed and reported on its own, and
   * the measured window is the steady chat that follows.
   */
  private void openConversations(List<WebSocket> young) throws InterruptedException {
    latency.reset();
    delivered.set(0);
    measuring = true;
    long start = System.nanoTime();
    drive(young, (int) Math.max(1, Math.ceil(young.size() / options.rate())));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (delivered.get() < offered.get() * 0.94 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    double cleared = (System.nanoTime() - start) / 1e9;
    measuring = false;
    System.out.printf("opening burst: %d first messages delivered, cleared in %.1f s, latency ms p50 %.1f p99 %.1f max %.1f%n",
        delivered.get(), cleared, ms(50), ms(99), latency.getMaxValue() / 1e6);
    offered.set(0);
  }

  /** Idle connections only: what they cost the server once garbage is collected. */
  private void reportConnected(int connected, OwnServer own) throws InterruptedException {
    Thread.sleep(5000);
    double busyHeapMb = heapMb();
    if (own != null) {
      own.fullGc();
    }
    double liveHeapMb = heapMb();
    double rssMb = own == null ? -1 : own.rssBytes() / 1048576.0;
    long open = errors.get();
    String histogram = System.getenv("HARBOUR_BENCH_HISTOGRAM");
    if (own != null && histogram != null && !histogram.isBlank()) {
      own.histogram(java.nio.file.Path.of(histogram));
      System.out.println("the server's live objects by class: " + histogram);
    }
    int connections = connected + options.advisers();
    // Everything the server keeps alive, divided by its connections: fixed costs (caches, classes) included.
    double perConnectionKb = liveHeapMb * 1024 / connections;
    // What the connections themselves added (their conversations loaded at welcome included), fixed costs left out.
    double addedKb = heapBeforeConnectingMb < 0 ? -1 : (liveHeapMb - heapBeforeConnectingMb) * 1024 / connections;
    System.out.printf("heap before a full GC %.0f MB, after %.0f MB (%.1f KB per connection), before connecting %.0f MB (%.1f KB added per connection), rss %.0f MB, error frames %d%n",
        busyHeapMb, liveHeapMb, perConnectionKb, heapBeforeConnectingMb, addedKb, rssMb, open);
    System.out.printf("connected=%d heap_mb=%.0f live_heap_mb=%.0f rss_mb=%.0f added_per_connection_kb=%.1f per_connection_kb=%.1f%n",
        connected, busyHeapMb, liveHeapMb, rssMb, addedKb, perConnectionKb);
  }

  private double ms(double percentile) {
    return latency.getValueAtPercentile(percentile) / 1e6;
  }

  /** Sends at the configured rate for {@code seconds}, in 1 ms ticks, round-robin over care leavers. */
  private void drive(List<WebSocket> young, int seconds) throws InterruptedException {
    double perTick = options.rate() / 1000.0;
    double[] owed = {0};
    long[] next = {0};
    long timer =
        vertx.setPeriodic(
            1,
            id -> {
              owed[0] += perTick;
              while (owed[0] >= 1) {
                owed[0] -= 1;
                WebSocket socket = young.get((int) (next[0]++ % young.size()));
                if (socket.writeQueueFull()) {
                  continue; // the client cannot keep up; counted as not offered
                }
                socket.writeTextMessage(
                    new JsonObject().put("type", "send").put("clientId", "b" + System.nanoTime()).put("text", "Benchmark message: how do I apply for the bursary?").encode());
                offered.incrementAndGet();
              }
            });
    Thread.sleep(seconds * 1000L);
    vertx.cancelTimer(timer);
  }

  private void adviserFrame(String text) {
    if (!measuring || !text.startsWith("{\"type\":\"message\"")) {
      return;
    }
    JsonObject message = new JsonObject(text).getJsonObject("message");
    String clientId = message.getString("clientId");
    if (clientId != null && clientId.startsWith("b")) {
      // A server that fell a minute behind still delivers: counted at the histogram's top, not lost to an exception.
      long took = System.nanoTime() - Long.parseLong(clientId.substring(1));
      latency.recordValue(Math.min(Math.max(0, took), latency.getHighestTrackableValue()));
      delivered.incrementAndGet();
    }
  }

  private void countClose(WebSocket socket) {
    socket.closeHandler(v -> closedByServer.merge(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode(), 1L, Long::sum));
  }

  /** Cookies are per host, not port: a session set up through one address signs in a socket through another. */
  private Future<WebSocket> connect(WebClientSession session, URI to) {
    StringBuilder cookies = new StringBuilder();
    session.cookieStore().get(false, url.getHost(), "/").forEach(c -> cookies.append(c.name()).append('=').append(c.value()).append("; "));
    return sockets.connect(
        new WebSocketConnectOptions().setHost(to.getHost()).setPort(to.getPort()).setURI("/ws")
            .addHeader("Cookie", cookies.toString()).addHeader("Origin", to.getScheme() + "://" + to.getAuthority()));
  }

  /** Heap in use, summed over the bench's own nodes (each read directly), or read from --url. */
  /** Live heap after a full GC once the accounts were made, before anyone connected (--connect-only); -1 if not measured. */
  private double heapBeforeConnectingMb = -1;

  private double heapMb() {
    double heap = 0;
    for (String node : own == null ? List.of(url.toString()) : own.nodeUrls()) {
      URI at = URI.create(node);
      try {
        String metrics = await(http.get(at.getPort(), at.getHost(), "/metrics").send()).bodyAsString();
        for (String line : metrics.split("\n")) {
          if (line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
            heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
      } catch (RuntimeException e) {
        return -1;
      }
    }
    return heap / 1048576.0;
  }

  static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(600, TimeUnit.SECONDS).join();
  }
}
