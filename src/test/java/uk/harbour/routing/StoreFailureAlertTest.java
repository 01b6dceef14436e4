package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.app.Services;
import uk.harbour.chat.ChatDelivery;
import uk.harbour.chat.ChatService;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Message;
import uk.harbour.chat.StuckChains;
import uk.harbour.testing.LogCapture;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * Before, only a step that never answered was told as unrecorded. A store that refused at once
 * (a primary that will not take writes, a closed embedded store) failed every sweep step with a
 * WARN naming nobody, and an alert applied before its commit or answer failed was counted by the
 * ladder as sent though nobody got it: either way the young person's wait reached nobody.
 */
@DisplayName("A store that fails an alert's write still lets the alert reach its people")
@Timeout(120)
class StoreFailureAlertTest extends WednesdayEveningTestBase {

  private final LogCapture routingLog = LogCapture.of(Routing.class);
  private final LogCapture escalationsLog = LogCapture.of(Escalations.class);

  private final List<TestSocket> sockets = new ArrayList<>();
  private TestSocket sam;

  @AfterEach
  void close() {
    sockets.forEach(TestSocket::close);
    routingLog.close();
    escalationsLog.close();
  }

  /** Amy's message, given to Ali (on call, online); Sam, the backup, has Harbour open too. */
  private YoungPerson amyWaitingWithAli() {
    startAt("18:00");
    YoungPerson amy = youngPerson("Amy");
    sockets.add(staffSocket("ali"));
    sam = staffSocket("sam");
    sockets.add(sam);
    TestSocket young = careLeaverSocket(amy);
    sockets.add(young);
    say(young, "hello, anyone?");
    eventually(amy.id(), c -> "ali".equals(c.assignedTo()));
    return amy;
  }

  @Test
  @DisplayName("A store refusing every write: the sweep logs an ERROR naming the conversation and the backup is told the alert could not be recorded")
  void refusedWritesAreToldUnrecorded() {
    YoungPerson amy = amyWaitingWithAli();
    ChatService chat = harbour.harbour().services().chat();
    Routing refused = routing(new PostsThrough(chat, (id, decide) -> Future.failedFuture(new IllegalStateException("not writable primary (a test's refusal)"))));

    clock.setLocal("2026-11-25T18:11");
    RunningHarbour.await(refused.sweep());

    JsonObject alert = sam.next(alertAbout(amy));
    assertTrue(alert.getString("text").contains("Harbour cannot record anything in their conversation"), alert.getString("text"));
    assertTrue(routingLog.lines().stream().anyMatch(line -> line.getLevel() == Level.ERROR && line.getFormattedMessage().contains(amy.id())),
        "an ERROR names the conversation: " + routingLog.lines());
    assertEquals(0, conversation(amy.id()).escalationLevel(), "nothing could be stored");
  }

  @Test
  @DisplayName("An alert applied but not confirmed (its commit failed): the ladder counts it, so it is delivered all the same, with an ERROR")
  void appliedButUnconfirmedIsDelivered() {
    YoungPerson amy = amyWaitingWithAli();
    ChatService chat = harbour.harbour().services().chat();
    ConversationPosts unconfirmed = new PostsThrough(chat, (id, decide) -> chat.postIf(id, decide)
        .compose(posted -> Future.failedFuture(new IllegalStateException("commit failed (a test's failure)"))));
    Escalations escalations = escalations(unconfirmed);

    clock.setLocal("2026-11-25T18:11");
    Future<List<Message>> checked = escalations.check(conversation(amy.id()), clock.instant());
    assertTrue(RunningHarbour.await(checked.<Boolean>transform(r -> Future.succeededFuture(r.failed()))), "the post failed");

    assertEquals(1, conversation(amy.id()).escalationLevel(), "the alert is in the ladder");
    JsonObject alert = sam.next(alertAbout(amy));
    assertEquals(1, alert.getInteger("level"));
    assertTrue(escalationsLog.lines().stream().anyMatch(line -> line.getLevel() == Level.ERROR && line.getFormattedMessage().contains(amy.id())),
        "an ERROR names the conversation: " + escalationsLog.lines());
  }

  @Test
  @DisplayName("A sweep that throws before it starts (a sort over waits that change meanwhile can) is logged, and the next sweep runs")
  void aSweepThatThrowsDoesNotStopTheNext() {
    YoungPerson amy = amyWaitingWithAli();
    ChatService chat = harbour.harbour().services().chat();
    AtomicInteger throwing = new AtomicInteger(1);
    Routing routing = routing(new PostsThrough(chat, chat::postIf) {
      @Override
      public List<Conversation> conversations() {
        if (throwing.getAndDecrement() > 0) {
          throw new IllegalArgumentException("Comparison method violates its general contract! (a test's)");
        }
        return super.conversations();
      }
    });

    clock.setLocal("2026-11-25T18:11");
    RunningHarbour.await(routing.sweep());
    assertTrue(routingLog.lines().stream().anyMatch(line -> line.getLevel() == Level.ERROR && line.getFormattedMessage().contains("sweep failed")),
        "logged: " + routingLog.lines());
    RunningHarbour.await(routing.sweep());

    assertEquals(1, sam.next(alertAbout(amy)).getInteger("level"), "the next sweep escalated the wait");
  }

