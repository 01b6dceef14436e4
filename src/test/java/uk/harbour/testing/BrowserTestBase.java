package uk.harbour.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every browser test shares: one Harbour for the class, Chromium windows opened with
 * {@link #openBrowser()}, and after the last test every window quit, then Harbour stopped. A
 * subclass picks its clock and configuration by overriding {@link #startHarbour()}, and opens its
 * windows and adds its fixtures in its own {@code @BeforeAll}, which runs after this class's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
public abstract class BrowserTestBase {

  /** The Harbour under test; a test that restarts it puts the new one here, and that one is stopped. */
  protected RunningHarbour harbour;

  private final List<ChromeDriver> browsers = new ArrayList<>();

  /** Saturday 23:00, out of hours; override for another time or configuration. */
  protected RunningHarbour startHarbour() {
    return RunningHarbour.start(TestClock.at("2026-11-28T23:00"));
  }

  /** A new headless Chromium window, quit after the class. */
  protected ChromeDriver openBrowser() {
    ChromeDriver browser = Browser.start();
    browsers.add(browser);
    return browser;
  }

  @BeforeAll
  protected final void startHarbourForClass() {
    harbour = startHarbour();
  }

  /** Runs after the subclass's own {@code @AfterAll}, even when a set-up failed part-way. */
  @AfterAll
  protected final void quitBrowsersAndStopHarbour() {
    try {
      browsers.forEach(ChromeDriver::quit);
    } finally {
      browsers.clear();
      if (harbour != null) {
        harbour.close();
      }
    }
  }
}
