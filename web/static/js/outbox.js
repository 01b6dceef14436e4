// Messages typed but not yet acknowledged, kept in localStorage so a dropped network or a reload
// loses nothing. Entries leave only when the server acks them.
export class Outbox {
  constructor(userId) {
    this.key = `harbour.outbox.${userId}`;
    this.seqKey = `harbour.lastSeq.${userId}`;
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
    this.entries().forEach((e) => {
      const frame = { type: "send", clientId: e.clientId, text: e.text };
      if (e.conversationId) frame.conversationId = e.conversationId;
      if (e.kind && e.kind !== "text") frame.kind = e.kind;
      connection.send(frame);
    });
  }
}
