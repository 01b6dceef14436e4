package uk.harbour.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.testing.Eventually;
import uk.harbour.testing.Ports;
import uk.harbour.testing.Processes;

/**
 * The deployment on one machine, for real: the shared store (ops/store's main), two nodes, and
 * HAProxy from Debian's package with ops/haproxy.cfg, each its own process on loopback. A young
 * person streams messages through the proxy while an adviser is connected; one node is killed with
 * SIGKILL; clients reconnect through the proxy to the survivor, resend, and every message
 * acknowledged before the kill is stored exactly once; the survivor takes routing over.
 */
@DisplayName("Killing a node behind the proxy: clients move to the other, nothing acknowledged is lost, routing moves")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FailoverTest {

  private static final Pattern CODE = Pattern.compile("type the code ([A-Z2-9]{4}-[A-Z2-9]{4})");
  private static final Pattern SAM = Pattern.compile("adviser\\s+sam\\s+password (\\S+)");
  private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final List<Process> processes = new ArrayList<>();
  private WebClient client;
  private WebSocketClient sockets;
  private int proxyPort;

  @AfterEach
  void stopAll() {
    processes.forEach(Process::destroyForcibly);
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  @DisplayName("SIGKILL one node: reconnect through HAProxy, resend, every acked message there once, the sweep on the survivor")
  void killOneNode() throws Exception {
    assertTrue(Files.isExecutable(HAPROXY), "HAProxy from Debian's package (ops/test installs it: apt-get install haproxy)");
    int storePort = Ports.free();
    int[] http = {Ports.free(), Ports.free()};
    int[] cluster = {Ports.free(), Ports.free()};
    proxyPort = Ports.free();
    String proxy = "http://127.0.0.1:" + proxyPort;
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(proxyPort));
    sockets = vertx.createWebSocketClient();

    processes.add(Processes.java("uk.harbour.store.embedded.StoreServer",
        Map.of("HARBOUR_STORE_PORT", String.valueOf(storePort), "HARBOUR_DATA_DIR", dir.resolve("store").toString()), "Harbour store ready", new StringBuilder()));
    Path settings = dir.resolve("node.yaml");
    Files.writeString(settings, "routing:\n  sweepSeconds: 1\n");
    StringBuilder first = new StringBuilder();
    Process node1 = node(1, http[0], cluster, storePort, proxy, settings, first);
    node(2, http[1], cluster, storePort, proxy, settings, new StringBuilder());
    Matcher code = CODE.matcher(first);
    Matcher sam = SAM.matcher(first);
    assertTrue(code.find() && sam.find(), "node 1 took the lease at start and seeded the demo: " + first);
    assertEquals(1, leader(http[0]));
    assertEquals(0, leader(http[1]), "exactly one node runs routing");

    Map<String, String> proxyEnv = Map.of(
        "HARBOUR_PROXY_BIND", "127.0.0.1:" + proxyPort, "HARBOUR_NODE1", "127.0.0.1:" + http[0], "HARBOUR_NODE2", "127.0.0.1:" + http[1]);
    ProcessBuilder haproxy = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", "ops/haproxy.cfg").redirectErrorStream(true)
        .redirectOutput(dir.resolve("haproxy.log").toFile());
    haproxy.environment().putAll(proxyEnv);
    processes.add(haproxy.start());
    Eventually.eventually().atMost(Duration.ofSeconds(20)).until(() -> status("/health/ready") == 200);

    WebClientSession jay = WebClientSession.create(client);
    JsonObject redeem = new JsonObject().put("code", code.group(1)).put("loginName", "failover-jay").put("passphrase", "purple river toast");
    assertEquals(200, post(jay, "/api/invites/redeem", redeem));
    WebClientSession samSession = WebClientSession.create(client);
    assertEquals(200, post(samSession, "/api/session", new JsonObject().put("username", "sam").put("password", sam.group(1))));

    // Two sockets through the proxy: with leastconn they land on different nodes.
    Frames samFrames = new Frames();
    WebSocket samSocket = connect(samSession, samFrames);
    samFrames.next("welcome");
    Map<String, Long> acked = new ConcurrentHashMap<>();
    CountDownLatch enoughAcked = new CountDownLatch(60);
    Frames jayFrames = new Frames(frame -> {
      if ("ack".equals(frame.getString("type"))) {
        acked.put(frame.getString("clientId"), frame.getLong("seq"));
        enoughAcked.countDown();
      }
    });
    WebSocket jaySocket = connect(jay, jayFrames);
    jayFrames.next("welcome");
    jaySocket.writeTextMessage(send("first", "hello through the proxy"));
    jayFrames.next(f -> "ack".equals(f.getString("type")) && "first".equals(f.getString("clientId")));
    samFrames.next(f -> "conversation".equals(f.getString("type")));

    Map<String, String> sent = new LinkedHashMap<>();
    sent.put("first", "hello through the proxy");
    for (int i = 0; i < 120; i++) {
      sent.put("m" + i, "message " + i);
      jaySocket.writeTextMessage(send("m" + i, "message " + i));
      if (i == 80) {
        assertTrue(enoughAcked.await(30, TimeUnit.SECONDS), "acks flowing");
        node1.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL, mid-stream
        break;
      }
    }
    Map<String, Long> ackedBeforeKill = new HashMap<>(acked);
    assertTrue(ackedBeforeKill.size() >= 60);
    // leastconn put the two sockets on different nodes: the one on the killed node is cut off.
    Eventually.eventually().atMost(Duration.ofSeconds(20)).until(() -> samSocket.isClosed() || jaySocket.isClosed());

    // The survivor takes routing over within seconds, and the proxy sends everyone to it.
    Eventually.eventually().atMost(Duration.ofSeconds(20)).until(() -> leader(http[1]) == 1);
    Eventually.eventually().atMost(Duration.ofSeconds(20)).until(() -> status("/health/ready") == 200);

    // Every client reconnects through the proxy (whichever node it was on) and resends its outbox.
    Frames again = new Frames();
    WebSocket jayAgain = reconnect(jay, again);
    again.next("welcome");
    Set<String> counted = ConcurrentHashMap.newKeySet();
    for (Map.Entry<String, String> message : sent.entrySet()) {
      jayAgain.writeTextMessage(send(message.getKey(), message.getValue()));
    }
    while (counted.size() < sent.size()) {
      JsonObject ack = again.next("ack");
      Long before = ackedBeforeKill.get(ack.getString("clientId"));
      if (before != null) {
        assertEquals(before, ack.getLong("seq"), "a resend is acked with its original seq");
      }
      counted.add(ack.getString("clientId"));
    }
    Frames samAgain = new Frames();
    reconnect(samSession, samAgain);
    samAgain.next("welcome");
    jayAgain.writeTextMessage(send("after", "after the kill"));
    samAgain.next(f -> "conversation".equals(f.getString("type")));

    jayAgain.writeTextMessage(new JsonObject().put("type", "resume").put("afterSeq", 0).encode());
    JsonArray history = new JsonArray();
    JsonObject page;
    do {
      page = again.next("history");
      history.addAll(page.getJsonArray("messages"));
    } while (!page.getBoolean("complete"));
    Map<String, Integer> stored = new HashMap<>();
    history.stream().map(JsonObject.class::cast)
        .filter(m -> "care_leaver".equals(m.getJsonObject("sender").getString("role")))
        .forEach(m -> stored.merge(m.getString("clientId"), 1, Integer::sum));
    for (String clientId : ackedBeforeKill.keySet()) {
      assertEquals(1, stored.getOrDefault(clientId, 0), clientId + " acked before the kill is stored exactly once");
    }
    assertTrue(stored.keySet().containsAll(sent.keySet()), "the resend filled the gap");
    assertTrue(stored.values().stream().allMatch(n -> n == 1), "nothing stored twice");
  }

  private Process node(int n, int httpPort, int[] cluster, int storePort, String proxy, Path settings, StringBuilder output) {
    Map<String, String> env = new HashMap<>();
    env.put("HARBOUR_CLUSTER", "true");
    env.put("HARBOUR_CLUSTER_PORT", String.valueOf(cluster[n - 1]));
    env.put("HARBOUR_CLUSTER_MEMBERS", "127.0.0.1:" + cluster[0] + ",127.0.0.1:" + cluster[1]);
    env.put("HARBOUR_HTTP_HOST", "127.0.0.1");
    env.put("HARBOUR_HTTP_PORT", String.valueOf(httpPort));
    env.put("HARBOUR_PUBLIC_URL", proxy);
    env.put("HARBOUR_TRUST_PROXY", "true");
    env.put("MONGO_URI", "mongodb://127.0.0.1:" + storePort);
    env.put("HARBOUR_DEMO", "true");
    env.put("HARBOUR_CHAT_BURST", "10000");
    env.put("HARBOUR_CONFIG", settings.toString());
    Process process = Processes.java("uk.harbour.app.Harbour", env, "Harbour ready", output);
    processes.add(process);
    return process;
  }

  /** 1 while that node runs routing, from its own /metrics. */
  private int leader(int port) {
    try {
      String metrics = await(client.get(port, "127.0.0.1", "/metrics").send()).bodyAsString();
      return metrics.lines().filter(l -> l.startsWith("harbour_routing_leader ")).findFirst().map(l -> (int) Double.parseDouble(l.split(" ")[1])).orElse(-1);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private int status(String path) {
    try {
      return await(client.get(path).send()).statusCode();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private int post(WebClientSession session, String path, JsonObject body) {
    String token = await(session.get("/api/csrf").send()).bodyAsJsonObject().getString("token");
    return await(session.post(path).putHeader("X-XSRF-TOKEN", token).sendJsonObject(body)).statusCode();
  }

  private WebSocket connect(WebClientSession session, Frames frames) {
    StringBuilder cookies = new StringBuilder();
    session.cookieStore().get(false, "127.0.0.1", "/").forEach(c -> cookies.append(c.name()).append('=').append(c.value()).append("; "));
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(proxyPort).setURI("/ws")
        .addHeader("Cookie", cookies.toString()).addHeader("Origin", "http://127.0.0.1:" + proxyPort);
    // The handler goes on as the connection completes, on its event loop: set afterwards from this
    // thread, a welcome arriving first would be dropped (a text frame with no handler is).
    return await(sockets.connect(options).map(socket -> socket.textMessageHandler(text -> frames.add(new JsonObject(text)))));
  }

  /**
   * As a client reconnects after losing its node: trying again while the proxy has not yet marked
   * the dead node down (two failed checks a second apart) and answers a 502 for it.
   */
  private WebSocket reconnect(WebClientSession session, Frames frames) {
    return Eventually.eventually().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> connect(session, frames), Objects::nonNull);
  }

  private static String send(String clientId, String text) {
    return new JsonObject().put("type", "send").put("clientId", clientId).put("text", text).encode();
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** Frames received on one socket, in order, with an optional tap. */
  private static final class Frames {
    private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final java.util.function.Consumer<JsonObject> tap;

    Frames() {
      this(f -> {});
    }

    Frames(java.util.function.Consumer<JsonObject> tap) {
      this.tap = tap;
    }

    void add(JsonObject frame) {
      tap.accept(frame);
      inbox.add(frame);
    }

    JsonObject next(String type) {
      return next(f -> type.equals(f.getString("type")));
    }

    /** The next matching frame within 30 s; others before it are skipped. */
    JsonObject next(java.util.function.Predicate<JsonObject> wanted) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      try {
        while (System.nanoTime() < deadline) {
          JsonObject frame = inbox.poll(100, TimeUnit.MILLISECONDS);
          if (frame != null && wanted.test(frame)) {
            return frame;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new AssertionError("no matching frame within 30 s");
    }
  }
}
