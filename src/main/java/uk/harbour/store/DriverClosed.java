package uk.harbour.store;

import com.mongodb.event.ClusterClosedEvent;
import com.mongodb.event.ClusterListener;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Says when the MongoDB driver under a vertx-mongo-client client has closed. That client's
 * {@code close()} answers at once and closes the driver later, on a worker: a store or Vert.x
 * closed meanwhile leaves the driver's server monitor reconnecting, on event loops that are gone,
 * for the life of the process.
 */
final class DriverClosed implements ClusterListener {

  private final Promise<Void> closed = Promise.promise();

  @Override
  public void clusterClosed(ClusterClosedEvent event) {
    closed.tryComplete();
  }

  Future<Void> future() {
    return closed.future();
  }
}
