package uk.harbour.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through Debian's chromedriver: explicit paths so nothing is
 * downloaded, and the flags that keep it from reaching for the (closed) network.
 */
public final class Browser {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  /** A wait of up to 20 s that looks again when the page re-renders the element it holds. */
  public static org.openqa.selenium.support.ui.WebDriverWait waitFor(org.openqa.selenium.WebDriver driver) {
    var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  /**
   * What {@code read} finds in the element {@code by} locates, looked up again if the page
   * re-renders it between the look-up and the read (the console's queue does as summaries arrive).
   */
  public static String read(org.openqa.selenium.WebDriver driver, By by, java.util.function.Function<org.openqa.selenium.WebElement, String> read) {
    return waitFor(driver).until(d -> read.apply(d.findElement(by)));
  }

  /**
   * Clicks a conversation in the console's queue. The queue re-renders as summaries arrive (an
   * auto-reply and its cards come just after a first message): a click on an item just replaced is
   * tried again on the new one.
   */
  public static void openFromQueue(org.openqa.selenium.WebDriver console, String conversationId) {
    By item = By.cssSelector(".queue-item[data-conversation-id='" + conversationId + "'] button");
    waitFor(console).until(d -> {
      d.findElement(item).click();
      return true;
    });
  }

  public static ChromeDriver start() {
    try {
      File profile = Files.createTempDirectory("harbour-chromium").toFile();
      // A profile is tens of megabytes; deleteOnExit cannot remove a directory that is not empty.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(profile.toPath())));
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=412,915",
          "--user-data-dir=" + profile.getAbsolutePath());
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
      return driver;
    } catch (IOException e) {
      throw new IllegalStateException("Could not make a browser profile directory", e);
    }
  }

  private static void deleteTree(java.nio.file.Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | java.io.UncheckedIOException e) {
      // Best effort at JVM exit: the directory is in the system temp dir anyway.
    }
  }
}
