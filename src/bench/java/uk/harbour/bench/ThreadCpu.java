package uk.harbour.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A process's CPU by kind of thread, from /proc (Linux), so the bench can say where a message's
 * CPU goes (issue 17: "measure first"): the event loops, the embedded store's server and its
 * commits (Harbour's commit thread, which appends to the log, its checkpoint thread, which writes the changed pages, and any H2 thread), the
 * driver, worker threads, the JIT compilers and the garbage collector. Thread names there are cut
 * at 15 characters, hence the prefixes.
 */
final class ThreadCpu {

  /** Kinds in the order printed; a thread matching none is "other". */
  private static final List<Map.Entry<String, List<String>>> KINDS = List.of(
      Map.entry("event_loops", List.of("vert.x-eventloo")),
      Map.entry("store_server", List.of("mongo-server-")),
      Map.entry("store_commit", List.of("harbour-commit", "harbour-checkpo", "H2-", "MVStore")),
      Map.entry("driver", List.of("AsyncGetter", "cluster-")),
      Map.entry("workers", List.of("vert.x-worker", "vert.x-internal")),
      Map.entry("jit", List.of("C1 Compiler", "C2 Compiler")),
      Map.entry("gc", List.of("GC Thread", "G1 ", "VM Thread")));

  private ThreadCpu() {}

  /** One thread's kind and the CPU seconds it has used so far. */
  record Used(String kind, double seconds) {}

  /**
   * CPU seconds used so far by each thread still alive in {@code pid}, by thread id; empty if
   * unknown. By thread, not summed by kind: a thread that ends between two readings (the JVM
   * retires compiler threads it no longer needs) would take its whole life's CPU out of its kind's
   * sum, which then went negative.
   */
  static Map<String, Used> threads(long pid) {
    Map<String, Used> threads = new LinkedHashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
          threads.put(task.getFileName().toString(), new Used(kindOf(name), used));
        } catch (IOException | RuntimeException e) {
          // The thread ended between listing and reading: it is not counted.
        }
      });
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return threads;
  }

  private static String kindOf(String threadName) {
    for (Map.Entry<String, List<String>> kind : KINDS) {
      if (kind.getValue().stream().anyMatch(threadName::startsWith)) {
        return kind.getKey();
      }
    }
    return "other";
  }

  /**
   * Milliseconds per delivered message by kind, between two readings of {@link #threads}: what each
   * thread alive at the end used since the first (all of it, for a thread started since). What
   * threads that ended in between used is unknown here; the process's total, printed above it,
   * includes it.
   */
  record Split(Map<String, Double> msPerMessage, long threadsEnded) {

    double of(String kind) {
      return msPerMessage.getOrDefault(kind, 0.0);
    }

    /** "kind=ms …", as the bench prints it. */
    @Override
    public String toString() {
      StringBuilder line = new StringBuilder();
      msPerMessage.forEach((kind, ms) -> line.append(String.format(" %s=%.3f", kind, ms)));
      if (threadsEnded > 0) {
        line.append(" (").append(threadsEnded).append(threadsEnded == 1 ? " thread" : " threads").append(" ended meanwhile, not counted)");
      }
      return line.toString().trim();
    }
  }

  static Split perMessage(Map<String, Used> before, Map<String, Used> after, long delivered) {
    Map<String, Double> ms = new LinkedHashMap<>();
    KINDS.forEach(kind -> ms.put(kind.getKey(), 0.0));
    ms.put("other", 0.0);
    after.forEach((tid, used) -> {
      Used earlier = before.get(tid);
      ms.merge(used.kind(), (used.seconds() - (earlier == null ? 0 : earlier.seconds())) * 1000 / delivered, Double::sum);
    });
    return new Split(ms, before.keySet().stream().filter(tid -> !after.containsKey(tid)).count());
  }
}
