// Messages typed but not yet acknowledged, kept in localStorage so a dropped network or a reload
// loses nothing. Entries leave only when the server acks them, or refuses them for good.
//
// They go in order, one conversation's at a time: its oldest waiting entry is sent, and the next only
// once that one is acked (or refused for good). The server stores a conversation's messages in the
// order they arrive, so a later message can never be stored before an earlier one, as it could if
// both were on their way and the earlier one were refused for the allowance. Past the allowance
// (`rate_limited`) nothing is sent until one timer, set for the `retryAfterMs` the server gave, sends
// the oldest again: never a timer, or a resend of everything, per refusal.

/** A send unanswered this long on an open socket is sent again (the server de-duplicates it). */
export const ACK_WAIT_MS = 10000;

/** Refusals that say "not now" rather than "never": only these stay in the outbox to be tried again. */
const RETRYABLE = new Set(["rate_limited", "internal_error"]);

/** How long to wait past the allowance when the server did not say. */
const RETRY_DEFAULT_MS = 2000;

export class Outbox {
  constructor(userId) {
    this.key = `harbour.outbox.${userId}`;
    this.seqKey = `harbour.lastSeq.${userId}`;
    // Entries on their way on the open socket: client id → when sent.
    this.sentAt = new Map();
    // Set while the account's allowance is used up: the one timer that sends again.
    this.retryTimer = null;
    // The entries, once the browser refuses to store them (storage full, or blocked as in some
    // private modes): Send still works, though a reload then loses what is unsent.
    this.memory = null;
  }

  static newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "id-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  entries() {
    if (this.memory) return [...this.memory];
    try {
      return JSON.parse(localStorage.getItem(this.key) || "[]");
    } catch (e) {
      return [];
    }
  }

  save(entries) {
    if (!this.memory) {
      try {
        localStorage.setItem(this.key, JSON.stringify(entries));
        return;
      } catch (e) {
        // Refused: kept in this page from now on (see the constructor).
      }
    }
    this.memory = entries;
  }

  add(entry) {
    const entries = this.entries();
    entries.push(entry);
    this.save(entries);
    return entry;
  }

  acked(clientId) {
    this.sentAt.delete(clientId);
    this.save(this.entries().filter((e) => e.clientId !== clientId));
  }

  lastSeq(conversationId) {
    try {
      const all = JSON.parse(localStorage.getItem(this.seqKey) || "{}");
      return all[conversationId] || 0;
    } catch (e) {
      return 0;
    }
  }

  seen(conversationId, seq) {
    try {
      const all = JSON.parse(localStorage.getItem(this.seqKey) || "{}");
      if (!all[conversationId] || seq > all[conversationId]) {
        all[conversationId] = seq;
        localStorage.setItem(this.seqKey, JSON.stringify(all));
      }
    } catch (e) {
      // Only a resume point: without it the next resume starts further back, which loses nothing.
    }
  }

  /** On a new socket: what went out on the last one may be lost, so each conversation's oldest goes again. */
  flush(connection) {
    this.sentAt.clear();
    this.next(connection);
  }

  /**
   * Sends each conversation's oldest waiting entry that is not already on its way, unless the
   * allowance is used up; call it after adding an entry and after every ack or refusal.
   */
  next(connection) {
    if (this.retryTimer !== null) return;
    const conversations = new Set();
    this.entries().forEach((e) => {
      const conversation = e.conversationId || "";
      if (conversations.has(conversation)) return;
      conversations.add(conversation);
      if (!this.sentAt.has(e.clientId)) this.send(connection, e);
    });
  }

  /** Sends one entry now, if the socket is open, and notes when. */
  send(connection, entry) {
    const frame = { type: "send", clientId: entry.clientId, text: entry.text };
    if (entry.conversationId) frame.conversationId = entry.conversationId;
    if (entry.kind && entry.kind !== "text") frame.kind = entry.kind;
    if (connection.send(frame)) this.sentAt.set(entry.clientId, Date.now());
  }

  /**
   * An error frame naming {@code clientId}: true when it refuses that send for good (the text, or
   * the conversation, can never be sent), so its bubble says "Not sent". It leaves the outbox, as
   * resending it would only be refused again, unless another tab sharing the outbox took it out
   * already; then the next waiting entry goes.
   */
  refused(connection, clientId, code) {
    if (RETRYABLE.has(code)) return false;
    if (this.entries().some((e) => e.clientId === clientId)) {
      this.acked(clientId);
      this.next(connection);
    }
    return true;
  }

  /**
   * `rate_limited` for one of ours: it was not stored. Nothing more is sent until the one retry
   * timer, after `retryAfterMs`, sends each conversation's oldest again. True when it was ours.
   */
  throttled(connection, clientId, retryAfterMs) {
    if (!this.sentAt.delete(clientId)) return false;
    if (this.retryTimer === null) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.next(connection);
      }, retryAfterMs || RETRY_DEFAULT_MS);
    }
    return true;
  }

  /**
   * Resends, on the same socket, what has waited ACK_WAIT_MS for its ack: an ack lost on the
   * way, or work the server dropped, would otherwise leave a message "sending" until the next
   * reconnect. Same client id, so a message that was stored is only acked again. Also sends what
   * is now first in line because another tab had its ack.
   */
  watch(connection) {
    setInterval(() => {
      const now = Date.now();
      this.entries().forEach((e) => {
        const at = this.sentAt.get(e.clientId);
        if (at !== undefined && now - at >= ACK_WAIT_MS) this.send(connection, e);
      });
      this.next(connection);
    }, ACK_WAIT_MS / 4);
  }
}
