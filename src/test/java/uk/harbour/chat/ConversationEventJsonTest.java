package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import uk.harbour.identity.Role;

@DisplayName("Conversation events and their stored and wire JSON")
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConversationEventJsonTest {

  private static final Instant T = Instant.parse("2026-11-25T18:00:00Z");

  /** Each event as this version makes it, and the JSON earlier versions stored and sent for it, byte for byte. */
  private static final Map<ConversationEvent, String> WRITTEN =
      Map.ofEntries(
          Map.entry(new ConversationEvent.Assigned("sam", "own_pa"), "{\"type\":\"assigned\",\"to\":\"sam\",\"reason\":\"own_pa\"}"),
          Map.entry(ConversationEvent.Transferred.byStaff("priya", "sam"), "{\"type\":\"transferred\",\"to\":\"priya\",\"by\":\"sam\"}"),
          Map.entry(
              ConversationEvent.Transferred.handedOver("priya", "ali", "shift_end"),
              "{\"type\":\"transferred\",\"to\":\"priya\",\"from\":\"ali\",\"reason\":\"shift_end\"}"),
          Map.entry(new ConversationEvent.Unassigned("ali", "offline"), "{\"type\":\"unassigned\",\"from\":\"ali\",\"reason\":\"offline\"}"),
          Map.entry(new ConversationEvent.Resolved("sam"), "{\"type\":\"resolved\",\"by\":\"sam\"}"),
          Map.entry(new ConversationEvent.PriorityChanged("urgent", "sam"), "{\"type\":\"priority\",\"priority\":\"urgent\",\"by\":\"sam\"}"),
          Map.entry(
              new ConversationEvent.Escalated(2, List.of("backup", "duty_manager"), List.of("ali", "jo"), 12L),
              "{\"type\":\"escalated\",\"level\":2,\"rungs\":[\"backup\",\"duty_manager\"],\"to\":[\"ali\",\"jo\"],\"waitedMinutes\":12}"),
          Map.entry(new ConversationEvent.Acknowledged("jo"), "{\"type\":\"acknowledged\",\"by\":\"jo\"}"),
          Map.entry(
              new ConversationEvent.AlertPassedOn(7L, List.of("ali", "sam"), List.of("priya")),
              "{\"type\":\"alert_passed_on\",\"alertSeq\":7,\"from\":[\"ali\",\"sam\"],\"to\":[\"priya\"]}"),
          Map.entry(
              new ConversationEvent.PaHandover("sam", T, T.plusSeconds(54_000), 3L, List.of("Propel"), "normal", 1, null),
              "{\"type\":\"pa_handover\",\"to\":\"sam\",\"from\":\"2026-11-25T18:00:00Z\",\"until\":\"2026-11-26T09:00:00Z\","
                  + "\"messagesFromCareLeaver\":3,\"cards\":[\"Propel\"],\"priority\":\"normal\",\"escalationLevel\":1}"),
          Map.entry(
              new ConversationEvent.PaHandover("sam", T, T.plusSeconds(54_000), 0L, List.of(), "normal", 0, true),
              "{\"type\":\"pa_handover\",\"to\":\"sam\",\"from\":\"2026-11-25T18:00:00Z\",\"until\":\"2026-11-26T09:00:00Z\","
                  + "\"messagesFromCareLeaver\":0,\"cards\":[],\"priority\":\"normal\",\"escalationLevel\":0,\"toManagers\":true}"),
          Map.entry(
              new ConversationEvent.PaHandover("sam", T, T.plusSeconds(54_000), 0L, List.of(), "normal", 0, true, List.of("jo")),
              "{\"type\":\"pa_handover\",\"to\":\"sam\",\"from\":\"2026-11-25T18:00:00Z\",\"until\":\"2026-11-26T09:00:00Z\","
                  + "\"messagesFromCareLeaver\":0,\"cards\":[],\"priority\":\"normal\",\"escalationLevel\":0,\"toManagers\":true,\"readers\":[\"jo\"]}"),
          Map.entry(new ConversationEvent.HandoverDone("sam"), "{\"type\":\"handover_done\",\"by\":\"sam\"}"),
          Map.entry(
              new ConversationEvent.AutoReply("nobody_on_shift", T), "{\"type\":\"auto_reply\",\"reason\":\"nobody_on_shift\",\"nextStaffedAt\":\"2026-11-25T18:00:00Z\"}"),
          Map.entry(new ConversationEvent.AutoReply("everyone_busy", null), "{\"type\":\"auto_reply\",\"reason\":\"everyone_busy\",\"nextStaffedAt\":null}"));

  @Test
  @DisplayName("every event encodes to the JSON earlier versions wrote, and that JSON reads back as the same event")
  void sameBytesBothWays() {
    WRITTEN.forEach(
        (event, json) -> {
          assertEquals(json, ConversationEventJson.toJson(event).encode(), event.type());
          ConversationEvent read = ConversationEventJson.fromJson(new JsonObject(json));
          assertEquals(event, read, json);
          assertEquals(json, ConversationEventJson.toJson(read).encode(), "read back and written again");
        });
  }

  @Test
  @DisplayName("an event from a newer version is kept as it was, sent on unchanged, and changes nothing in the fold")
  void unknownEventsAreKeptAndIgnored() {
    String json = "{\"type\":\"safeguarding_flag\",\"level\":\"high\",\"by\":\"jo\",\"extra\":{\"a\":[1,2]}}";
    ConversationEvent event = ConversationEventJson.fromJson(new JsonObject(json));
    assertInstanceOf(ConversationEvent.Unknown.class, event);
    assertEquals("safeguarding_flag", event.type());
    assertEquals(json, ConversationEventJson.toJson(event).encode());

    Conversation conv = new Conversation("c1", "Jay", "sam", "team");
    conv.apply(message(1, MessageKind.TEXT, Role.CARE_LEAVER, null));
    conv.apply(message(2, MessageKind.ALERT, null, event));
    assertEquals(ConversationStatus.WAITING, conv.status());
    assertNull(conv.assignedTo());
    assertEquals(0, conv.escalationLevel());
    assertEquals(2, conv.lastSeq());
  }

  @Test
  @DisplayName("events stored without some fields fold as before: an escalation without a level climbs one rung, a priority without a value keeps the old one")
  void olderShapesFoldAsBefore() {
    Conversation conv = new Conversation("c1", "Jay", "sam", "team");
    conv.apply(message(1, MessageKind.TEXT, Role.CARE_LEAVER, null));
    conv.apply(message(2, MessageKind.ALERT, null, ConversationEventJson.fromJson(new JsonObject("{\"type\":\"escalated\"}"))));
    conv.apply(message(3, MessageKind.ALERT, null, ConversationEventJson.fromJson(new JsonObject("{\"type\":\"escalated\"}"))));
    conv.apply(message(4, MessageKind.SYSTEM, null, ConversationEventJson.fromJson(new JsonObject("{\"type\":\"priority\"}"))));
    assertEquals(2, conv.escalationLevel());
    assertEquals("normal", conv.priority());
    assertEquals("{\"type\":\"escalated\"}", ConversationEventJson.toJson(ConversationEventJson.fromJson(new JsonObject("{\"type\":\"escalated\"}"))).encode());
  }

  private static Message message(long seq, MessageKind kind, Role role, ConversationEvent event) {
    return new Message("c1", seq, 1, kind, "x", role == null ? "harbour" : "c1", role, "Name", null, T.plusSeconds(seq), null, event);
  }
}
