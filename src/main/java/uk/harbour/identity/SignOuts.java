package uk.harbour.identity;

import io.vertx.core.eventbus.EventBus;
import java.util.Objects;
import uk.harbour.chat.ChatAddresses;

/** Closes a person's open chat connections on every node when their sessions end. */
public final class SignOuts {

  private final EventBus bus;

  public SignOuts(EventBus bus) {
    this.bus = Objects.requireNonNull(bus);
  }

  public void everywhere(String userId) {
    bus.publish(ChatAddresses.signedOut(userId), "signed-out");
  }
}
