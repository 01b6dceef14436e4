// Messages typed but not yet acknowledged, kept in localStorage so a dropped network or a reload
// loses nothing. Entries leave only when the server acks them, or refuses them for good.

/** A send unanswered this long on an open socket is sent again (the server de-duplicates it). */
export const ACK_WAIT_MS = 10000;

/** Refusals that say "not now" rather than "never": only these stay in the outbox to be tried again. */
const RETRYABLE = new Set(["rate_limited", "internal_error"]);

export class Outbox {
  constructor(userId) {
    this.key = `harbour.outbox.${userId}`;
    this.seqKey = `harbour.lastSeq.${userId}`;
    this.sentAt = new Map();
  }

  static newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "id-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  entries() {
    try {
      return JSON.parse(localStorage.getItem(this.key) || "[]");
    } catch (e) {
      return [];
    }
  }

  save(entries) {
    localStorage.setItem(this.key, JSON.stringify(entries));
  }

  add(entry) {
    const entries = this.entries();
    entries.push(entry);
    this.save(entries);
    return entry;
  }

  acked(clientId) {
    this.save(this.entries().filter((e) => e.clientId !== clientId));
  }

  lastSeq(conversationId) {
    const all = JSON.parse(localStorage.getItem(this.seqKey) || "{}");
    return all[conversationId] || 0;
  }

  seen(conversationId, seq) {
    const all = JSON.parse(localStorage.getItem(this.seqKey) || "{}");
    if (!all[conversationId] || seq > all[conversationId]) {
      all[conversationId] = seq;
      localStorage.setItem(this.seqKey, JSON.stringify(all));
    }
  }

  /** Sends every waiting entry, in order, with its original client id. */
  flush(connection) {
    this.entries().forEach((e) => this.send(connection, e));
  }

  /** Sends one entry now, if the socket is open, and notes when. */
  send(connection, entry) {
    const frame = { type: "send", clientId: entry.clientId, text: entry.text };
    if (entry.conversationId) frame.conversationId = entry.conversationId;
    if (entry.kind && entry.kind !== "text") frame.kind = entry.kind;
    if (connection.send(frame)) this.sentAt.set(entry.clientId, Date.now());
  }

  /**
   * An error frame naming one of ours: a refusal for good (the text, or the conversation, can never
   * be sent) takes it out, as resending it would only be refused again. True when it was ours.
   */
  refusedForGood(clientId, code) {
    if (RETRYABLE.has(code) || !this.entries().some((e) => e.clientId === clientId)) return false;
    this.acked(clientId);
    return true;
  }

  /**
   * Resends, on the same socket, what has waited ACK_WAIT_MS for its ack: an ack lost on the
   * way, or work the server dropped, would otherwise leave a message "sending" until the next
   * reconnect. Same client id, so a message that was stored is only acked again.
   */
  watch(connection) {
    setInterval(() => {
      const now = Date.now();
      this.entries().forEach((e) => {
        const at = this.sentAt.get(e.clientId);
        if (at !== undefined && now - at >= ACK_WAIT_MS) this.send(connection, e);
      });
    }, ACK_WAIT_MS / 4);
  }
}
