package uk.harbour.reports;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the report writer on a context of its own: it starts listening for stored messages, catches
 * up with the store in the background, and writes what changed every few seconds. One writer for
 * the whole service: it is deployed by whichever node leads (the only one, or the lease holder);
 * clustered, it also folds every few seconds what the other nodes stored.
 */
public final class ReportsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ReportsVerticle.class);
  /** Reports may lag the chat by this much (and by a catch-up after a restart). */
  public static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

  private final ReportWriter writer;
  private final boolean clustered;
  private final BooleanSupplier leading;
  private final Future<Void> serving;

  /**
   * {@code leading}: whether this node still leads; a node that lost the lease stops writing.
   * {@code serving}: completes once Harbour serves, when the start's catch-up may begin.
   */
  public ReportsVerticle(ReportWriter writer, boolean clustered, BooleanSupplier leading, Future<Void> serving) {
    this.writer = Objects.requireNonNull(writer);
    this.clustered = clustered;
    this.leading = Objects.requireNonNull(leading);
    this.serving = Objects.requireNonNull(serving);
  }

  @Override
  public Future<?> start() {
    return writer.start(vertx, serving).onSuccess(v -> vertx.setPeriodic(FLUSH_EVERY.toMillis(), id -> tick()));
  }

  /**
   * Writes what was folded since the last flush while the store is still open: Vert.x stops this
   * verticle before the one that closes the store. A stop that did not flush left those records for
   * the next start to fold again, and a flush already under way failed against the closed store.
   */
  @Override
  public Future<?> stop() {
    if (!leading.getAsBoolean()) {
      return Future.succeededFuture();
    }
    return writer.flush().recover(e -> {
      LOG.warn("Stopping: some report records were not written; the next start folds them again", e);
      return Future.succeededFuture();
    });
  }

  private void tick() {
    if (!leading.getAsBoolean()) {
      return;
    }
    (clustered ? writer.catchUpBehind() : Future.<Void>succeededFuture())
        .transform(r -> writer.flush())
        .onFailure(e -> LOG.warn("Report flush failed", e));
  }
}
