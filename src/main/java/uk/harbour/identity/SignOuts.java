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

  /**
   * What a sign-out sends: never a chat frame (those are JSON objects), so the chat can carry its
   * frames for the person on the same address and each connection needs one consumer.
   */
  public static final String SIGNED_OUT = "signed-out";

  /** A person's own address, identity's: the chat listens to identity, never the other way round. */
  public static String address(String userId) {
    return "harbour.person." + userId;
  }

  public void everywhere(String userId) {
    bus.publish(address(userId), SIGNED_OUT);
  }

  /**
   * Where every node hears that a staff account was disabled or enabled (the body is the username):
   * routing stops counting a disabled person as on shift and moves their conversations on at once,
   * rather than when its next staff refresh, a minute on, or the disconnect grace would.
   */
  public static final String STAFF_CHANGED = "harbour.staff.changed";

  public void staffChanged(String username) {
    bus.publish(STAFF_CHANGED, username);
  }
}
