package uk.harbour.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import uk.harbour.chat.Message;
import uk.harbour.chat.MessageKind;
import uk.harbour.identity.CareLeaver;
import uk.harbour.identity.Invite;
import uk.harbour.identity.Role;
import uk.harbour.identity.StaffAccount;

/** Records the store contract writes, with instants at millisecond precision as BSON dates keep them. */
final class StoreRecords {

  static final Instant AT = Instant.parse("2026-11-25T20:00:00.123Z");

  private StoreRecords() {}

  static StaffAccount staff(String username, boolean active) {
    return new StaffAccount(username, "Sam Patel", Role.ADVISER, "north", active, "$argon2id$hash-" + username, Optional.empty(), AT, AT);
  }

  static CareLeaver careLeaver(String id, Optional<String> loginName) {
    return new CareLeaver(id, "Jay", LocalDate.parse("2006-05-01"), "sam", "north", true, loginName, loginName.map(n -> "secret-" + n), AT, AT);
  }

  static Invite invite(String tokenHash, String careLeaverId) {
    return new Invite(tokenHash, careLeaverId, "code-" + tokenHash, "sam", AT, AT.plusSeconds(7 * 86_400), false);
  }

  static Message message(String conversationId, long seq, String clientId) {
    return new Message(conversationId, seq, 1, MessageKind.TEXT, "hello " + clientId, conversationId, Role.CARE_LEAVER, "Young", clientId, AT, null, null);
  }
}
