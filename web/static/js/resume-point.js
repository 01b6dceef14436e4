/**
 * Where to resume a conversation after reconnecting. The server streams a resume's pages oldest
 * first, and a message stored meanwhile comes live, possibly ahead of them. Resuming from the newest
 * seq on screen would then skip the pages a dropped connection still owed, until the next reload:
 * so, until the last page has come, resume from the newest seq the pages reached.
 */
export class ResumePoint {
  constructor(list) {
    this.list = list;
    this.after = 0;
    this.reached = 0;
    this.complete = true;
  }

  /** The afterSeq of a resume sent now: 0 for a conversation just opened, else where reading got to. */
  next({ opening = false } = {}) {
    const from = opening ? 0 : this.complete ? this.list.highestSeq() : this.reached;
    this.after = from;
    this.reached = from;
    this.complete = false;
    return from;
  }

  /** A history frame. One of "Show earlier" holds only messages older than the resume started from. */
  page(frame) {
    const messages = frame.messages;
    if (messages.length && messages[0].seq <= this.after) return;
    if (messages.length) this.reached = Math.max(this.reached, messages[messages.length - 1].seq);
    if (frame.complete) this.complete = true;
  }
}
