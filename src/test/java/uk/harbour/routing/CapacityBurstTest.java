package uk.harbour.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import uk.harbour.chat.Conversation;
import uk.harbour.testing.TestSocket;
import uk.harbour.testing.WednesdayEveningTestBase;

/**
 * Before, an assignment counted in an adviser's load only once stored, a commit later: eight young
 * people writing at once all saw the same loads, and Priya (room for 3) got seven of them while Ali
 * got one and nobody was queued.
 */
@DisplayName("A burst of new conversations never gives an adviser more than their capacity")
class CapacityBurstTest extends WednesdayEveningTestBase {

  @Test
  @DisplayName("Eight young people writing at once to two advisers with room for 2 and 3: 2, 3 and 3 in the queue")
  void burstRespectsCapacity() {
    startAt("18:00");
    List<YoungPerson> people = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      people.add(youngPerson("Young" + (char) ('a' + i)));
    }
    List<TestSocket> sockets = new ArrayList<>();
    // Ali has room for 2 (the rota's figure for him), Priya for 3 (the default).
    try (TestSocket ali = staffSocket("ali"); TestSocket priya = staffSocket("priya")) {
      for (YoungPerson person : people) {
        sockets.add(careLeaverSocket(person));
      }
      for (TestSocket socket : sockets) {
        socket.send(new JsonObject().put("type", "send").put("clientId", UUID.randomUUID().toString()).put("text", "hello, is anyone there?"));
      }
      for (TestSocket socket : sockets) {
        socket.next("ack");
      }
      for (YoungPerson person : people) {
        eventually(person.id(), c -> c.assignedTo() != null || c.autoRepliedThisEpisode());
      }
      Map<String, Long> byAdviser = people.stream().map(p -> conversation(p.id())).filter(c -> c.assignedTo() != null)
          .collect(Collectors.groupingBy(Conversation::assignedTo, Collectors.counting()));
      assertTrue(byAdviser.getOrDefault("ali", 0L) <= 2, "ali: " + byAdviser);
      assertTrue(byAdviser.getOrDefault("priya", 0L) <= 3, "priya: " + byAdviser);
      assertEquals(5, byAdviser.values().stream().mapToLong(Long::longValue).sum(), "every place is used: " + byAdviser);
    } finally {
      sockets.forEach(TestSocket::close);
    }
  }
}
