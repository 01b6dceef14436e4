package uk.harbour.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A test that hangs (a frame that never comes, a browser that never loads) must fail on its own
 * rather than stall the whole run until CI's limit, so every test class carries a class-level
 * {@code @Timeout}: JUnit's, or vertx-junit5's for classes that wait on a {@code VertxTestContext}.
 */
@DisplayName("Every test class has a class-level timeout")
@Timeout(30)
class TestTimeoutsTest {

  @Test
  @DisplayName("no class with tests lacks a @Timeout, its own or inherited")
  void everyTestClassHasATimeout() throws IOException, URISyntaxException {
    Path root = Path.of(TestTimeoutsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = testClasses(root);
    assertTrue(classes.size() > 50, "found the test classes under " + root + ": " + classes.size());
    List<String> without = classes.stream().filter(c -> !hasTimeout(c)).map(Class::getName).sorted().toList();
    assertEquals(List.of(), without, "test classes without a class-level @Timeout");
  }

  private static List<Class<?>> testClasses(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
          .map(f -> root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", ""))
          .map(TestTimeoutsTest::load)
          .filter(c -> !Modifier.isAbstract(c.getModifiers()))
          .filter(c -> !ReflectionSupport.findMethods(c, m -> AnnotationSupport.isAnnotated(m, Testable.class), HierarchyTraversalMode.TOP_DOWN).isEmpty())
          .toList();
    }
  }

  private static boolean hasTimeout(Class<?> testClass) {
    return AnnotationSupport.isAnnotated(testClass, Timeout.class) || AnnotationSupport.isAnnotated(testClass, io.vertx.junit5.Timeout.class);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, TestTimeoutsTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
