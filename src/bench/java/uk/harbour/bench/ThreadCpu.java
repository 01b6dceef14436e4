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
 * commits (Harbour's commit thread, which writes the changed pages, and any H2 thread), the
 * driver, worker threads, the JIT compilers and the garbage collector. Thread names there are cut
 * at 15 characters, hence the prefixes.
 */
final class ThreadCpu {

  /** Kinds in the order printed; a thread matching none is "other". */
  private static final List<Map.Entry<String, List<String>>> KINDS = List.of(
      Map.entry("event_loops", List.of("vert.x-eventloo")),
      Map.entry("store_server", List.of("mongo-server-")),
      Map.entry("store_commit", List.of("harbour-commit", "H2-", "MVStore")),
      Map.entry("driver", List.of("AsyncGetter", "cluster-")),
      Map.entry("workers", List.of("vert.x-worker", "vert.x-internal")),
      Map.entry("jit", List.of("C1 Compiler", "C2 Compiler")),
      Map.entry("gc", List.of("GC Thread", "G1 ", "VM Thread")));

  private ThreadCpu() {}

  /** CPU seconds used so far by each kind of thread still alive in {@code pid}; empty if unknown. */
  static Map<String, Double> byKind(long pid) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    KINDS.forEach(kind -> seconds.put(kind.getKey(), 0.0));
    seconds.put("other", 0.0);
    try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
          seconds.merge(kindOf(name), used, Double::sum);
        } catch (IOException | RuntimeException e) {
          // The thread ended between listing and reading: its CPU is no longer counted either way.
        }
      });
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return seconds;
  }

  private static String kindOf(String threadName) {
    for (Map.Entry<String, List<String>> kind : KINDS) {
      if (kind.getValue().stream().anyMatch(threadName::startsWith)) {
        return kind.getKey();
      }
    }
    return "other";
  }

  /** "kind=ms …" per delivered message, between two readings. */
  static String perMessage(Map<String, Double> before, Map<String, Double> after, long delivered) {
    StringBuilder line = new StringBuilder();
    after.forEach((kind, seconds) -> line.append(String.format(" %s=%.3f", kind, (seconds - before.getOrDefault(kind, 0.0)) * 1000 / delivered)));
    return line.toString().trim();
  }
}
