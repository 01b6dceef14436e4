package uk.harbour.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.harbour.app.Harbour;

/** A Harbour of its own for the bench: a separate JVM on a fresh embedded store, demo accounts on. */
final class BenchServer implements OwnServer {

  private static final Pattern ADMIN = Pattern.compile("admin\\s+alex\\s+password (\\S+)");
  private static final Pattern READY = Pattern.compile("\\((\\d+) ms since the process started");
  private static final Pattern CONVERSATIONS = Pattern.compile("Chat ready with (\\d+) conversations in memory \\((\\d+) caught up");
  private static final Pattern FIRST_SWEEP = Pattern.compile("Routing's first sweep finished (\\d+) ms");
  private static final Pattern REPORTS = Pattern.compile("Reports caught up with (\\d+) conversations \\((every one|those held)");

  final Process process;
  final String url;
  final String adminPassword;
  final Path dataDir;
  /** What start-up took: as the server counts it (from its JVM's start), and as the bench saw it (from starting the process). */
  final Startup startup;
  /** How long routing's first sweep took, once the server says (it runs after ready). */
  final java.util.concurrent.CompletableFuture<Long> firstSweepMs;
  /** When the reports' catch-up (after ready, in the background) finished, and over how many conversations, once the server says. */
  final java.util.concurrent.CompletableFuture<String> reportsCaughtUp;

  /**
   * {@code conversations} is how many the chat held when ready, {@code caughtUp} how many of them it
   * caught up with messages after their snapshot; -1 if it did not say.
   */
  record Startup(long serverMs, double seenMs, long conversations, long caughtUp) {}

  private BenchServer(Process process, String url, String adminPassword, Path dataDir, Startup startup,
      java.util.concurrent.CompletableFuture<Long> firstSweepMs, java.util.concurrent.CompletableFuture<String> reportsCaughtUp) {
    this.firstSweepMs = firstSweepMs;
    this.reportsCaughtUp = reportsCaughtUp;
    this.process = process;
    this.url = url;
    this.adminPassword = adminPassword;
    this.dataDir = dataDir;
    this.startup = startup;
  }

  static BenchServer start() throws IOException {
    return start(Files.createTempDirectory("harbour-bench"), true);
  }

  /** Starts on {@code data}; a store that already has staff prints no admin password, so none is expected. */
  static BenchServer start(Path data, boolean fresh) throws IOException {
    return start(data, fresh, java.util.Map.of(), "bench-server.log");
  }

