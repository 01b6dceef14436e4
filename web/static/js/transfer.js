// Transfer: pick who to hand the open conversation to from a list of advisers, those on shift
// first, each with their status and how many chats they have (the staff on-call view's
// "advisers"), instead of typing a username.
const AVAILABILITY = { available: "available", busy: "busy", away: "away", offline: "not signed in" };

function load(a) {
  const chats = a.active === 1 ? "1 chat" : `${a.active} chats`;
  return a.capacity ? `${chats} of ${a.capacity}` : chats;
}

export class TransferPicker {
  /** send(frame) sends a frame and says whether it went; names(username) gives a name. */
  constructor({ form, userId, send }) {
    this.form = form;
    this.fields = form.querySelector("#transfer-fields");
    this.select = form.querySelector("#transfer-to");
    this.note = form.querySelector("#transfer-note");
    this.problem = form.querySelector("#transfer-problem");
    this.done = form.querySelector("#transfer-done");
    this.userId = userId;
    this.sendFrame = send;
    this.advisers = [];
    this.conversation = null;
    this.pending = null;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
  }

  /** The staff view's advisers list (on-call view): who can be chosen, in order. */
  setAdvisers(advisers) {
    this.advisers = Array.isArray(advisers) ? advisers : [];
    this.render();
  }

  /** A presence frame: one adviser's status changed. */
  presence(frame) {
    const a = this.advisers.find((x) => x.username === frame.username);
    if (!a) return;
    a.availability = frame.connected ? frame.status : "offline";
    this.render();
  }

  /** The open conversation (its summary, or null): its current adviser is not offered. */
  open(conversationId, c) {
    const other = conversationId !== (this.conversation && this.conversation.id);
    this.conversation = c ? c : conversationId ? { id: conversationId } : null;
    this.fields.disabled = !conversationId;
    if (other) {
      this.form.reset();
      this.problem.hidden = true;
      this.done.textContent = "";
      this.pending = null;
    }
    this.render();
  }

  /** The open conversation's summary changed: a transfer we asked for is done when it shows. */
  update(c) {
    this.conversation = c;
    if (this.pending && c.id === this.pending.conversationId && c.assignedTo === this.pending.to) {
      this.done.textContent = `Transferred to ${this.pending.name}.`;
      this.pending = null;
      this.form.reset();
    }
    this.render();
  }

  render() {
    const chosen = this.select.value;
    const holder = this.conversation && this.conversation.assignedTo;
    const choices = this.advisers.filter((a) => a.username !== this.userId && a.username !== holder);
    const onShift = choices.filter((a) => a.onShift);
    const others = choices.filter((a) => !a.onShift);
    this.select.textContent = "";
    const none = new Option(choices.length ? "Choose an adviser" : "No other adviser to choose", "");
    this.select.append(none);
    [["On shift now", onShift], ["Not on shift", others]].forEach(([label, group]) => {
      if (!group.length) return;
      const optgroup = document.createElement("optgroup");
      optgroup.label = label;
      group.forEach((a) => {
        const option = new Option(`${a.name} – ${AVAILABILITY[a.availability] || a.availability}, ${load(a)}`, a.username);
        option.dataset.name = a.name;
        optgroup.append(option);
      });
      this.select.append(optgroup);
    });
    if ([...this.select.options].some((o) => o.value === chosen)) this.select.value = chosen;
  }

  submit() {
    this.problem.hidden = true;
    this.done.textContent = "";
    const to = this.select.value;
    if (!this.conversation || !this.conversation.id) return;
    if (!to) {
      this.refuse("Choose who to hand the conversation to.");
      this.select.focus();
      return;
    }
    const frame = { type: "transfer", conversationId: this.conversation.id, to };
    const note = this.note.value.trim();
    if (note) frame.note = note;
    if (!this.sendFrame(frame)) {
      this.refuse("Harbour is reconnecting. Try again in a moment.");
      return;
    }
    const option = this.select.selectedOptions[0];
    this.pending = { conversationId: this.conversation.id, to, name: (option && option.dataset.name) || to };
  }

  refuse(text) {
    this.problem.textContent = text;
    this.problem.hidden = false;
  }

  /** An error frame answering a transfer: said here. Returns whether it was ours. */
  claimsError(frame) {
    if (frame.ref !== "transfer") return false;
    this.pending = null;
    this.refuse(frame.message || "The transfer did not go through. Try again.");
    return true;
  }
}
