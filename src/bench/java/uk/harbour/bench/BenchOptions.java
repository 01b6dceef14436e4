package uk.harbour.bench;

import java.util.Arrays;

/** ops/bench options. */
record BenchOptions(
    double rate,
    int duration,
    int warmup,
    int careLeavers,
    int advisers,
    String url,
    String adminUser,
    String adminPassword,
    int setupConcurrency,
    boolean connectOnly,
    long historyMessages,
    int historyRequests,
    int nodes,
    int repeat,
    boolean startup,
    int open) {

  static final String HELP =
      """
      ops/bench – chat load over real WebSockets, open loop at a fixed rate.

        --rate N            messages per second offered, all care leavers together (default 2000)
        --duration S        seconds of measured load (default 30)
        --warmup S          seconds of load before measuring (default 30: a fresh server JVM is still
                            JIT-compiling for about half a minute of load on a quiet 2-core machine,
                            using most of a core; on a slow or busy one for minutes, which the run
                            then says: 240 shows the steady cost there)
        --care-leavers N    connected care leavers, each with their own conversation (default 500)
        --advisers M        connected advisers sharing the conversations (default 5)
        --url URL           an already running Harbour; omit to start one on a fresh embedded store
        --admin-user U      with --url: an admin account used to create bench accounts
        --admin-password P  with --url: its password
        --connect-only      only connect everyone, then report the server's heap (after a full GC), RSS,
                            live heap over open connections (per_connection_kb=) and what connecting
                            added to the live heap of the server with the accounts made (added_per_connection_kb=)
        --history-messages N  store N messages across the care leavers' conversations (written straight
                            into the store between two server runs), then time `history` and `resume`
                            frames over the WebSocket; needs the bench's own server (no --url)
        --history-requests R  frames of each kind to time in that mode: latest page, an older page,
                            resume (default 2000 of each)
        --nodes N           1 (default) or 2: with 2 the bench starts the shared store (ops/store), two
                            clustered nodes and HAProxy (ops/haproxy.cfg, Debian's haproxy) and puts
                            care leavers on node 1 and advisers on node 2, through the proxy, so every
                            message crosses nodes; CPU is that of all four processes
        --startup           time start-up (process start to ready): on a fresh store, then restarting on
                            it, then restarting after --care-leavers N care leavers with a conversation
                            each were written straight into its store; each restart --repeat times
                            (default 3 in this mode); needs the bench's own server (no --url).
                            All but --open of them are resolved (message, reply, resolve), 10 of those
                            with a young person's message stored after their snapshot (as after a crash).
                            History spans 16 months, and the reports never saw it, so the first of those
                            restarts also folds it all once, in the background. Then, --repeat times, a
                            crash leaves 310 more resolved conversations with a new message after their
                            snapshot, with the reports complete, and Harbour starts again.
                            Each server is stopped once routing's first sweep and the reports' catch-up
                            (both after ready) have finished and its snapshots are written; each line
                            says how long that sweep took and when the catch-up finished. Last line:
                            fresh_ms= worst_existing_ms= conversations= worst_with_conversations_ms=
                            worst_after_crash_ms=
        --open N            with --startup: conversations left open, their reply stored after their
                            snapshot so start-up catches them up (default 300; as many as
                            --care-leavers for a store where every conversation is open)
        --repeat N          the whole run N times, each on a fresh server (or again on --url): every
                            run prints its own figures, then one line with the worst of them (default 1)
        --help              this text

      Every care leaver first sends one message at the bench rate (the opening burst: each opens a
      conversation, which gets an auto-reply and cards); that burst is timed and reported on its own
      line, then the warm-up at the same rate, then the measured window.
      The bench's own server writes its log to target/bench-server.log (kept after the run).
      HARBOUR_BENCH_SERVER_OPTS replaces the bench server's JVM options (default ops/run's: -Xms256m -Xmx1g -XX:MaxGCPauseMillis=20 -XX:+UnlockExperimentalVMOptions -XX:G1NewSizePercent=40),
      e.g. to add -Xlog:gc or -XX:StartFlightRecording=filename=server.jfr. Like ops/run, the server
      also maps the class archive target/harbour.jsa (ops/archive; ops/bench makes it) when it is
      newer than the jar.
      HARBOUR_BENCH_HISTOGRAM=FILE with --connect-only writes the server's live objects by class there
      (jcmd GC.class_histogram, after the full GC): what each connection holds.

      Prints the delivered rate, end-to-end latency (care leaver send -> adviser receive) p50/p99/p99.9
      (a message that took over 60 s, from a server fallen that far behind, counts as 60 s),
      server CPU per delivered message (and by kind of thread, saying so when the JIT compilers took
      over a tenth of it), server heap and RSS, the host's 1-minute load average through the
      measured window, and how many sockets the server closed, by close code, if any (the bench does
      not reconnect them). Each run ends with one line:
        offered= delivered= p50_ms= p99_ms= p999_ms= cpu_ms_per_msg= heap_mb= rss_mb= load_min= load_max=
      With --repeat, the last line is the worst over the runs:
        runs= worst_p50_ms= worst_p99_ms= worst_p999_ms= worst_cpu_ms_per_msg= min_delivered= max_load=
      """;

  static BenchOptions parse(String[] args) {
    double rate = 2000;
    int duration = 30;
    int warmup = 30;
    int careLeavers = 500;
    int advisers = 5;
    String url = null;
    String adminUser = "alex";
    String adminPassword = null;
    boolean connectOnly = false;
    long historyMessages = 0;
    int historyRequests = 2000;
    int nodes = 1;
    int repeat = 1;
    boolean startup = false;
    int open = 300;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--rate" -> rate = Double.parseDouble(value);
        case "--duration" -> duration = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--care-leavers" -> careLeavers = Integer.parseInt(value);
        case "--advisers" -> advisers = Integer.parseInt(value);
        case "--url" -> url = value;
        case "--admin-user" -> adminUser = value;
        case "--admin-password" -> adminPassword = value;
        case "--connect-only" -> {
          connectOnly = true;
          i--;
        }
        case "--history-messages" -> historyMessages = Long.parseLong(value);
        case "--history-requests" -> historyRequests = Integer.parseInt(value);
        case "--nodes" -> nodes = Integer.parseInt(value);
        case "--repeat" -> repeat = Integer.parseInt(value);
        case "--open" -> open = Integer.parseInt(value);
        case "--startup" -> {
          startup = true;
          i--;
        }
        case "--help", "-h" -> {
          return null;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
      }
      i++;
    }
    if (rate <= 0 || duration <= 0 || careLeavers <= 0 || advisers <= 0) {
      throw new IllegalArgumentException("--rate, --duration, --care-leavers and --advisers must be positive");
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("--warmup must not be negative");
    }
    if (url != null && adminPassword == null) {
      throw new IllegalArgumentException("--url needs --admin-password (and --admin-user if not 'alex')");
    }
    if (historyMessages < 0 || historyRequests <= 0) {
      throw new IllegalArgumentException("--history-messages must not be negative and --history-requests must be positive");
    }
    if (historyMessages > 0 && url != null) {
      throw new IllegalArgumentException("--history-messages writes into the bench's own store: leave out --url");
    }
    if (nodes != 1 && nodes != 2) {
      throw new IllegalArgumentException("--nodes must be 1 or 2");
    }
    if (nodes == 2 && (url != null || historyMessages > 0)) {
      throw new IllegalArgumentException("--nodes 2 starts its own cluster: leave out --url and --history-messages");
    }
    if (startup && (url != null || nodes != 1 || connectOnly || historyMessages > 0)) {
      throw new IllegalArgumentException("--startup starts its own server: leave out --url, --nodes, --connect-only and --history-messages");
    }
    if (open < 0) {
      throw new IllegalArgumentException("--open must be 0 or more");
    }
    if (startup && !Arrays.asList(args).contains("--repeat")) {
      repeat = 3;
    }
    if (repeat < 1 || (repeat > 1 && (connectOnly || historyMessages > 0))) {
      throw new IllegalArgumentException("--repeat must be at least 1, and repeats the chat load only (not --connect-only or --history-messages)");
    }
    return new BenchOptions(
        rate, duration, warmup, careLeavers, advisers, url, adminUser, adminPassword, 16, connectOnly, historyMessages, historyRequests, nodes, repeat, startup, open);
  }
}
