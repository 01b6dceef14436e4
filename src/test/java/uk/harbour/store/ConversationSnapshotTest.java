package uk.harbour.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.chat.Conversation;
import uk.harbour.chat.ConversationEvent;
import uk.harbour.chat.ConversationState;
import uk.harbour.chat.ConversationStatus;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.Role;

@DisplayName("Conversation snapshots as documents")
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConversationSnapshotTest {

  private static final Instant T = Instant.parse("2026-11-25T18:00:00Z");

  /** What the previous version (Conversation.snapshot() and this repository) stored for {@link #folded()}, printed by that code. */
  private static final String WRITTEN_BEFORE =
      "{\"careLeaverName\":\"Jay\",\"paUsername\":\"sam\",\"status\":\"active\",\"priority\":\"urgent\",\"assignedTo\":\"ali\",\"episode\":1,"
          + "\"lastSeq\":8,\"waitingSince\":{\"$date\":\"2026-11-25T18:02:00Z\"},\"lastMessageAt\":{\"$date\":\"2026-11-25T18:12:20Z\"},"
          + "\"unreadForStaff\":1,\"staffReadSeq\":6,\"escalationLevel\":1,\"acknowledgedBy\":null,\"paHandoverPending\":true,"
          + "\"assignedAt\":{\"$date\":\"2026-11-25T18:00:01Z\"},\"escalatedAt\":{\"$date\":\"2026-11-25T18:12:00Z\"},\"escalatedTo\":[\"ali\",\"priya\"],"
          + "\"autoRepliedEpisode\":0,\"lastNote\":\"note text\",\"lastNoteBy\":\"ali\",\"paHandoverAt\":{\"$date\":\"2026-11-25T18:12:20Z\"},"
          + "\"team\":\"north\",\"lastCareLeaverMessageAt\":{\"$date\":\"2026-11-25T18:02:00Z\"},\"lastStaffMessageAt\":{\"$date\":\"2026-11-25T18:01:30Z\"},"
          + "\"episodeStartedAt\":{\"$date\":\"2026-11-25T18:00:00Z\"},\"firstResponseAt\":{\"$date\":\"2026-11-25T18:01:30Z\"},"
          + "\"careLeaverReadSeq\":5,\"responses\":1,\"totalResponseMillis\":90000,\"maxResponseMillis\":90000}";

  private static Conversation folded() {
    Conversation c = new Conversation("cl-1", "Jay", "sam", "north");
    c.apply(message(1, MessageKind.TEXT, "cl-1", Role.CARE_LEAVER, 0, null));
    c.apply(message(2, MessageKind.SYSTEM, "harbour", null, 1, new ConversationEvent.Assigned("ali", "on_call")));
    c.apply(message(3, MessageKind.TEXT, "ali", Role.ADVISER, 90, null));
    c.apply(message(4, MessageKind.NOTE, "ali", Role.ADVISER, 95, null));
    c.apply(message(5, MessageKind.TEXT, "cl-1", Role.CARE_LEAVER, 120, null));
    c.apply(message(6, MessageKind.ALERT, "harbour", null, 720, new ConversationEvent.Escalated(1, List.of("backup"), List.of("ali", "priya"), 10L)));
    c.apply(message(7, MessageKind.SYSTEM, "ali", Role.ADVISER, 730, new ConversationEvent.PriorityChanged("urgent", "ali")));
    c.apply(message(8, MessageKind.ALERT, "harbour", null, 740, new ConversationEvent.PaHandover("sam", null, null, null, null, null, null, null)));
    c.markReadByStaff(6);
    return c;
  }

  private static Message message(long seq, MessageKind kind, String sender, Role role, long second, ConversationEvent event) {
    String text = kind == MessageKind.NOTE ? "note text" : "x";
    return new Message("cl-1", seq, 1, kind, text, sender, role, "Name", null, T.plusSeconds(second), null, event);
  }

  @Test
  @DisplayName("a snapshot the previous version stored reads back as the state the same messages fold to, and is written again field for field")
  void readsWhatThePreviousVersionWrote() {
    JsonObject before = new JsonObject(WRITTEN_BEFORE);
    ConversationState state = folded().state();
    assertEquals("x", state.preview());
    // The previous version kept no preview and no seq of the young person's newest message: read
    // back, it has neither until the next message.
    assertEquals(asBefore(state), MongoConversationRepository.fromDocument(before.copy().put("_id", "cl-1")));
    // Written again, it is the same document plus the safeguarding fields (issue 13), at their
    // defaults, the preview, that seq, when "I've got this" was said (none here) and whether the
    // handover item is the managers' too (it was never before), and who was alerted this episode
    // (read back as those the wait's alerts went to, all there is in this episode).
    JsonObject withRisk = before.copy().putNull("acknowledgedAt").put("paHandoverToManagers", false)
        .put("riskCategories", new io.vertx.core.json.JsonArray()).putNull("riskSeverity").putNull("riskSince").putNull("riskFlaggedBy")
        .put("safetyRepliedEpisode", 0).put("preview", "x").put("lastCareLeaverSeq", 5L)
        .put("alertedThisEpisode", before.getJsonArray("escalatedTo").copy()).put("heldForNextEpisode", false);
    assertEquals(withRisk, MongoConversationRepository.toDocument(state));
  }

  private static ConversationState asBefore(ConversationState s) {
    return new ConversationState(
        s.id(), s.careLeaverName(), s.paUsername(), s.team(), s.status(), s.priority(), s.assignedTo(), s.episode(), s.lastSeq(), s.waitingSince(),
        s.lastMessageAt(), s.lastCareLeaverMessageAt(), s.lastStaffMessageAt(), s.episodeStartedAt(), s.firstResponseAt(), s.unreadForStaff(),
        s.staffReadSeq(), s.careLeaverReadSeq(), 0, s.responses(), s.totalResponseMillis(), s.maxResponseMillis(), s.routing(), s.risk(), null);
  }

  @Test
  @DisplayName("a restored conversation carries on folding exactly like one that never stopped")
  void restoreThenFold() {
    Conversation live = folded();
    Conversation restored = Conversation.restore(MongoConversationRepository.fromDocument(MongoConversationRepository.toDocument(live.state()).put("_id", "cl-1")));
    Message reply = message(9, MessageKind.TEXT, "ali", Role.ADVISER, 800, null);
    live.apply(reply);
    restored.apply(reply);
    assertEquals(live.state(), restored.state());
    assertEquals(ConversationStatus.ACTIVE, restored.status());
    assertEquals(0, restored.escalationLevel(), "a reply starts the ladder again");
  }

  @Test
  @DisplayName("who said \"I've got this\", and when, survive a restart, so an acknowledgement that runs out still does")
  void acknowledgementSurvives() {
    Conversation live = folded();
    live.apply(message(9, MessageKind.ALERT, "jo", Role.MANAGER, 800, new ConversationEvent.Acknowledged("jo")));
    ConversationState read = MongoConversationRepository.fromDocument(MongoConversationRepository.toDocument(live.state()).put("_id", "cl-1"));
    assertEquals(live.state(), read);
    assertEquals(T.plusSeconds(800), read.routing().acknowledgedAt());
  }

  @Test
  @DisplayName("a snapshot from before routing was stored reads with the defaults")
  void olderSnapshotsGetDefaults() {
    ConversationState state = MongoConversationRepository.fromDocument(new JsonObject().put("_id", "cl-2").put("lastSeq", 3));
    assertEquals(ConversationStatus.RESOLVED, state.status());
    assertEquals("normal", state.priority());
    assertEquals(3, state.lastSeq());
    assertEquals(List.of(), state.routing().escalatedTo());
    assertEquals(false, state.routing().paHandoverPending());
  }
}
