package uk.harbour.routing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.harbour.chat.ConversationPosts;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ActiveMarks;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.chat.OnCallInfo;
import uk.harbour.chat.StaffPresence;
import uk.harbour.identity.Role;
import uk.harbour.identity.SignedIn;
import uk.harbour.rota.OnCall;

/**
 * "Who is on call now, and next": for a care leaver only first names, their place in the queue and
 * a typical reply time from real recent replies; for staff the whole shift with availability and
 * load. Everything comes from memory, so it is cheap enough for every welcome frame.
 */
public final class OnCallView implements OnCallInfo {

  /** Replies in this window make the typical reply time. */
  /** As long as a resolved conversation stays active, so every one answered this recently is held in memory. */
  static final Duration RECENT = ActiveMarks.ACTIVE_FOR;

  private final ConversationPosts chat;
  private final RotaNow rota;
  private final StaffPresence presence;
  private final StaffDirectory staff;
  private final RoutingTexts texts;
  private final Clock clock;
  private volatile Instant typicalAt;
  private volatile Integer typical;

  public OnCallView(ConversationPosts chat, RotaNow rota, StaffPresence presence, StaffDirectory staff, RoutingTexts texts, Clock clock) {
    this.chat = Objects.requireNonNull(chat);
    this.rota = Objects.requireNonNull(rota);
    this.presence = Objects.requireNonNull(presence);
    this.staff = Objects.requireNonNull(staff);
    this.texts = Objects.requireNonNull(texts);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public JsonObject now(SignedIn viewer) {
    return viewer.role() == Role.CARE_LEAVER ? forCareLeaver(viewer.id()) : forStaff();
  }

  /** Whether this staff member is on duty now by the rota: on call, backup or duty manager. */
  public boolean onDutyNow(String username) {
    OnCall onCall = rota.at(clock.instant());
    return onCall.onCall().contains(username) || onCall.backup().contains(username) || onCall.dutyManagers().contains(username);
  }

  /**
   * Like {@link #now}, first learning the names of staff added since the last refresh; for staff,
   * every adviser afresh (the Transfer list), which is one small read of the staff accounts.
   */
  @Override
  public Future<JsonObject> fresh(SignedIn viewer) {
    if (viewer.role() != Role.CARE_LEAVER) {
      return staff.refresh().recover(e -> Future.succeededFuture()).map(v -> now(viewer));
    }
    Instant now = clock.instant();
    OnCall onCall = rota.at(now);
    List<String> people = new ArrayList<>(onCall.onCall());
    people.addAll(onCall.backup());
    people.addAll(onCall.dutyManagers());
    // Loaded first: a young person's resolved conversation rests unloaded until they come back.
    return chat.conversation(viewer.id())
        .map(conv -> {
          // Both may be named: who has them, and in office hours their own PA.
          people.add(conv.assignedTo());
          people.add(conv.paUsername());
          return people;
        })
        .recover(e -> Future.succeededFuture(people))
        .compose(staff::ensure)
        .map(v -> now(viewer));
  }

  /**
   * Everything the young person's status line is made from (see docs/routing.md). It never names
   * someone who no longer has the conversation: after a resolve nobody is "talking with" them.
   */
  public JsonObject forCareLeaver(String conversationId) {
    Instant now = clock.instant();
    OnCall onCall = rota.at(now);
    Conversation conv = chat.peek(conversationId).orElse(null);
    boolean open = conv != null && conv.status() != ConversationStatus.RESOLVED;
    String talkingWith = !open || conv.assignedTo() == null ? null : staff.firstName(conv.assignedTo());
    boolean staffed = onCall.officeHours() || onCall.anyoneOnCall();
    Optional<Instant> next = staffed ? Optional.empty() : rota.nextStaffed(now);
    String pa = conv == null ? null : conv.paUsername();
    return new JsonObject()
        .put("status", conv == null ? null : conv.status().name().toLowerCase(Locale.ROOT))
        .put("officeHours", onCall.officeHours())
        .put("pa", pa == null ? null : new JsonObject().put("firstName", staff.firstName(pa)).put("available", presence.availableNow(pa)))
        .put("now", onCall.anyoneOnCall() ? onCallNow(onCall) : null)
        .put("talkingWith", talkingWith)
        .put("nextAt", next.map(Instant::toString).orElse(null))
        .put("nextAtText", next.map(t -> texts.moment(t, now)).orElse(null))
        .put("typicalReplyMinutes", typicalReplyMinutes())
        .put("queuePosition", conv == null ? null : queuePosition(conv));
  }

  /** Who is on call now, for the young person: the first one available, named, or else the first on the rota. */
  private JsonObject onCallNow(OnCall onCall) {
    Optional<String> available = onCall.onCall().stream().filter(presence::availableNow).findFirst();
    return new JsonObject()
        .put("firstName", staff.firstName(available.orElse(onCall.onCall().get(0))))
        .put("available", available.isPresent());
  }

  public JsonObject forStaff() {
    Instant now = clock.instant();
    OnCall onCall = rota.at(now);
    JsonArray advisers = new JsonArray();
    AdviserLoads loads = AdviserLoads.of(chat.conversations(), presence::availableNow, rota.engine().rota()::capacityOf);
    for (String username : onCall.onCall()) {
      advisers.add(
          new JsonObject()
              .put("username", username)
              .put("name", staff.displayName(username))
              .put("availability", presence.describe(username))
              .put("active", loads.active(username))
              .put("capacity", loads.capacity(username)));
    }
    boolean staffed = onCall.officeHours() || onCall.anyoneOnCall();
    return new JsonObject()
        .put("at", now.toString())
        .put("officeHours", onCall.officeHours())
        .put("until", onCall.until().toString())
        .put("onCall", advisers)
        .put("backup", names(onCall.backup()))
        .put("dutyManagers", names(onCall.dutyManagers()))
        .put("nextStaffedAt", staffed ? now.toString() : rota.nextStaffed(now).map(Instant::toString).orElse(null))
        .put("typicalReplyMinutes", typicalReplyMinutes())
        .put("waiting", waitingInOrder().size())
        .put("advisers", advisers(onCall, loads));
  }

  /**
   * Every active adviser with their availability and load, for the console's Transfer list: those on
   * shift first (on call or backup, or everyone in office hours), then the available, then the least
   * busy.
   */
  private JsonArray advisers(OnCall onCall, AdviserLoads loads) {
    record Choice(JsonObject json, boolean onShift, boolean available, int active) {}
    List<Choice> choices = new ArrayList<>();
    for (String username : staff.advisers()) {
      boolean onShift = onCall.officeHours() || onCall.onCall().contains(username) || onCall.backup().contains(username);
      String availability = presence.describe(username);
      JsonObject json = new JsonObject()
          .put("username", username)
          .put("name", staff.displayName(username))
          .put("availability", availability)
          .put("active", loads.active(username))
          .put("capacity", loads.capacity(username))
          .put("onShift", onShift);
      choices.add(new Choice(json, onShift, "available".equals(availability), loads.active(username)));
    }
    choices.sort(Comparator.comparing((Choice c) -> !c.onShift()).thenComparing(c -> !c.available()).thenComparingInt(Choice::active));
    JsonArray out = new JsonArray();
    choices.forEach(c -> out.add(c.json()));
    return out;
  }

  /** What the staff view's rota part is made of: when it changes, consoles are told ({@link ShiftAnnouncer}). */
  List<Object> shiftKey(Instant now) {
    OnCall onCall = rota.at(now);
    return List.of(onCall.officeHours(), onCall.onCall(), onCall.backup(), onCall.dutyManagers(), staff.advisers());
  }

  private JsonArray names(List<String> usernames) {
    JsonArray out = new JsonArray();
    usernames.forEach(u -> out.add(new JsonObject().put("username", u).put("name", staff.displayName(u)).put("availability", presence.describe(u))));
    return out;
  }

  /** 1 for the longest wait among conversations nobody has yet; null when someone has it. */
  Integer queuePosition(Conversation conv) {
    if (!ConversationAssigner.inQueue(conv)) {
      return null;
    }
    List<Conversation> queue = waitingInOrder();
    int index = queue.indexOf(conv);
    return index < 0 ? null : index + 1;
  }

  private List<Conversation> waitingInOrder() {
    // Each wait's start read once: other event loops' chains change it (to null, at a reply) meanwhile.
    List<Map.Entry<Conversation, Instant>> queue = new ArrayList<>();
    for (Conversation c : chat.conversations()) {
      Instant since = c.waitingSince();
      if (since != null && ConversationAssigner.inQueue(c)) {
        queue.add(Map.entry(c, since));
      }
    }
    queue.sort(Map.Entry.comparingByValue());
    return queue.stream().map(Map.Entry::getKey).toList();
  }

  /** The median of each recently answered conversation's average wait, in whole minutes (at least 1). */
  Integer typicalReplyMinutes() {
    Instant now = clock.instant();
    if (typicalAt != null && Duration.between(typicalAt, now).abs().toSeconds() < 60) {
      return typical;
    }
    List<Long> averages = new ArrayList<>();
    for (Conversation c : chat.conversations()) {
      if (c.responses() > 0 && c.lastStaffMessageAt() != null && c.lastStaffMessageAt().isAfter(now.minus(RECENT))) {
        averages.add(c.totalResponseMillis() / c.responses());
      }
    }
    averages.sort(null);
    typical = averages.isEmpty() ? null : (int) Math.max(1, Math.round(averages.get(averages.size() / 2) / 60_000.0));
    typicalAt = now;
    return typical;
  }
}
