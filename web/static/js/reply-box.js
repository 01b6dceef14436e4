// The console's reply box, where a private note can never go to the young person by mistake:
// Reply and Private note are two choices, not a box that stays ticked; a note has its own colour,
// label and button; after every send it is a reply again; and what is typed stays with its own
// conversation (with its choice), so switching conversations never carries words, or a note,
// across.
const WORDS = {
  text: {
    label: (name) => `Reply to ${name}`,
    hint: (name) => `${name} sees what you send.`,
    send: "Send",
  },
  note: {
    label: () => "Private note – only staff see this",
    hint: (name) => `Not sent to ${name}. It stays in the conversation for staff, and goes with it at a handover.`,
    send: "Save note",
  },
};

export class ReplyBox {
  constructor({ form, onSend }) {
    this.form = form;
    this.fields = form.querySelector("#composer-fields");
    this.text = form.querySelector("#composer");
    this.label = form.querySelector("#composer-label");
    this.hint = form.querySelector("#composer-hint");
    this.send = form.querySelector("#send");
    this.saved = form.querySelector("#note-saved");
    this.onSend = onSend;
    this.name = "the young person";
    this.conversationId = null;
    this.drafts = new Map();
    form.querySelectorAll("input[name=mode]").forEach((radio) => radio.addEventListener("change", () => this.show()));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
    this.text.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        this.submit();
      }
    });
    this.show();
  }

  /** "text" (a reply) or "note". */
  mode() {
    const checked = this.form.querySelector("input[name=mode]:checked");
    return checked && checked.value === "note" ? "note" : "text";
  }

  setMode(mode) {
    this.form.querySelector(mode === "note" ? "#mode-note" : "#mode-reply").checked = true;
    this.show();
  }

  show() {
    const mode = this.mode();
    const words = WORDS[mode];
    this.form.dataset.mode = mode;
    this.label.textContent = words.label(this.name);
    this.hint.textContent = words.hint(this.name);
    this.send.textContent = words.send;
  }

  /** Another conversation (or none): the words typed so far stay with the one left. */
  switchTo(conversationId, name) {
    if (this.conversationId && this.text.value.trim()) {
      this.drafts.set(this.conversationId, { text: this.text.value, mode: this.mode() });
    } else if (this.conversationId) {
      this.drafts.delete(this.conversationId);
    }
    this.conversationId = conversationId;
    this.name = name || "the young person";
    const draft = conversationId ? this.drafts.get(conversationId) : null;
    this.text.value = draft ? draft.text : "";
    this.saved.textContent = "";
    this.fields.disabled = !conversationId;
    this.setMode(draft ? draft.mode : "text");
  }

  /** The young person's name became known (the summary arrived after the conversation opened). */
  setName(name) {
    if (!name || name === this.name) return;
    this.name = name;
    this.show();
  }

  submit() {
    const text = this.text.value.trim();
    if (!text || !this.conversationId) return;
    const kind = this.mode();
    this.onSend({ conversationId: this.conversationId, text, kind });
    this.text.value = "";
    this.drafts.delete(this.conversationId);
    this.saved.textContent = "";
    // Whatever was sent, the next thing typed is a reply unless someone chooses a note again.
    this.setMode("text");
  }

  /** Harbour stored a note this person wrote in the open conversation: say where it went. */
  noteSaved(conversationId) {
    if (conversationId !== this.conversationId) return;
    this.saved.textContent = `Private note saved. ${this.name} cannot see it.`;
  }

  focus() {
    this.text.focus();
  }
}
