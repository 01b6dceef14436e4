package uk.harbour.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

@DisplayName("Queue summaries to staff consoles in a busy moment")
class StaffSummariesTest extends WednesdayEveningTestBase {

  private static final int PEOPLE = 4;
  private static final int EACH = 12;

  private static boolean isSummary(JsonObject frame) {
    return "conversation".equals(frame.getString("type"));
  }

  @Test
  @DisplayName("A burst reaches every console as each conversation's latest summary, in fewer frames than messages, previews only to those who may read")
  void burstArrivesAsLatestSummaries() {
    startAt("18:00");
    List<YoungPerson> people = new ArrayList<>();
    for (int p = 0; p < PEOPLE; p++) {
      people.add(youngPerson("Young" + (char) ('A' + p)));
    }
    List<TestSocket> young = new ArrayList<>();
    try (TestSocket sam = staffSocket("sam"); TestSocket ali = staffSocket("ali"); TestSocket priya = staffSocket("priya")) {
      people.forEach(person -> young.add(careLeaverSocket(person)));
      // Everyone at once, not waiting for acknowledgements: the console hears every change in the same moment.
      for (int i = 1; i <= EACH; i++) {
        for (TestSocket socket : young) {
          socket.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", "message " + i));
        }
      }
      young.forEach(socket -> {
        for (int i = 0; i < EACH; i++) {
          socket.next("ack");
        }
      });

      int notPriyas = 0;
      boolean batched = false;
      for (YoungPerson person : people) {
        JsonObject latest = sam.next(summaryOf(person.id(), c -> ("message " + EACH).equals(c.getString("preview"))));
        batched |= latest.getBoolean("batched", false);
        JsonObject forSam = latest.getJsonObject("conversation");
        assertTrue(forSam.getLong("lastSeq") >= EACH, "the summary is the latest");
        // Routing shares these conversations between Ali and Priya (on call); each may read only her own, even within a batch.
        JsonObject forPriya = priya.next(summaryOf(person.id(), c -> c.getLong("lastSeq").equals(forSam.getLong("lastSeq")))).getJsonObject("conversation");
        assertEquals(forSam.getString("assignedTo"), forPriya.getString("assignedTo"), "the rest of the summary reaches her queue");
        // Still unassigned under load: any adviser may read a waiting, unassigned conversation (the on-call queue).
        if ("priya".equals(forPriya.getString("assignedTo")) || forPriya.getString("assignedTo") == null) {
          assertEquals(forSam.getString("preview"), forPriya.getString("preview"));
        } else {
          notPriyas++;
          assertTrue(forPriya.containsKey("preview"));
          assertNull(forPriya.getValue("preview"), "Priya may not read " + person.id() + ", assigned to " + forPriya.getString("assignedTo"));
        }
      }
      assertTrue(notPriyas > 0, "some conversations are not Priya's");
      sam.arrivesWithin(f -> false, 2 * StaffSummaries.WINDOW_MS);
      List<JsonObject> rest = sam.drain();
      assertTrue(batched || rest.stream().anyMatch(f -> f.getBoolean("batched", false)), "some summaries came together in one frame");
      long frames = rest.stream().filter(StaffSummariesTest::isSummary).count() + PEOPLE;
      assertTrue(frames <= PEOPLE * EACH / 2, "each conversation's changes in a moment arrive as one summary: " + frames + " frames for " + PEOPLE * EACH + " messages");
    } finally {
      young.forEach(TestSocket::close);
    }
  }

  @Test
  @DisplayName("After a quiet spell a summary goes at once, not at the end of a window")
  void quietSummaryIsImmediate() {
    startAt("18:00");
    YoungPerson jay = youngPerson("Jay");
    try (TestSocket sam = staffSocket("sam"); TestSocket young = careLeaverSocket(jay)) {
      say(young, "first");
      sam.next(summaryOf(jay.id(), c -> "first".equals(c.getString("preview"))));
      sam.arrivesWithin(f -> false, 2 * StaffSummaries.WINDOW_MS);
      sam.drain();
      young.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", "second"));
      // The ack and the summary leave in the same moment: the summary is published as the message is stored.
      young.next("ack");
      assertTrue(sam.arrivesWithin(summaryOf(jay.id(), c -> "second".equals(c.getString("preview"))), StaffSummaries.WINDOW_MS / 2),
          "a summary after a quiet spell is not held for the window");
    }
  }
}
