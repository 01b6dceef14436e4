// "Raise a concern" and "Clear the flag" for the open conversation, each with a reason, sent as the
// socket's risk frame (docs/chat-protocol.md). Done is shown when Harbour's staff-only record of it
// arrives in the thread; a refusal (an error frame) is said in plain English above the form, which
// takes the focus (GOV.UK's error summary).
import { guidance } from "./risk-guidance.js";

// What each refusal means for these forms; the server's own message is the fallback.
const REFUSALS = {
  missing_field: { raise: "Choose what you are worried about and write why.", clear: "Write why it is safe to clear the flag." },
  bad_frame: "Harbour could not read that request. Reload the page and try again.",
  not_flagged: "This conversation has no risk flag to clear: someone may have cleared it already.",
  forbidden: "You are not allowed to change the risk flag on this conversation.",
  not_found: "You can no longer change this conversation: it may have been handed to someone else. Go back to the queue.",
  too_long: "The reason must be 500 characters or fewer.",
  bad_characters: "The reason has characters Harbour cannot keep. Remove any unusual characters and try again.",
  rate_limited: "Too much at once. Wait a moment, then try again.",
  internal_error: "Something went wrong on Harbour's side. Try again.",
};
// Refusals about the reason are also shown at the reason box.
const ABOUT_REASON = new Set(["missing_field", "too_long", "bad_characters"]);

/** The error summary at the top of a form, and errors at the fields it names. */
class FormErrors {
  constructor(form) {
    this.form = form;
    this.summary = form.querySelector(".error-summary");
    this.marked = [];
  }

  /** problems: [{text, field}]; field (an element with an id, and a "<id>-error" element) may be null. */
  show(problems) {
    this.clear();
    const heading = document.createElement("h4");
    heading.textContent = "There is a problem";
    const list = document.createElement("ul");
    problems.forEach(({ text, field, errorFor }) => {
      const li = document.createElement("li");
      if (field) {
        const link = document.createElement("a");
        link.href = `#${field.id}`;
        link.textContent = text;
        link.addEventListener("click", (e) => {
          e.preventDefault();
          field.focus();
        });
        li.append(link);
        this.mark(errorFor || field, text);
      } else {
        li.textContent = text;
      }
      list.append(li);
    });
    this.summary.append(heading, list);
    this.summary.hidden = false;
    this.summary.focus();
  }

  mark(target, text) {
    const error = document.getElementById(`${target.id}-error`);
    error.textContent = "";
    const prefix = document.createElement("span");
    prefix.className = "visually-hidden";
    prefix.textContent = "Error: ";
    error.append(prefix, text);
    error.hidden = false;
    target.setAttribute("aria-invalid", "true");
    const described = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (!described.includes(error.id)) target.setAttribute("aria-describedby", [...described, error.id].join(" "));
    this.marked.push({ target, error });
  }

  clear() {
    this.summary.textContent = "";
    this.summary.hidden = true;
    this.marked.forEach(({ target, error }) => {
      error.hidden = true;
      target.removeAttribute("aria-invalid");
      const described = (target.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== error.id);
      target.setAttribute("aria-describedby", described.join(" "));
    });
    this.marked = [];
  }
}

export class RiskForms {
  constructor({ connection, userId }) {
    this.connection = connection;
    this.userId = userId;
    this.conversationId = null;
    this.flagged = [];
    // The risk frame sent and not yet answered: {action, conversationId}.
    this.pending = null;
    this.done = document.getElementById("risk-done");
    this.raiseBox = document.getElementById("risk-raise");
    this.raiseForm = document.getElementById("risk-raise-form");
    this.choices = document.getElementById("risk-raise-choices");
    this.categoriesField = document.getElementById("risk-raise-categories");
    this.raiseReason = document.getElementById("risk-raise-reason");
    this.clearBox = document.getElementById("risk-clear");
    this.clearForm = document.getElementById("risk-clear-form");
    this.clearReason = document.getElementById("risk-clear-reason");
    this.raiseErrors = new FormErrors(this.raiseForm);
    this.clearErrors = new FormErrors(this.clearForm);

    this.raiseForm.addEventListener("submit", (e) => {
      e.preventDefault();
      this.raise();
    });
    this.clearForm.addEventListener("submit", (e) => {
      e.preventDefault();
      this.clear();
    });
    connection.on("message", (frame) => this.recorded(frame.message));
    connection.on("closed", () => {
      if (this.pending) this.refused(this.pending.action, [{ text: "The connection dropped before Harbour answered. Check the conversation, then try again if it is not there." }]);
    });
  }

  /** The checkboxes, one per category, labelled with the guidance titles. */
  showCategories() {
    const all = guidance();
    this.choices.textContent = "";
    Object.entries(all).forEach(([id, advice], i) => {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = "category";
      box.value = id;
      // The first box carries the id the error summary links to.
      box.id = i === 0 ? "risk-raise-first" : `risk-raise-${id}`;
      const words = document.createElement("span");
      words.textContent = advice.title;
      label.append(box, words);
      this.choices.append(label);
    });
    this.markFlagged();
  }