  /**
   * Starts with {@code extra} environment (a cluster node's), logging to {@code target/logName}. A
   * node that does not seed (not the first of a cluster) prints no admin password: pass {@code fresh} false.
   */
  static BenchServer start(Path data, boolean fresh, java.util.Map<String, String> extra, String logName) throws IOException {
    int port = freePort();
    // The server runs from Harbour's own jar, as ops/run does, not from the bench's class path.
    String jar = new File(Harbour.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getPath();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(serverJvmOptions());
    command.addAll(classArchive(Path.of(jar)));
    command.addAll(List.of("-cp", jar, Harbour.class.getName()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    var env = builder.environment();
    env.put("HARBOUR_HTTP_PORT", String.valueOf(port));
    env.put("HARBOUR_HTTP_HOST", "127.0.0.1");
    env.put("HARBOUR_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("HARBOUR_DATA_DIR", data.toString());
    env.put("HARBOUR_DEMO", "true");
    env.put("HARBOUR_CHAT_BURST", "100000");
    env.put("HARBOUR_CHAT_MESSAGES_PER_MINUTE", "1000000");
    // Setting up thousands of bench accounts would otherwise spend minutes hashing passphrases.
    env.put("HARBOUR_ARGON2_MEMORY_KIB", "1024");
    env.put("HARBOUR_ARGON2_ITERATIONS", "1");
    env.remove("MONGO_URI");
    env.putAll(extra);
    long started = System.nanoTime();
    Process process = builder.start();
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    String password = null;
    String line;
    long serverMs = -1;
    long conversations = -1;
    long caughtUp = -1;
    StringBuilder seen = new StringBuilder();
    // Routing's first sweep runs after ready, but when there is little to do it may say so first.
    java.util.concurrent.CompletableFuture<Long> firstSweep = new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<String> reports = new java.util.concurrent.CompletableFuture<>();
    while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      afterReady(line, firstSweep, reports, started);
      Matcher admin = ADMIN.matcher(line);
      if (admin.find()) {
        password = admin.group(1);
      }
      Matcher count = CONVERSATIONS.matcher(line);
      if (count.find()) {
        conversations = Long.parseLong(count.group(1));
        caughtUp = Long.parseLong(count.group(2));
      }
      if (line.contains("Harbour ready")) {
        Matcher ready = READY.matcher(line);
        serverMs = ready.find() ? Long.parseLong(ready.group(1)) : -1;
        break;
      }
    }
    Startup startup = new Startup(serverMs, (System.nanoTime() - started) / 1e6, conversations, caughtUp);
    if (fresh ? password == null : !seen.toString().contains("Harbour ready")) {
      process.destroyForcibly();
      throw new IllegalStateException("the bench's Harbour did not start:\n" + seen);
    }
    Path log = Path.of("target", logName);
    Files.createDirectories(log.getParent());
    java.io.PrintWriter keep = new java.io.PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, fresh ? java.nio.file.StandardOpenOption.TRUNCATE_EXISTING : java.nio.file.StandardOpenOption.APPEND), true);
    keep.print(seen);
    System.out.println("the bench server's log: " + log.toAbsolutePath());
    // The server's log outlives the run: a failure during set-up or load is explained there.
    Thread drain = new Thread(() -> {
      try (keep) {
        reader.lines().forEach(logged -> {
          keep.println(logged);
          afterReady(logged, firstSweep, reports, started);
        });
      } catch (java.io.UncheckedIOException closed) {
        // the server has stopped
      }
    }, "bench-server-output");
    drain.setDaemon(true);
    drain.start();
    return new BenchServer(process, "http://127.0.0.1:" + port, password, data, startup, firstSweep, reports);
  }

  /** Watches the log for the work a start does after ready: routing's first sweep and the reports' catch-up. */
  private static void afterReady(String line, java.util.concurrent.CompletableFuture<Long> firstSweep,
      java.util.concurrent.CompletableFuture<String> reports, long started) {
    Matcher sweep = FIRST_SWEEP.matcher(line);
    if (sweep.find()) {
      firstSweep.complete(Long.parseLong(sweep.group(1)));
    }
    Matcher caughtUp = REPORTS.matcher(line);
    if (caughtUp.find()) {
      reports.complete(String.format("%.0f ms after the process started, over %s conversations (%s)",
          (System.nanoTime() - started) / 1e6, caughtUp.group(1), caughtUp.group(2)));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String adminPassword() {
    return adminPassword;
  }

  /**
   * The server's JVM options: those ops/run uses for the heap, or HARBOUR_BENCH_SERVER_OPTS when set
   * (so a run can add a GC log or a JFR recording, or try another collector, without a rebuild).
   */
  static List<String> serverJvmOptions() {
    String custom = System.getenv("HARBOUR_BENCH_SERVER_OPTS");
    if (custom == null || custom.isBlank()) {
      return List.of("-Xms256m", "-Xmx1g", "-XX:MaxGCPauseMillis=20", "-XX:+UnlockExperimentalVMOptions", "-XX:G1NewSizePercent=40");
    }
    return Arrays.stream(custom.trim().split("\\s+")).toList();
  }

  /**
   * The class archive ops/archive made for this jar (ops/bench makes it), used as ops/run uses it;
   * none if it is missing or older than the jar, which the JVM would refuse anyway.
   */
  static List<String> classArchive(Path jar) {
    Path archive = jar.resolveSibling("harbour.jsa");
    try {
      return Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0
          ? List.of("-XX:SharedArchiveFile=" + archive)
          : List.of();
    } catch (IOException missing) {
      return List.of();
    }
  }

  @Override
  public double cpuSeconds() {
    return cpuSeconds(process);
  }

  /** CPU seconds a process has used so far (user + system), from /proc (Linux); -1 if unknown. */
  static double cpuSeconds(Process process) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name, in clock ticks (100/s on Linux).
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Resident set size of the server process, from /proc (Linux). */
  @Override
  public long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** Runs a full collection in the server, so the heap then read is what it really keeps (jcmd ships with the JDK). */
  @Override
  public void fullGc() {
    try {
      Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()), "GC.run")
          .redirectErrorStream(true).start();
      gc.getInputStream().readAllBytes();
      gc.waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      System.out.println("could not run a GC in the server: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void histogram(Path file) {
    try {
      Process histogram = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()), "GC.class_histogram")
          .redirectErrorStream(true).redirectOutput(file.toFile()).start();
      histogram.waitFor(120, TimeUnit.SECONDS);
    } catch (IOException e) {
      System.out.println("could not read the server's histogram: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes the store a bench run made for itself, so runs do not fill the disk. */
  @Override
  public void deleteData() {
    try (var files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.out.println("could not delete " + dataDir + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
  }
}
