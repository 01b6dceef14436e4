// The conversation as last seen on this phone, for the offline page (offline.js): the newest
// messages as plain words, kept in localStorage under harbour.seen.<user id>. Like the outbox it is
// wiped by quick exit and at sign-out (quick-exit.js).
const KEEP = 50;
const SAVE_AFTER_MS = 500;

export class LastSeen {
  constructor(userId) {
    this.key = `harbour.seen.${userId}`;
    this.bySeq = new Map();
    this.timer = null;
    // A save still waiting when the page goes (a reload, the phone losing signal mid-load) is made
    // now: otherwise the offline page would show the conversation as it was half a second earlier.
    addEventListener("pagehide", () => this.flush());
  }

  flush() {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
      this.save();
    }
  }

  /** A stored message the young person can see, as the offline page will show it. */
  record(message, viewerRole = "care_leaver") {
    const role = message.sender ? message.sender.role : "system";
    const card = message.kind === "card" && message.card ? message.card : null;
    this.bySeq.set(message.seq, {
      seq: message.seq,
      mine: role === viewerRole,
      from: message.kind === "system" || !message.sender ? "Harbour" : message.sender.displayName,
      text: card ? card.text || card.title || "" : message.text || "",
      card: Boolean(card),
      at: message.createdAt,
    });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, SAVE_AFTER_MS);
  }

  save() {
    if (document.documentElement.dataset.wiped) return; // quick exit or sign-out has just wiped it
    const newest = [...this.bySeq.values()].sort((a, b) => a.seq - b.seq).slice(-KEEP);
    try {
      localStorage.setItem(this.key, JSON.stringify({ savedAt: new Date().toISOString(), messages: newest }));
    } catch (e) {
      // Storage full or refused: the offline page then shows only the crisis numbers.
    }
  }
}
