package uk.harbour.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The lines one class logs while a test runs, for tests that assert what was said and how loudly. */
public final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(Class<?> source) {
    this.logger = (Logger) LoggerFactory.getLogger(source);
    appender.start();
    logger.addAppender(appender);
  }

  /** Starts capturing what {@code source} logs; close it to stop. */
  public static LogCapture of(Class<?> source) {
    return new LogCapture(source);
  }

  public List<ILoggingEvent> lines() {
    return appender.list;
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
