// What the console does to be noticed away from its page: a sound when a young person starts
// waiting for this adviser, a count in the tab title, browser notifications, and an alert sound
// that repeats until the alert is dealt with. Never a name or message text: only counts and
// generic words leave the page.

export const TITLE = "Console – Harbour";
// An alert sounds again this often until someone acknowledges, replies or resolves. Browser tests
// set window.HARBOUR_ALERT_REPEAT_MS to hear a repeat within seconds; only the timing changes.
const ALERT_REPEAT_MS = Number(window.HARBOUR_ALERT_REPEAT_MS) > 0 ? Number(window.HARBOUR_ALERT_REPEAT_MS) : 30000;
// Routing gives a new conversation to one adviser within moments: wait that long before sounding,
// so only the adviser who has it (or everyone, if nobody does) is called.
const SETTLE_MS = 1000;

export class Attention {
  /** conversations: the console's map of summaries by id, kept current by the console. */
  constructor({ userId, conversations, chime, notices }) {
    this.userId = userId;
    this.role = "adviser";
    this.conversations = conversations;
    this.chime = chime;
    this.notices = notices;
    this.ringing = new Set();
    this.repeatTimer = null;
    this.settling = new Map();
  }

  setRole(role) {
    this.role = role;
  }

  /**
   * Needs a reply from this person: the young person is waiting for staff (waitingSince is set even
   * when the conversation is assigned and "active"), and nobody else has it; a manager counts all.
   */
  needsReply(c) {
    if (!c || !c.waitingSince || c.status === "resolved") return false;
    return this.role === "manager" || !c.assignedTo || c.assignedTo === this.userId;
  }

  /** An escalation is open until acknowledged, answered (the wait ends) or resolved. */
  static alertOpen(c) {
    return Boolean(c && c.status !== "resolved" && c.escalationLevel > 0 && !c.acknowledgedBy && c.waitingSince);
  }

  /** A young person started waiting for this person, or wrote again while waiting. */
  arrived(previous, c) {
    if (!this.needsReply(c)) return false;
    if (!previous || !this.needsReply(previous)) return true;
    return c.lastSeq > previous.lastSeq && c.unreadForStaff > previous.unreadForStaff;
  }

  /** One conversation changed: previous is the summary held before (undefined when new). */
  conversationChanged(previous, c) {
    if (this.arrived(previous, c)) this.settle(c.id);
    if (this.ringing.has(c.id) && !Attention.alertOpen(c)) this.stopAlert(c.id);
    this.updateTitle();
  }

  /** A whole queue arrived (on connecting and reconnecting); the first one after loading is silent. */
  queueChanged(previous, first) {
    if (!first) {
      for (const c of this.conversations.values()) {
        if (this.arrived(previous.get(c.id), c)) this.settle(c.id);
      }
    }
    for (const id of [...this.ringing]) {
      if (!Attention.alertOpen(this.conversations.get(id))) this.stopAlert(id);
    }
    this.updateTitle();
  }

  settle(id) {
    if (this.settling.has(id)) return;
    this.settling.set(
      id,
      setTimeout(() => {
        this.settling.delete(id);
        if (!this.needsReply(this.conversations.get(id))) return;
        this.chime.play("message");
        if (document.hidden) this.notices.show(id, "waiting");
      }, SETTLE_MS),
    );
  }

  /** An escalation alert for this person ({@code cause}: wait or risk): sound now and again until it is dealt with. */
  alert(id, cause) {
    this.ringing.add(id);
    this.chime.play("alert");
    // Always, not only while the page is hidden: the browser window may be behind another one.
    this.notices.show(id, cause === "risk" ? "risk" : "alert");
    if (!this.repeatTimer) {
      this.repeatTimer = setInterval(() => {
        for (const ringing of [...this.ringing]) {
          const c = this.conversations.get(ringing);
          if (c && !Attention.alertOpen(c)) this.stopAlert(ringing);
        }
        if (this.ringing.size) this.chime.play("alert");
      }, ALERT_REPEAT_MS);
    }
  }

  stopAlert(id) {
    this.ringing.delete(id);
    if (!this.ringing.size && this.repeatTimer) {
      clearInterval(this.repeatTimer);
      this.repeatTimer = null;
    }
  }

  waitingCount() {
    let count = 0;
    for (const c of this.conversations.values()) if (this.needsReply(c)) count++;
    return count;
  }

  updateTitle() {
    const count = this.waitingCount();
    const title = count > 0 ? `(${count}) ${TITLE}` : TITLE;
    if (document.title !== title) document.title = title;
  }
}
