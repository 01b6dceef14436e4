package uk.harbour.reports;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the report writer on a context of its own: it starts listening for stored messages, catches
 * up with the store in the background, and writes what changed every few seconds.
 */
public final class ReportsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ReportsVerticle.class);
  /** Reports may lag the chat by this much (and by a catch-up after a restart). */
  public static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

  private final ReportWriter writer;

  public ReportsVerticle(ReportWriter writer) {
    this.writer = Objects.requireNonNull(writer);
  }

  @Override
  public Future<?> start() {
    return writer.start(vertx)
        .onSuccess(v -> vertx.setPeriodic(FLUSH_EVERY.toMillis(), id -> writer.flush().onFailure(e -> LOG.warn("Report flush failed", e))));
  }
}
