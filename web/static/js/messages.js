// Renders messages into a role="log" list. Words always go in as text, never as markup; only a
// card's HTML, which the server rendered and escaped from our own template, is inserted as HTML.
export class MessageList {
  constructor(element, viewerRole) {
    this.element = element;
    this.viewerRole = viewerRole;
    this.bySeq = new Map();
    this.pending = new Map();
  }

  mine(message) {
    const role = message.sender ? message.sender.role : "system";
    return this.viewerRole === "care_leaver" ? role === "care_leaver" : role !== "care_leaver" && role !== "system";
  }

  clear() {
    this.element.textContent = "";
    this.bySeq.clear();
    this.pending.clear();
  }

  item(kind, clientId) {
    const li = document.createElement("li");
    li.className = "message";
    li.dataset.kind = kind;
    if (clientId) li.dataset.clientId = clientId;
    return li;
  }

  /** A message still in the outbox. */
  showPending(entry) {
    if (this.pending.has(entry.clientId)) return;
    const li = this.item(entry.kind || "text", entry.clientId);
    li.classList.add("mine");
    if (entry.kind === "note") li.classList.add("note");
    const text = document.createElement("p");
    text.className = "message-text";
    text.textContent = entry.text;
    const state = document.createElement("span");
    state.className = "message-state";
    state.textContent = "Sending…";
    li.append(text, state);
    this.element.append(li);
    this.pending.set(entry.clientId, li);
    this.scroll();
  }

  /** A stored message, placed in seq order; replaces its pending copy. */
  show(message) {
    if (this.bySeq.has(message.seq)) return;
    let li = message.clientId ? this.pending.get(message.clientId) : null;
    if (li) {
      this.pending.delete(message.clientId);
      li.textContent = "";
    } else {
      li = this.item(message.kind, message.clientId);
    }
    li.dataset.seq = message.seq;
    li.dataset.kind = message.kind;
    if (this.mine(message)) li.classList.add("mine");
    if (message.kind === "note" || message.kind === "alert") li.classList.add("note");
    if (message.kind === "system" || message.kind === "auto_reply") li.classList.add("system");

    const who = document.createElement("p");
    who.className = "message-sender";
    who.textContent =
      message.kind === "note"
        ? "Private note – not shown to the young person"
        : message.kind === "alert"
          ? "Staff alert – not shown to the young person"
          : (message.sender && message.sender.displayName) || "Harbour";
    li.append(who);

    if (message.kind === "card" && message.card && message.card.html) {
      // The card's HTML is our own template's output, rendered and escaped on the server at send time.
      li.classList.add("card-message");
      const template = document.createElement("template");
      template.innerHTML = message.card.html;
      const card = document.createElement("div");
      card.className = "message-card";
      card.append(template.content);
      li.append(card);
      if (this.viewerRole === "care_leaver" && message.card.entryId) {
        const save = document.createElement("button");
        save.type = "button";
        save.className = "secondary save-card-button";
        save.dataset.entryId = message.card.entryId;
        save.textContent = "Save to My saved help";
        li.append(save);
      }
    } else {
      const text = document.createElement("p");
      text.className = "message-text";
      text.textContent = message.text || "";
      li.append(text);
    }

    const meta = document.createElement("p");
    meta.className = "message-meta";
    const time = document.createElement("time");
    time.dateTime = message.createdAt;
    time.textContent = new Date(message.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    meta.append(time);
    if (this.mine(message)) {
      const state = document.createElement("span");
      state.className = "message-state";
      state.textContent = "Sent";
      meta.append(" ", state);
    }
    li.append(meta);
    this.bySeq.set(message.seq, li);
    this.place(li, message.seq);
    this.scroll();
  }

  place(li, seq) {
    const later = [...this.element.children].find((c) => c.dataset.seq && Number(c.dataset.seq) > seq);
    if (later) this.element.insertBefore(li, later);
    else if (!li.isConnected) this.element.append(li);
    else {
      const firstPending = [...this.element.children].find((c) => !c.dataset.seq);
      if (firstPending && firstPending !== li && li.compareDocumentPosition(firstPending) & Node.DOCUMENT_POSITION_PRECEDING) {
        this.element.insertBefore(li, firstPending);
      }
    }
  }

  /** Marks my messages up to seq as read by the other side. */
  read(seq) {
    this.bySeq.forEach((li, s) => {
      if (s <= seq && li.classList.contains("mine")) {
        const state = li.querySelector(".message-state");
        if (state) state.textContent = "Read";
      }
    });
  }

  highestSeq() {
    return Math.max(0, ...this.bySeq.keys());
  }

  lowestSeq() {
    return this.bySeq.size ? Math.min(...this.bySeq.keys()) : Infinity;
  }

  scroll() {
    this.element.scrollTop = this.element.scrollHeight;
  }
}
