package uk.harbour.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The screen sizes the young person's pages are tested at, applied as a phone would show them
 * (Chromium's device emulation: exact CSS pixels, mobile viewport rules), and screenshots of them.
 */
public record Viewport(String name, int width, int height, boolean mobile) {

  public static final Viewport SMALL_PHONE = new Viewport("320x640", 320, 640, true);
  public static final Viewport PHONE = new Viewport("390x844", 390, 844, true);
  public static final Viewport LAPTOP = new Viewport("1366x768", 1366, 768, false);

  /** Where screenshots go: {@code -Dharbour.screens=DIR} (ops/screens gives docs/screens), else target/screens. */
  public static final Path SCREENS = Path.of(System.getProperty("harbour.screens", "target/screens"));

  public void apply(ChromeDriver driver) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** Saves what the browser shows now as {@code <page>-<size>.png}. */
  public Path screenshot(ChromeDriver driver, String page) {
    try {
      Files.createDirectories(SCREENS);
      Path file = SCREENS.resolve(page + "-" + name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
