package uk.harbour.identity;

import io.vertx.core.eventbus.EventBus;
import java.util.Objects;

/**
 * Announces, on every node, that a person's sessions have ended (signed out everywhere, disabled
 * or revoked); their open chat connections listen on {@link #address} and close.
 */
public final class SignOuts {

  private final EventBus bus;

  public SignOuts(EventBus bus) {
    this.bus = Objects.requireNonNull(bus);
  }

  /** Identity's own address: the chat listens to identity, never the other way round. */
  public static String address(String userId) {
    return "harbour.identity.signed-out." + userId;
  }

  public void everywhere(String userId) {
    bus.publish(address(userId), "signed-out");
  }
}
