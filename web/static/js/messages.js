// Renders messages into a list. Words always go in as text, never as markup; only a card's HTML,
// which the server rendered and escaped from our own template, is inserted as HTML.
//
// options.scroller: the element that scrolls (default: the list itself); with one, new replies are
// scrolled into view from their start, keeping the young person's own last message on screen when
// it was (at the top, if the replies are taller than the screen), instead of jumping to the very
// bottom, so a long reply with cards does not push their words away.
// options.collapseCards: cards show a title and one line until "More" opens them.
export class MessageList {
  constructor(element, viewerRole, options = {}) {
    this.element = element;
    this.viewerRole = viewerRole;
    this.scroller = options.scroller || null;
    this.collapseCards = Boolean(options.collapseCards);
    this.bySeq = new Map();
    this.pending = new Map();
    this.batch = null;
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
    state.textContent = entry.kind === "note" ? "Saving…" : "Sending…";
    li.append(text, state);
    this.startBatch();
    this.element.append(li);
    this.pending.set(entry.clientId, li);
    this.scroll(li, { own: true });
  }

  /**
   * A stored message, placed in seq order; replaces its pending copy. live: it arrived just now (a
   * message frame), rather than in a page of history, which always ends scrolled to the newest.
   */
  show(message, { live = false } = {}) {
    if (this.bySeq.has(message.seq)) return;
    this.startBatch();
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
    who.textContent = this.senderLabel(message);
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
      if (this.collapseCards) this.collapse(card, message);
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
      // A note is never sent to anyone: say where it went, and never "Read" (see read()).
      state.textContent = message.kind === "note" ? "Saved, staff only" : "Sent";
      meta.append(" ", state);
    }
    li.append(meta);
    this.bySeq.set(message.seq, li);
    this.place(li, message.seq);
    this.scroll(li, { own: this.mine(message), live });
  }

  /**
   * Who a message is from, as the viewer should read it. A young person sees a notice that a
   * member of staff's action wrote ("You are now talking with Priya") as from Harbour: it is not
   * something Sam said to them.
   */
  senderLabel(message) {
    if (message.kind === "note") return "Private note – not shown to the young person";
    if (message.kind === "alert") return "Staff alert – not shown to the young person";
    if (this.viewerRole === "care_leaver" && message.kind === "system") return "Harbour";
    return (message.sender && message.sender.displayName) || "Harbour";
  }

  /** A card folded to its title and first line, with a "More" button that opens it. */
  collapse(card, message) {
    const article = card.querySelector("article");
    if (!article) return;
    card.classList.add("collapsed");
    card.id = `card-${message.seq}`;
    const title = article.querySelector(".card-title");
    const more = document.createElement("button");
    more.type = "button";
    more.className = "secondary card-more";
    more.setAttribute("aria-expanded", "false");
    more.setAttribute("aria-controls", card.id);
    const label = document.createElement("span");
    label.textContent = "More";
    const about = document.createElement("span");
    about.className = "visually-hidden";
    about.textContent = title ? ` about ${title.textContent}` : "";
    more.append(label, about);
    more.addEventListener("click", () => {
      const open = card.classList.toggle("collapsed") === false;
      more.setAttribute("aria-expanded", String(open));
      label.textContent = open ? "Less" : "More";
    });
    card.after(more);
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

  /** A message of mine the server refused for good: it stays on screen, marked, so its words are not lost. */
  notSent(clientId) {
    const li = this.pending.get(clientId);
    if (!li) return;
    li.classList.add("not-sent");
    const state = li.querySelector(".message-state");
    if (state) state.textContent = "Not sent";
  }

  /** Marks my messages up to seq as read by the other side. */
  read(seq) {
    this.bySeq.forEach((li, s) => {
      if (s <= seq && li.classList.contains("mine") && li.dataset.kind !== "note") {
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

  /** Remembers, before the first of a batch of new items is added, whether the reader was at the bottom. */
  startBatch() {
    if (this.batch || !this.scroller) return;
    const s = this.scroller;
    this.batch = { first: null, own: false, live: false, nearBottom: s.scrollHeight - s.scrollTop - s.clientHeight < 80, mineInView: this.mineInView() };
  }

  /** My newest message, if the reader can see its top now: replies that follow keep it in view. */
  mineInView() {
    const mine = [...this.element.querySelectorAll(":scope > li.mine")].pop();
    if (!mine) return null;
    const top = mine.getBoundingClientRect().top;
    const box = this.scroller.getBoundingClientRect();
    return top >= box.top - 1 && top <= box.bottom ? mine : null;
  }

  scroll(li, { own = false, live = false } = {}) {
    if (!this.scroller) {
      this.element.scrollTop = this.element.scrollHeight;
      return;
    }
    const batch = this.batch;
    if (!batch.first) {
      batch.first = li;
      requestAnimationFrame(() => this.settle());
    }
    batch.own = batch.own || own;
    batch.live = batch.live || live;
  }

  /** Once a batch is on screen: my own message, or a page of history, shows the newest; new replies show their start. */
  settle() {
    const { first, own, live, nearBottom, mineInView } = this.batch;
    this.batch = null;
    const s = this.scroller;
    const bottom = s.scrollHeight - s.clientHeight;
    if (own || !live) {
      s.scrollTop = bottom;
      return;
    }
    if (!nearBottom || !first.isConnected) return;
    const before = first.previousElementSibling;
    const anchor = mineInView && mineInView.isConnected ? mineInView : before && before.classList.contains("mine") ? before : first;
    s.scrollTop = Math.min(bottom, anchor.offsetTop - 8);
  }

  /** Scrolls to the newest message at once (after the page's first history). */
  toNewest() {
    const s = this.scroller || this.element;
    s.scrollTop = s.scrollHeight;
  }
}
