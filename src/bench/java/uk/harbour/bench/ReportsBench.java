package uk.harbour.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * ops/bench reports: a year of synthetic history (100,000 episodes, about 1,000,000 messages over
 * the demo rota, nights, weekends, bank holidays and both clock changes) generated into an embedded
 * store on first use and kept in target/bench-reports, then the dashboard's requests timed one at
 * a time against a server on that store: the summary for a week, a quarter and a year, the page
 * (heatmap, per-adviser and per-shift tables, charts) for four weeks, one adviser's quarter, and the
 * episodes CSV for a month. Its last line is key=value pairs, p95_ms over every request.
 */
public final class ReportsBench {

  static final String HELP =
      """
      ops/bench reports – times the reports dashboard on a year of synthetic history (embedded store).

        --episodes N      episodes in the history (default 100000), over --days days (default 365)
        --care-leavers N  young people sharing them (default 3000)
        --rounds R        rounds of the six requests (default 20), after 2 rounds of warm-up
        --data DIR        where the history is kept between runs (default target/bench-reports)
        --fresh           generate the history again even if DIR has one
        --help            this text

      The first run generates the history (a few minutes) and keeps it; later runs only time.
      Last line: requests= p50_ms= p95_ms= max_ms= cold_year_ms= episodes= messages= conversations= plus p95 per request
      (cold_year_ms: the first request, a year's summary read from the store before anything is cached).
      """;

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, Histogram> timings = new LinkedHashMap<>();
  private final Histogram all = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
  private WebClient http;

  public static void main(String[] args) throws Exception {
    int episodes = 100_000;
    int days = 365;
    int careLeavers = 3000;
    int rounds = 20;
    Path data = Path.of("target", "bench-reports");
    boolean fresh = false;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--episodes" -> episodes = Integer.parseInt(value);
        case "--days" -> days = Integer.parseInt(value);
        case "--care-leavers" -> careLeavers = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--data" -> data = Path.of(value);
        case "--fresh" -> {
          fresh = true;
          i--;
        }
        case "--help", "-h" -> {
          System.out.println(HELP);
          return;
        }
        default -> {
          System.err.println("unknown option " + args[i] + " (see --help)");
          System.exit(2);
        }
      }
      i++;
    }
    ReportsBench bench = new ReportsBench();
    try {
      bench.run(data, fresh, new ReportsHistoryWriter.Size(episodes, days, careLeavers), rounds);
    } finally {
      bench.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    System.exit(0);
  }

  private void run(Path data, boolean fresh, ReportsHistoryWriter.Size size, int rounds) throws Exception {
    Path marker = data.resolve("bench-reports.json");
    if (fresh || !Files.exists(marker)) {
      generate(data, marker, size);
    }
    JsonObject made = new JsonObject(Files.readString(marker));
    System.out.println("history: " + made.encode());
    BenchServer server = BenchServer.start(data, false);
    try {
      URI url = URI.create(server.url);
      http = WebClient.create(vertx, new WebClientOptions().setDefaultHost(url.getHost()).setDefaultPort(url.getPort()));
      WebClientSession admin = WebClientSession.create(http);
      String token = ChatBench.await(admin.get("/api/csrf").send()).bodyAsJsonObject().getString("token");
      HttpResponse<Buffer> signedIn = ChatBench.await(admin.post("/api/session").putHeader("X-XSRF-TOKEN", token)
          .sendJsonObject(new JsonObject().put("username", "alex").put("password", made.getString("adminPassword"))));
      if (signedIn.statusCode() != 200) {
        throw new IllegalStateException("could not sign in as alex: " + signedIn.bodyAsString());
      }
      LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
      Map<String, String> requests = new LinkedHashMap<>();
      requests.put("summary_week", "/api/reports/summary?preset=7d");
      requests.put("summary_quarter", "/api/reports/summary?preset=quarter");
      requests.put("summary_year", "/api/reports/summary?from=" + today.minusDays(365) + "&to=" + today);
      requests.put("page_4_weeks", "/reports?preset=4w");
      requests.put("adviser_quarter", "/api/reports/summary?preset=quarter&adviser=sam");
      requests.put("episodes_csv_month", "/api/reports/episodes.csv?from=" + today.minusDays(30) + "&to=" + today);
      // The first request reads every day of two years from the store (nothing is in the day cache yet).
      long coldStart = System.nanoTime();
      JsonObject year = ChatBench.await(admin.get(requests.get("summary_year")).send()).bodyAsJsonObject();
      double coldMs = (System.nanoTime() - coldStart) / 1e6;
      int episodes = year.getInteger("episodes");
      System.out.printf("the server sees %d episodes in the last year; that first (cold) summary took %.0f ms%n", episodes, coldMs);
      for (int round = 0; round < rounds + 2; round++) {
        boolean measured = round >= 2;
        for (Map.Entry<String, String> request : requests.entrySet()) {
          long start = System.nanoTime();
          HttpResponse<Buffer> response = ChatBench.await(admin.get(request.getValue()).send());
          long took = System.nanoTime() - start;
          if (response.statusCode() != 200) {
            throw new IllegalStateException(request.getValue() + " answered " + response.statusCode() + ": " + response.bodyAsString());
          }
          if (measured) {
            timings.computeIfAbsent(request.getKey(), k -> new Histogram(TimeUnit.MINUTES.toNanos(5), 3)).recordValue(took);
            all.recordValue(took);
          }
        }
      }
      StringBuilder last = new StringBuilder();
      timings.forEach((name, h) -> {
        System.out.printf("%-20s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (n=%d)%n", name, ms(h, 50), ms(h, 95), h.getMaxValue() / 1e6, h.getTotalCount());
        last.append(String.format(" %s_p95_ms=%.1f", name, ms(h, 95)));
      });
      System.out.printf("server rss %.0f MB%n", server.rssBytes() / 1048576.0);
      System.out.printf("requests=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f cold_year_ms=%.0f episodes=%d messages=%d conversations=%d%s%n",
          all.getTotalCount(), ms(all, 50), ms(all, 95), all.getMaxValue() / 1e6, coldMs, episodes, made.getLong("messages"), made.getInteger("conversations"), last);
    } finally {
      server.close();
    }
  }

  private void generate(Path data, Path marker, ReportsHistoryWriter.Size size) throws Exception {
    if (Files.exists(data)) {
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(data);
    long started = System.nanoTime();
    BenchServer first = BenchServer.start(data, true);
    String adminPassword = first.adminPassword;
    first.close();
    System.out.printf("accounts and demo data made in %.1f s; generating the history…%n", (System.nanoTime() - started) / 1e9);
    JsonObject made = ReportsHistoryWriter.write(vertx, data.resolve("harbour.mv.db"), size);
    made.put("adminPassword", adminPassword).put("generatedSeconds", Math.round((System.nanoTime() - started) / 1e9));
    Files.writeString(marker, made.encodePrettily());
  }

  private static double ms(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1e6;
  }
}
