package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.app.Services;
import uk.harbour.chat.ChatDelivery;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.testing.LogCapture;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * Before, a risk response the store refused once (a replica set electing a new primary) was never
 * tried again: the young person's words stayed stored without a flag, urgency, crisis help or the
 * at-once alert, and only a WARN said so. Here the real service's store refuses the first try.
 */
@DisplayName("A risk response the store refuses is tried again")
class RiskRetryTest extends WednesdayEveningTestBase {

  private final LogCapture riskLog = LogCapture.of(RiskResponse.class);

  @AfterEach
  void closeLog() {
    riskLog.close();
  }

  @Test
  @DisplayName("After one refused try the conversation is flagged and urgent, the young person gets the kind line once, and staff the alert")
  void refusedOnceThenStored() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket ali = staffSocket("ali"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "can you help me with my rent");
      eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
      Message words = stored(jay.id(), MessageKind.TEXT).get(0);
      Message risky = new Message(words.conversationId(), words.seq(), words.episode(), MessageKind.TEXT, "I want to end it tonight",
          words.senderId(), words.senderRole(), words.senderName(), words.clientId(), words.createdAt(), null, null);

      AtomicInteger refusals = new AtomicInteger(1);
      RunningHarbour.await(riskResponse(refusingFirst(harbour.harbour().services().chat(), refusals)).check(risky));

      assertEquals(0, refusals.get(), "the first try was refused");
      Conversation flagged = conversation(jay.id());
      assertTrue(flagged.risk().flagged(), "flagged on the second try");
      assertEquals("urgent", flagged.priority());
      assertTrue(flagged.escalationLevel() > 0, "the at-once alert is stored");
      JsonObject alert = ali.next(f -> "alert".equals(f.getString("type")) && jay.id().equals(f.getString("conversationId")));
      assertEquals("risk", alert.getString("cause"));
      young.next(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getString("text").startsWith("Thank you for telling us"));
      assertEquals(1, stored(jay.id()).stream().filter(m -> m.text().startsWith("Thank you for telling us")).count(), "the kind line once");
      assertTrue(riskLog.lines().stream().anyMatch(line -> line.getLevel() == Level.WARN && line.getFormattedMessage().contains(jay.id())
          && line.getFormattedMessage().contains("trying again")), "the refusal is logged: " + riskLog.lines());
    }
  }

  /** A RiskResponse wired as Harbour wires its own, with short waits between tries. */
  private RiskResponse riskResponse(ConversationPosts chat) {
    Services services = harbour.harbour().services();
    RoutingSettings settings = services.config().routing();
    RoutingTexts texts = new RoutingTexts(services.config().zone(), services.config().council().name(), services.config().council().outOfHoursPhone());
    RotaNow rota = new RotaNow(services.rota()::engine);
    StaffDirectory staff = new StaffDirectory(services.staffRepository());
    RunningHarbour.await(staff.refresh());
    Escalations escalations = new Escalations(chat, new ChatDelivery(harbour.vertx()), rota, services.staffPresence(), staff, texts, settings,
        new AlertReceipts(harbour.vertx(), settings.alertReceipt(), clock));
    return new RiskResponse(chat, services.safety(), (at, id, also) -> Future.succeededFuture(List.of()), escalations, texts, services.audit(),
        harbour.vertx(), List.of(Duration.ofMillis(200), Duration.ofMillis(200)), clock);
  }

  /** The real service, except that it refuses the first {@code refusals} posts as a store in an election would. */
  private static ConversationPosts refusingFirst(ChatService chat, AtomicInteger refusals) {
    return new PostsThrough(chat, (conversationId, decide) -> refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0
        ? Future.failedFuture(new IllegalStateException("not writable primary (a test's refusal)"))
        : chat.postIf(conversationId, decide));
  }
}
