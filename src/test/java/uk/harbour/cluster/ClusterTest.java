package uk.harbour.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.harbour.testing.Eventually.eventually;
import static uk.harbour.testing.RunningHarbour.await;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;
import uk.harbour.testing.Fixtures;
import uk.harbour.testing.Rotas;
import uk.harbour.testing.RunningHarbour;
import uk.harbour.testing.TestClock;
import uk.harbour.testing.TestSession;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.TestSocket.Barrier;
import uk.harbour.testing.TwoNodes;

/**
 * Two nodes on one shared store behave as one Harbour: a young person on node A and an adviser on
 * node B chat live, presence, queues and loads are the same from both, an alert goes out once, and
 * writes to one conversation from both nodes keep one order. On Wednesday evening (Rotas): Ali and
 * Priya on call, Sam (Jay's PA) backup, Jo duty manager.
 */
@DisplayName("Two clustered nodes on a shared store")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

  private TestClock clock;
  /** Short, so a missing receipt would show within the test. */
  private static final int RECEIPT_SECONDS = 2;

  private TwoNodes nodes;
  private Fixtures onA;
  private TestSession samSession;
  private TestSocket sam;
  private TestSocket priya;
  private TestSocket jay;
  private String jayId;

  @BeforeAll
  void start() {
    clock = TestClock.at("2026-11-25T18:00");
    nodes = new TwoNodes(clock, new JsonObject().put("routing", new JsonObject().put("sweepSeconds", 1).put("alertReceiptSeconds", RECEIPT_SECONDS)));
    onA = new Fixtures(nodes.a);
    for (String adviser : List.of("sam", "ali", "priya")) {
      onA.staff(adviser, Role.ADVISER);
    }
    onA.staff("jo", Role.MANAGER);
    Rotas.use(nodes.a, Rotas.wednesdayEvening());
    eventually(() -> nodes.b.harbour().services().rota().current().version() == nodes.a.harbour().services().rota().current().version());
    samSession = onA.signedIn("sam");
    JsonObject invite = onA.careLeaver(samSession, "Jay");
    jayId = invite.getString("careLeaverId");
    // Jay joins through node B and chats on node A; Sam signed in on A; Priya on B.
    TestSession jaySession = new Fixtures(nodes.b).joined(invite, "jay-cluster");
    jay = TestSocket.connect(nodes.a, jaySession);
    jay.next("welcome");
    sam = TestSocket.connect(nodes.a, samSession);
    sam.next("welcome");
    priya = TestSocket.connect(nodes.b, onA.signedIn("priya"));
    priya.next("welcome");
  }

  @AfterAll
  void stop() {
    for (TestSocket socket : new TestSocket[] {jay, sam, priya}) {
      if (socket != null) {
        socket.close();
      }
    }
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName("A session started on one node signs in on the other, and exactly one node runs routing")
  void sessionsAndLeadership() {
    assertEquals(200, new TestSession(nodes.b, nodes.b.http()).get("/api/csrf").statusCode());
    TestSocket samOnB = TestSocket.connect(nodes.b, samSession);
    assertEquals("sam", samOnB.next("welcome").getJsonObject("user").getString("id"), "Sam's session from node A works on node B");
    samOnB.close();
    eventually(() -> leading(nodes.a) != leading(nodes.b));
    assertTrue(leading(nodes.a), "the node that started first holds the lease");
  }

  @Test
  @Order(2)
  @DisplayName("Staff presence is the same from both nodes: Priya connected on B is available on A, and her status change reaches A")
  void presenceFromBothNodes() {
    eventually(() -> "available".equals(nodes.a.harbour().services().staffPresence().describe("priya")));
    assertEquals("available", nodes.b.harbour().services().staffPresence().describe("sam"), "Sam connected on A is seen on B");
    priya.send(new JsonObject().put("type", "presence").put("status", "busy"));
    eventually(() -> "busy".equals(nodes.a.harbour().services().staffPresence().describe("priya")));
    JsonObject seen = sam.next(f -> "presence".equals(f.getString("type")) && "priya".equals(f.getString("username")) && "busy".equals(f.getString("status")));
    assertTrue(seen.getBoolean("connected"));
    priya.send(new JsonObject().put("type", "presence").put("status", "available"));
    eventually(() -> "available".equals(nodes.a.harbour().services().staffPresence().describe("priya")));
  }

  @Test
  @Order(3)
  @DisplayName("A young person on node A is routed to an adviser on node B by presence from B; they chat live both ways; queue and loads agree on both nodes")
  void crossNodeDeliveryBothWays() {
    jay.send(send("j1", "hello from node A"));
    assertEquals("ack", jay.next("ack").getString("type"));
    // Routing on A saw Priya (on B) available and gave her the conversation.
    eventually(() -> conversation(nodes.b).map(c -> "priya".equals(c.assignedTo())).orElse(false));
    JsonObject summary = priya.next(f -> "conversation".equals(f.getString("type")) && jayId.equals(f.getJsonObject("conversation").getString("id"))
        && "priya".equals(f.getJsonObject("conversation").getString("assignedTo")));
    assertEquals("priya", summary.getJsonObject("conversation").getString("assignedTo"), "the queue update crossed to node B");

    priya.send(new JsonObject().put("type", "resume").put("conversationId", jayId).put("afterSeq", 0));
    JsonObject history = priya.next("history");
    assertTrue(history.getJsonArray("messages").stream().map(JsonObject.class::cast).anyMatch(m -> "hello from node A".equals(m.getString("text"))));
    priya.send(new JsonObject().put("type", "send").put("conversationId", jayId).put("clientId", "p1").put("text", "hi Jay, from node B"));
    JsonObject toJay = jay.next(message("hi Jay, from node B"));
    assertEquals("Priya", toJay.getJsonObject("message").getJsonObject("sender").getString("displayName"), "a young person sees a first name");
    jay.send(send("j2", "thanks"));
    priya.next(message("thanks"));

    sam.sync(Barrier.queue());
    priya.send(new JsonObject().put("type", "queue"));
    JsonObject queueOnB = priya.next("queue");
    assertTrue(queueOnB.getJsonArray("conversations").stream().map(JsonObject.class::cast).anyMatch(c -> jayId.equals(c.getString("id"))));
    // Loads come from each node's copy of every conversation: the same on both.
    eventually(() -> activeOf(nodes.a, "priya") == 1 && activeOf(nodes.b, "priya") == 1);
  }

  @Test
  @Order(4)
  @DisplayName("An unanswered wait alerts Priya (on B) and Sam (on A) once, even when both nodes sweep at the same moment; a receipt from the node not running routing counts")
  void alertsOnce() {
    jay.send(send("j3", "are you there?"));
    jay.next(f -> "ack".equals(f.getString("type")) && "j3".equals(f.getString("clientId")));
    eventually(() -> conversation(nodes.a).map(Conversation::awaitingReply).orElse(false));
    clock.advance(Duration.ofMinutes(10));
    JsonObject toPriya = priya.next("alert");
    JsonObject toSam = sam.next("alert");
    assertEquals(1, toPriya.getInteger("level"));
    assertEquals(1, toSam.getInteger("level"));
    // Only the console on the node that does not run routing confirms: its receipt crosses the event bus.
    boolean aRoutes = leading(nodes.a);
    (aRoutes ? priya : sam).confirm(toPriya);
    // Several more sweeps pass (every second, by whichever node leads): no repeat before the repeat time.
    assertFalse(priya.arrivesWithin(f -> "alert".equals(f.getString("type")), 3000), "one alert, not one per node or per sweep");
    assertFalse(sam.arrivesWithin(f -> "alert".equals(f.getString("type")), 100));

    // Both nodes sweep at once, as two holders would if a lease were ever held twice: the store's seq decides.
    clock.advance(Duration.ofMinutes(5));
    await(Future.all(nodes.a.harbour().services().routing().sweep(), nodes.b.harbour().services().routing().sweep()));
    JsonObject second = priya.next("alert");
    assertEquals(2, second.getInteger("level"));
    priya.confirm(second);
    assertFalse(priya.arrivesWithin(f -> "alert".equals(f.getString("type")), 2000), "the second alert went out once");
    assertFalse(jay.arrivesWithin(f -> "message".equals(f.getString("type")) && f.getJsonObject("message").getString("text").startsWith("Sorry you are still waiting"),
        RECEIPT_SECONDS * 1000L), "both alerts confirmed: nobody is told nobody is online");
    assertEquals(0, nodes.a.harbour().services().routing().unseenAlerts() + nodes.b.harbour().services().routing().unseenAlerts());
    List<Message> alerts = await(nodes.b.harbour().services().chat().latest(jayId, 200)).stream()
        .filter(m -> m.kind() == MessageKind.ALERT && m.event() instanceof ConversationEvent.Escalated).toList();
    assertEquals(List.of(1, 2), alerts.stream().map(m -> ((ConversationEvent.Escalated) m.event()).level()).toList(), "stored once each");
    priya.send(new JsonObject().put("type", "send").put("conversationId", jayId).put("clientId", "p2").put("text", "sorry, here now"));
    jay.next(message("sorry, here now"));
  }

  @Test
  @Order(5)
  @DisplayName("Both nodes writing to one conversation at once keep one order: every message acked once, no seq twice, the same history from both")
  void concurrentWritesKeepOneOrder() {
    int each = 25;
    for (int i = 0; i < each; i++) {
      jay.send(send("jc" + i, "jay " + i));
      priya.send(new JsonObject().put("type", "send").put("conversationId", jayId).put("clientId", "pc" + i).put("text", "priya " + i));
    }
    Set<Long> seqs = new HashSet<>();
    for (int i = 0; i < each; i++) {
      String id = "jc" + i;
      assertTrue(seqs.add(jay.next(f -> "ack".equals(f.getString("type")) && id.equals(f.getString("clientId"))).getLong("seq")));
      String pid = "pc" + i;
      assertTrue(seqs.add(priya.next(f -> "ack".equals(f.getString("type")) && pid.equals(f.getString("clientId"))).getLong("seq")), "no seq twice");
    }
    long last = seqs.stream().mapToLong(Long::longValue).max().orElseThrow();
    eventually(() -> conversation(nodes.a).map(Conversation::lastSeq).orElse(0L) >= last
        && conversation(nodes.b).map(Conversation::lastSeq).orElse(0L).equals(conversation(nodes.a).map(Conversation::lastSeq).orElse(-1L)));
    List<String> fromA = texts(nodes.a);
    List<String> fromB = texts(nodes.b);
    assertEquals(fromA, fromB, "one order, seen the same from both nodes");
    List<String> jays = fromA.stream().filter(t -> t.startsWith("jay ")).toList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      expected.add("jay " + i);
    }
    assertEquals(expected, jays, "each sender's messages in the order sent, once each");
  }

  @Test
  @Order(6)
  @DisplayName("Unreadable announcements between nodes (a node of another version) are skipped, and the nodes go on in step")
  void unreadableAnnouncements() {
    var bus = nodes.b.vertx().eventBus();
    for (String address : List.of(uk.harbour.chat.ChatAddresses.SYNC_STORED, uk.harbour.chat.ChatAddresses.SYNC_READ, uk.harbour.chat.ChatAddresses.SYNC_PRESENCE,
        uk.harbour.chat.ChatAddresses.ALERT_RECEIVED)) {
      bus.publish(address, "not json");
      bus.publish(address, new JsonObject().put("node", "elsewhere").put("message", new JsonObject().put("seq", "x")).encode());
      bus.publish(address, new JsonObject().put("node", "elsewhere").put("username", "priya").encode());
    }
    jay.send(send("after-junk", "still here"));
    priya.next(message("still here"));
    eventually(() -> conversation(nodes.b).map(Conversation::lastSeq).orElse(0L).equals(conversation(nodes.a).map(Conversation::lastSeq).orElse(-1L)));
    assertEquals("available", nodes.a.harbour().services().staffPresence().describe("priya"), "presence unharmed");
  }

  @Test
  @Order(7)
  @DisplayName("When the node running routing stops, the other takes routing over within seconds")
  void leadershipMovesOnStop() {
    // The clock's jumps above let the lease lapse, so either node may hold it now: exactly one does.
    eventually(() -> leading(nodes.a) != leading(nodes.b));
    RunningHarbour leader = leading(nodes.a) ? nodes.a : nodes.b;
    RunningHarbour other = leader == nodes.a ? nodes.b : nodes.a;
    for (TestSocket socket : new TestSocket[] {jay, sam, priya}) {
      socket.close();
    }
    jay = sam = priya = null;
    nodes.stop(leader);
    eventually().atMost(Duration.ofSeconds(15)).until(() -> leading(other));
  }

  private static boolean leading(RunningHarbour node) {
    return node.harbour().services().leadership().leading();
  }

  private java.util.Optional<Conversation> conversation(RunningHarbour node) {
    return node.harbour().services().chat().peek(jayId);
  }

  private int activeOf(RunningHarbour node, String adviser) {
    return node.harbour().services().routing().view().forStaff().getJsonArray("onCall").stream().map(JsonObject.class::cast)
        .filter(a -> adviser.equals(a.getString("username"))).findFirst().map(a -> a.getInteger("active")).orElse(-1);
  }

  private List<String> texts(RunningHarbour node) {
    return await(node.harbour().services().chat().latest(jayId, 500)).stream().map(Message::text).toList();
  }

  private static JsonObject send(String clientId, String text) {
    return new JsonObject().put("type", "send").put("clientId", clientId).put("text", text);
  }

  private static Predicate<JsonObject> message(String text) {
    return f -> "message".equals(f.getString("type")) && text.equals(f.getJsonObject("message").getString("text"));
  }

}
