package uk.harbour.store;

import io.vertx.core.Future;

/**
 * What a repository waits for after a write and before anything is acknowledged to a person.
 * Real MongoDB needs nothing more (writes use majority write concern); the embedded store must
 * reach its file first.
 */
public interface Durability {

  Future<Void> afterWrite();

  static Durability none() {
    return Future::succeededFuture;
  }
}
