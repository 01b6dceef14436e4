package uk.harbour.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Harbour's own programs as separate processes for tests that kill them (SIGKILL): a node, the
 * shared store, the proxy. Each is started, its output read until a line says it is ready (kept in
 * {@code output}), then drained in the background.
 */
public final class Processes {

  private Processes() {}

  /** A Java main from the test class path, started in the project directory. */
  public static Process java(String mainClass, Map<String, String> env, String readyLine, StringBuilder output) {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), mainClass);
    return start(command, env, readyLine, output);
  }

  public static Process start(List<String> command, Map<String, String> env, String readyLine, StringBuilder output) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(new File(System.getProperty("user.dir")));
      builder.environment().remove("MONGO_URI");
      builder.environment().putAll(env);
      Process process = builder.start();
      BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      String line;
      while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
        synchronized (output) {
          output.append(line).append('\n');
        }
        if (line.contains(readyLine)) {
          Thread drain = new Thread(() -> reader.lines().forEach(l -> {
            synchronized (output) {
              output.append(l).append('\n');
            }
          }), "test-process-drain");
          drain.setDaemon(true);
          drain.start();
          return process;
        }
      }
      process.destroyForcibly();
      throw new IllegalStateException(command.get(command.size() - 1) + " did not start:\n" + output);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
