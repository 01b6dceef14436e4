package uk.harbour.chat;

/**
 * The read part of a conversation's fold: how far staff and the young person have read, the young
 * person's newest message, and how many messages staff have not read. Stored flat in
 * {@link ConversationState}.
 */
final class ReadMarks {

  long unreadForStaff;
  long staffReadSeq;
  long careLeaverReadSeq;
  long lastCareLeaverSeq;

  /** The young person wrote message {@code seq}: they have read everything before it, staff have one more to read. */
  void careLeaverWrote(long seq) {
    careLeaverReadSeq = seq;
    lastCareLeaverSeq = seq;
    unreadForStaff++;
  }

  /** Staff replied with message {@code seq}: whoever replied has read everything before it. */
  void staffReplied(long seq) {
    staffReadSeq = seq;
    unreadForStaff = 0;
  }

  /** A resolved conversation leaves nothing for staff to read. */
  void resolved() {
    unreadForStaff = 0;
  }

  void readByStaff(long seq, long lastSeq) {
    if (seq > staffReadSeq) {
      staffReadSeq = Math.min(seq, lastSeq);
      if (staffReadSeq >= lastSeq) {
        unreadForStaff = 0;
      }
    }
  }

  void readByCareLeaver(long seq, long lastSeq) {
    careLeaverReadSeq = Math.max(careLeaverReadSeq, Math.min(seq, lastSeq));
  }

  /** Whether the young person's newest message is one no member of staff has seen yet (read or replied to). */
  boolean unseenByStaff() {
    return lastCareLeaverSeq > staffReadSeq;
  }

  void restore(ConversationState s) {
    unreadForStaff = s.unreadForStaff();
    staffReadSeq = s.staffReadSeq();
    careLeaverReadSeq = s.careLeaverReadSeq();
    lastCareLeaverSeq = s.lastCareLeaverSeq();
  }
}
