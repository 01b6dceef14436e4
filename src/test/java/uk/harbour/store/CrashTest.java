package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.harbour.testing.Ports;

/**
 * Harbour as its own process on the embedded store, killed with SIGKILL while a client streams
 * messages, then restarted: every acknowledged message must be stored exactly once, and the
 * client's resend of everything unacknowledged fills the gap.
 */
@DisplayName("Killing the server mid-stream loses nothing that was acknowledged")
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class CrashTest {

  private static final Pattern CODE = Pattern.compile("type the code ([A-Z2-9]{4}-[A-Z2-9]{4})");

  /** Removed by JUnit afterwards, so test runs do not fill /tmp. */
  @TempDir Path data;

  private final Vertx vertx = Vertx.vertx();
  private Process server;
  private WebClientSession http;
  private WebSocketClient sockets;

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.destroyForcibly();
    }
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  @DisplayName("every acked message is there once after kill -9, and resending fills the gap")
  void killNine() throws Exception {
    int port = Ports.free();
    StringBuilder output = new StringBuilder();
    server = start(port, data, output);
    Matcher code = CODE.matcher(output);
    assertTrue(code.find(), "demo invite printed: " + output);

    http = WebClientSession.create(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)));
    sockets = vertx.createWebSocketClient();
    String token = await(http.get("/api/csrf").send()).bodyAsJsonObject().getString("token");
    JsonObject redeem = new JsonObject().put("code", code.group(1)).put("loginName", "crash-test").put("passphrase", "purple river toast");
    assertEquals(200, await(http.post("/api/invites/redeem").putHeader("X-XSRF-TOKEN", token).sendJsonObject(redeem)).statusCode());

    Map<String, String> sent = new LinkedHashMap<>();
    Map<String, Long> acked = new ConcurrentHashMap<>();
    WebSocket socket = connect(port, acked);
    CountDownLatch enoughAcked = new CountDownLatch(150);
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      if ("ack".equals(frame.getString("type"))) {
        acked.put(frame.getString("clientId"), frame.getLong("seq"));
        enoughAcked.countDown();
      }
    });
    for (int i = 0; i < 400; i++) {
      String clientId = "m" + i;
      String text = "message " + i;
      sent.put(clientId, text);
      socket.writeTextMessage(frame(clientId, text));
      if (i == 200) {
        assertTrue(enoughAcked.await(30, TimeUnit.SECONDS), "acks flowing");
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL mid-stream
        break;
      }
    }
    Map<String, Long> ackedBeforeCrash = new HashMap<>(acked);
    assertTrue(ackedBeforeCrash.size() >= 150);

    server = start(port, data, new StringBuilder());
    WebSocket again = connect(port, acked);
    CountDownLatch allAcked = new CountDownLatch(sent.size());
    Set<String> counted = ConcurrentHashMap.newKeySet();
    JsonArray history = new JsonArray();
    CountDownLatch historyArrived = new CountDownLatch(1);
    again.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      if ("ack".equals(frame.getString("type"))) {
        Long before = ackedBeforeCrash.get(frame.getString("clientId"));
        if (before != null) {
          assertEquals(before, frame.getLong("seq"), "a resend is acked with its original seq");
        }
        acked.put(frame.getString("clientId"), frame.getLong("seq"));
        if (counted.add(frame.getString("clientId"))) {
          allAcked.countDown();
        }
      } else if ("history".equals(frame.getString("type"))) {
        // The server streams every page of one resume by itself; asking again per page raced it and
        // read a page twice.
        history.addAll(frame.getJsonArray("messages"));
        if (frame.getBoolean("complete")) {
          historyArrived.countDown();
        }
      }
    });
    // The client's outbox: resend everything, acked or not, with the same client ids.
    sent.forEach((clientId, text) -> again.writeTextMessage(frame(clientId, text)));
    assertTrue(allAcked.await(60, TimeUnit.SECONDS), "every message acked after the restart");
    again.writeTextMessage(new JsonObject().put("type", "resume").put("afterSeq", 0).encode());
    assertTrue(historyArrived.await(20, TimeUnit.SECONDS));

    Map<String, Integer> stored = new HashMap<>();
    // Only the client's own messages: Harbour's routing adds its out-of-hours reply beside them.
    history.stream()
        .map(JsonObject.class::cast)
        .filter(m -> "care_leaver".equals(m.getJsonObject("sender").getString("role")))
        .forEach(m -> stored.merge(m.getString("clientId"), 1, Integer::sum));
    for (String clientId : ackedBeforeCrash.keySet()) {
      assertEquals(1, stored.getOrDefault(clientId, 0), clientId + " acked before the crash is stored exactly once");
    }
    assertEquals(sent.keySet(), stored.keySet(), "the resend filled the gap");
    assertTrue(stored.values().stream().allMatch(n -> n == 1), "nothing stored twice");
  }

  private static String frame(String clientId, String text) {
    return new JsonObject().put("type", "send").put("clientId", clientId).put("text", text).encode();
  }

  private WebSocket connect(int port, Map<String, Long> acked) {
    StringBuilder cookies = new StringBuilder();
    http.cookieStore().get(false, "127.0.0.1", "/").forEach(c -> cookies.append(c.name()).append('=').append(c.value()).append("; "));
    WebSocketConnectOptions options =
        new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
            .addHeader("Cookie", cookies.toString()).addHeader("Origin", "http://127.0.0.1:" + port);
    return await(sockets.connect(options));
  }

  /** Starts Harbour from the test class path as a separate JVM and waits until it is ready. */
  private static Process start(int port, Path data, StringBuilder output) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), "uk.harbour.app.Harbour")
            .redirectErrorStream(true)
            .directory(new File(System.getProperty("user.dir")));
    builder.environment().put("HARBOUR_HTTP_PORT", String.valueOf(port));
    builder.environment().put("HARBOUR_HTTP_HOST", "127.0.0.1");
    builder.environment().put("HARBOUR_PUBLIC_URL", "http://127.0.0.1:" + port);
    builder.environment().put("HARBOUR_DATA_DIR", data.toString());
    builder.environment().put("HARBOUR_DEMO", "true");
    builder.environment().put("HARBOUR_CHAT_BURST", "10000");
    builder.environment().remove("MONGO_URI");
    Process process = builder.start();
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
      output.append(line).append('\n');
      if (line.contains("Harbour ready")) {
        Thread drain = new Thread(() -> reader.lines().forEach(l -> {}), "crash-test-drain");
        drain.setDaemon(true);
        drain.start();
        return process;
      }
    }
    throw new IllegalStateException("Harbour did not start:\n" + output);
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }
}