  @Test
  @DisplayName("Taking routing over waits for the catch-up with the store at most routing.stepLimitSeconds, then runs with an ERROR")
  void takeOverIsBounded() {
    startAt("18:00");
    ChatService chat = harbour.harbour().services().chat();
    Routing routing = routing(new PostsThrough(chat, chat::postIf) {
      @Override
      public Future<Void> catchUpWithStore() {
        return Promise.<Void>promise().future(); // one conversation's chain never moves again
      }
    }, Duration.ofSeconds(1));

    RunningHarbour.await(routing.takeOver());

    assertTrue(routingLog.lines().stream().anyMatch(line -> line.getLevel() == Level.ERROR && line.getFormattedMessage().contains("did not finish within 1 s")),
        "logged: " + routingLog.lines());
  }

  @Test
  @DisplayName("A stop during a sweep lets the conversation being checked finish, checks no more (the store is about to close), and begins no sweep after")
  void stopEndsTheSweepBeforeTheStoreCloses() {
    YoungPerson amy = amyWaitingWithAli();
    YoungPerson jay = youngPerson("Jay");
    clock.advance(Duration.ofSeconds(30));
    TestSocket jaySocket = careLeaverSocket(jay);
    sockets.add(jaySocket);
    say(jaySocket, "please can someone reply");
    eventually(jay.id(), c -> "ali".equals(c.assignedTo()));
    ChatService chat = harbour.harbour().services().chat();
    Promise<Void> reachedAmy = Promise.promise();
    List<String> posted = new CopyOnWriteArrayList<>();
    Routing routing = routing(new PostsThrough(chat, (id, decide) -> {
      posted.add(id);
      if (id.equals(amy.id())) {
        reachedAmy.tryComplete();
      }
      return chat.postIf(id, decide);
    }));
    // Amy has waited longest, so the sweep comes to her first; her chain waits until released.
    Promise<Void> held = StuckChains.hold(chat, amy.id());

    clock.setLocal("2026-11-25T18:11");
    routing.sweep();
    RunningHarbour.await(reachedAmy.future());
    Future<Void> stopped = routing.stopSweeping();
    assertFalse(stopped.isComplete(), "the stop waits for the conversation being checked");
    held.complete();
    RunningHarbour.await(stopped);
    RunningHarbour.await(routing.sweep());

    assertEquals(1, conversation(amy.id()).escalationLevel(), "Amy's check finished: her wait is escalated");
    assertFalse(posted.contains(jay.id()), "nothing checked after the stop: " + posted);
    assertEquals(0, conversation(jay.id()).escalationLevel(), "Jay's wait is left for the next start's sweep");
    assertTrue(routingLog.lines().stream().noneMatch(line -> line.getLevel() == Level.ERROR), "no ERROR: " + routingLog.lines());
  }

  private static Predicate<JsonObject> alertAbout(YoungPerson who) {
    return f -> "alert".equals(f.getString("type")) && who.id().equals(f.getString("conversationId"));
  }

  /** Escalations wired as Harbour wires its own, over {@code chat}. */
  private Escalations escalations(ConversationPosts chat) {
    Services services = harbour.harbour().services();
    StaffDirectory staff = new StaffDirectory(services.staffRepository());
    RunningHarbour.await(staff.refresh());
    return new Escalations(chat, new ChatDelivery(harbour.vertx()), new RotaNow(services.rota()::engine), services.staffPresence(), staff,
        texts(services), services.config().routing(), new AlertReceipts(harbour.vertx(), services.config().routing().alertReceipt(), clock));
  }

  private Routing routing(ConversationPosts chat) {
    return routing(chat, Duration.ofSeconds(10));
  }

  /** A second routing, wired as Harbour wires its own, over {@code chat}; started, and swept only by the test. */
  private Routing routing(ConversationPosts chat, Duration stepLimit) {
    Services services = harbour.harbour().services();
    RoutingSettings settings = services.config().routing();
    RotaNow rota = new RotaNow(services.rota()::engine);
    StaffDirectory staff = new StaffDirectory(services.staffRepository());
    ChatDelivery delivery = new ChatDelivery(harbour.vertx());
    RoutingTexts texts = texts(services);
    Escalations escalations = new Escalations(chat, delivery, rota, services.staffPresence(), staff, texts, settings,
        new AlertReceipts(harbour.vertx(), settings.alertReceipt(), clock));
    Routing routing = new Routing(chat, delivery,
        new ConversationAssigner(chat, rota, services.staffPresence(), staff, (at, id, limit) -> Future.succeededFuture(List.of()), texts, settings, clock),
        escalations,
        new RiskResponse(chat, services.safety(), (at, id, also) -> Future.succeededFuture(List.of()), escalations, texts, services.audit(),
            harbour.vertx(), List.of(), clock),
        new DayHandover(chat, delivery, rota, staff, texts, services.config().zone()),
        new OnCallView(chat, rota, services.staffPresence(), staff, texts, clock),
        staff, settings.disconnectGrace(), stepLimit, harbour.vertx(), clock);
    RunningHarbour.await(routing.start());
    return routing;
  }

  private static RoutingTexts texts(Services services) {
    return new RoutingTexts(services.config().zone(), services.config().council().name(), services.config().council().outOfHoursPhone());
  }
}
