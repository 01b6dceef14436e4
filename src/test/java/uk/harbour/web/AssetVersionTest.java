package uk.harbour.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The static files' version changes when, and only when, a file does")
@Timeout(10)
class AssetVersionTest {

  @Test
  @DisplayName("The same files give the same version; a changed, added or renamed file gives another")
  void followsTheFiles(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("js"));
    Files.writeString(dir.resolve("js/chat.js"), "import { Outbox } from \"./outbox.js\";");
    Files.writeString(dir.resolve("js/outbox.js"), "export class Outbox {}");
    String first = AssetVersion.of(dir);
    assertTrue(first.matches("[0-9a-f]{12}"), first);
    assertEquals(first, AssetVersion.of(dir), "read again");

    Files.writeString(dir.resolve("js/outbox.js"), "export class Outbox { watch() {} }");
    String changed = AssetVersion.of(dir);
    assertNotEquals(first, changed);

    Files.writeString(dir.resolve("js/extra.js"), "");
    String added = AssetVersion.of(dir);
    assertNotEquals(changed, added);

    Files.move(dir.resolve("js/extra.js"), dir.resolve("js/other.js"));
    assertNotEquals(added, AssetVersion.of(dir), "renamed");
  }
}
