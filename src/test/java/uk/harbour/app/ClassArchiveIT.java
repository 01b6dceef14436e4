package uk.harbour.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ops/archive on the packaged jar (this runs after package): it makes the class archive ops/run
 * starts Harbour with from a JVM without the JIT, the JVM maps Harbour's classes from it, and a
 * second call on the same jar leaves it alone.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassArchiveIT {

  private static final Path JAR = Path.of("target", "harbour.jar");
  private static final Path ARCHIVE = Path.of("target", "harbour.jsa");

  private record Run(int exit, String output) {}

  @Test
  @Order(1)
  void makesAnArchiveForTheJar() throws Exception {
    Files.deleteIfExists(ARCHIVE);

    Run made = run(List.of("ops/archive"), Map.of());

    assertEquals(0, made.exit(), made.output());
    assertTrue(made.output().contains("made target/harbour.jsa"), made.output());
    assertTrue(Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(JAR)) > 0, "the archive is newer than the jar");
    // JDK 17 archives a method queued for the JIT as queued, and no JVM mapping it ever compiles
    // it (JDK-8306460): the JVM writing the archive must have no JIT queue at all.
    String log = Files.readString(Path.of("target", "harbour-archive.log"));
    assertTrue(log.contains("JVM in interpreted mode"), log);
  }

  @Test
  @Order(2)
  void theJvmLoadsHarbourFromIt(@TempDir Path data) throws Exception {
    // A configuration error ends the start at once, after Harbour's first classes are loaded.
    Run start = run(
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:SharedArchiveFile=" + ARCHIVE,
            "-Xlog:class+load=info", "-cp", JAR.toString(), Harbour.class.getName()),
        Map.of("HARBOUR_HTTP_PORT", "not-a-port", "HARBOUR_DATA_DIR", data.toString()));

    assertTrue(start.output().contains(Harbour.class.getName() + " source: shared objects file (top)"), start.output());
    assertTrue(start.output().contains("Harbour could not start: http.port"), start.output());
  }

  @Test
  @Order(3)
  void leavesAnUpToDateArchiveAlone() throws Exception {
    long before = Files.getLastModifiedTime(ARCHIVE).toMillis();

    Run again = run(List.of("ops/archive"), Map.of());

    assertEquals(0, again.exit(), again.output());
    assertEquals("", again.output());
    assertEquals(before, Files.getLastModifiedTime(ARCHIVE).toMillis());
  }

  private static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("MONGO_URI");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }
}
