package uk.harbour.identity;

import io.vertx.core.Future;

/**
 * Whatever else must follow a young person to their new PA once their record has one: their
 * conversation (routing, alerts, the morning handover, who may read it). The chat answers it;
 * identity never depends on the chat.
 */
@FunctionalInterface
public interface PaFollowers {

  /** {@code paName}: the new PA's display name, for the record of the change. */
  Future<Void> follow(SignedIn by, CareLeaver person, String paName);
}