  noCategories() {
    this.choices.textContent = "";
    const p = document.createElement("p");
    p.className = "error-message";
    p.textContent = "The list of concerns could not be loaded. Reload the page to try again.";
    this.choices.append(p);
  }

  /** Another conversation is open: forms empty and closed, nothing pending. */
  open(conversationId, c) {
    this.conversationId = conversationId;
    this.pending = null;
    this.done.hidden = true;
    [this.raiseForm, this.clearForm].forEach((form) => form.reset());
    this.raiseErrors.clear();
    this.clearErrors.clear();
    this.raiseBox.open = false;
    this.clearBox.open = false;
    this.enable(true);
    this.update(c);
  }

  /** The open conversation's summary changed: "Clear the flag" only while there is a flag. */
  update(c) {
    this.flagged = c && c.risk ? c.risk.categories : [];
    this.clearBox.hidden = !this.flagged.length;
    if (!this.flagged.length) this.clearBox.open = false;
    this.markFlagged();
  }

  close() {
    this.conversationId = null;
    this.pending = null;
  }

  markFlagged() {
    this.choices.querySelectorAll("label").forEach((label) => {
      const box = label.querySelector("input");
      const words = label.querySelector("span");
      const title = guidance()[box.value].title;
      words.textContent = this.flagged.includes(box.value) ? `${title} (already flagged)` : title;
    });
  }

  raise() {
    const categories = [...this.choices.querySelectorAll("input:checked")].map((box) => box.value);
    const reason = this.raiseReason.value.trim();
    const problems = [];
    const first = this.choices.querySelector("input");
    if (!categories.length) problems.push({ text: "Choose what you are worried about", field: first, errorFor: this.categoriesField });
    if (!reason) problems.push({ text: "Write why you are raising a concern", field: this.raiseReason });
    if (problems.length) {
      this.raiseErrors.show(problems);
      return;
    }
    this.send("raise", { type: "risk", conversationId: this.conversationId, action: "raise", categories, reason });
  }

  clear() {
    const reason = this.clearReason.value.trim();
    if (!reason) {
      this.clearErrors.show([{ text: "Write why it is safe to clear the flag", field: this.clearReason }]);
      return;
    }
    this.send("clear", { type: "risk", conversationId: this.conversationId, action: "clear", reason });
  }

  send(action, frame) {
    if (!this.conversationId) return;
    this.errorsFor(action).clear();
    this.done.hidden = true;
    if (!this.connection.send(frame)) {
      this.refused(action, [{ text: "Harbour is reconnecting. Try again in a moment." }]);
      return;
    }
    this.pending = { action, conversationId: this.conversationId };
    this.enable(false);
  }

  errorsFor(action) {
    return action === "raise" ? this.raiseErrors : this.clearErrors;
  }

  enable(on) {
    [this.raiseForm, this.clearForm].forEach((form) => (form.querySelector("button[type=submit]").disabled = !on));
  }

  /**
   * An error frame: ours when it answers the risk frame ({@code ref: "risk"}), or has no ref while
   * one is waiting (a frame the server could not read names nothing). Returns whether it was ours.
   */
  claimsError(frame) {
    if (!this.pending || (frame.ref !== "risk" && frame.ref != null)) return false;
    const { action } = this.pending;
    const known = REFUSALS[frame.code];
    const text = (known && (typeof known === "string" ? known : known[action])) || frame.message || "Something went wrong. Try again.";
    const reasonBox = action === "raise" ? this.raiseReason : this.clearReason;
    this.refused(action, [{ text, field: ABOUT_REASON.has(frame.code) ? reasonBox : null }]);
    return true;
  }

  refused(action, problems) {
    this.pending = null;
    this.enable(true);
    this.errorsFor(action).show(problems);
  }

  /** Harbour's staff-only record of what this person just did is the proof it is done. */
  recorded(message) {
    const event = message && message.event;
    if (!this.pending || !event || message.conversationId !== this.pending.conversationId || event.by !== this.userId) return;
    const raised = this.pending.action === "raise" && event.type === "risk_flagged";
    const cleared = this.pending.action === "clear" && event.type === "risk_cleared";
    if (!raised && !cleared) return;
    this.pending = null;
    this.enable(true);
    const form = raised ? this.raiseForm : this.clearForm;
    form.reset();
    this.errorsFor(raised ? "raise" : "clear").clear();
    (raised ? this.raiseBox : this.clearBox).open = false;
    this.done.textContent = raised
      ? "Concern raised. The conversation is urgent, and the flag is recorded in the conversation."
      : "Flag cleared and recorded in the conversation. It stays urgent until you mark it as normal.";
    this.done.hidden = false;
    this.done.focus();
  }
}
