package uk.harbour.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("How long summaries are held after a publication")
@Timeout(30)
class StaffSummariesWindowTest {

  /** One publication as the consoles' address heard it. */
  private record Heard(long atMillis, int summaries) {}

  private Vertx vertx;
  private StaffSummaries summaries;
  private final List<Heard> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    summaries = new StaffSummaries(vertx);
    vertx.eventBus().<String>consumer(ChatAddresses.STAFF, published -> {
      boolean batch = published.headers().get(StaffFeed.BATCH) != null;
      int count = batch ? (int) published.body().chars().filter(c -> c == '\n').count() / 3 : 1;
      heard.add(new Heard(System.nanoTime() / 1_000_000, count));
    }).completion().await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("after many conversations changed at once, the next changes wait for the busy window")
  void busyPublicationWidensTheWindow() {
    int many = StaffSummaries.BUSY_SUMMARIES + 2;
    for (int i = 0; i < many; i++) {
      summaries.changed(summary("c" + i));
    }
    // The first goes at once, the rest together when the quiet window ends.
    await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 2);
    assertEquals(many - 1, heard.get(1).summaries());

    summaries.changed(summary("c0"));
    await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 3);
    long waited = heard.get(2).atMillis() - heard.get(1).atMillis();
    assertTrue(waited >= StaffSummaries.BUSY_WINDOW_MS * 7 / 10,
        "held for the busy window after " + (many - 1) + " summaries, not " + waited + " ms");
  }

  @Test
  @DisplayName("after a few conversations changed, the next changes wait only the quiet window")
  void fewSummariesKeepTheShortWindow() {
    for (int i = 0; i < 3; i++) {
      summaries.changed(summary("c" + i));
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 2);

    summaries.changed(summary("c0"));
    await().atMost(Duration.ofSeconds(5)).until(() -> heard.size() == 3);
    long waited = heard.get(2).atMillis() - heard.get(1).atMillis();
    assertTrue(waited < StaffSummaries.BUSY_WINDOW_MS * 7 / 10,
        "a quiet moment's queue stays live: held " + waited + " ms after a publication of 2");
  }

  private static JsonObject summary(String id) {
    return new JsonObject().put("id", id).put("preview", "hello from " + id);
  }
}
