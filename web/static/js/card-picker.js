// "Send a help card" beside the open conversation: suggestions from the young person's recent
// words as soon as it opens (and again when they write), a catalogue search, and sending.
import { getJson, postJson } from "./api.js";
import { Outbox } from "./outbox.js";

// New words from the young person bring new suggestions, once they pause.
const REFRESH_MS = 1500;

export class CardPicker {
  constructor() {
    this.suggestions = document.getElementById("card-suggestions");
    this.results = document.getElementById("card-results");
    this.problem = document.getElementById("card-problem");
    this.search = document.getElementById("card-search");
    this.query = document.getElementById("card-query");
    this.conversationId = null;
    this.timer = null;
    // A card whose sending failed keeps its client id: if the failure was only the answer's, the
    // server knows the retry as the card it stored rather than storing a second one.
    this.unconfirmed = new Map();
    this.search.addEventListener("submit", (e) => {
      e.preventDefault();
      this.find();
    });
  }

  /** A conversation opened (or none is): its suggestions at once. */
  open(conversationId) {
    this.conversationId = conversationId;
    clearTimeout(this.timer);
    this.problem.hidden = true;
    this.results.textContent = "";
    this.search.querySelectorAll("input, button").forEach((control) => (control.disabled = !conversationId));
    this.suggestions.textContent = "";
    if (conversationId) this.suggest(conversationId);
  }

  /** The young person wrote in the open conversation. */
  theyWrote() {
    const id = this.conversationId;
    clearTimeout(this.timer);
    if (id) this.timer = setTimeout(() => this.suggest(id), REFRESH_MS);
  }

  async suggest(id) {
    try {
      const body = await getJson(`/api/conversations/${encodeURIComponent(id)}/card-suggestions`);
      if (id === this.conversationId) this.rows(this.suggestions, body.suggestions, "Nothing to suggest from their words yet. Search below.");
    } catch (error) {
      if (id === this.conversationId) this.rows(this.suggestions, [], "Suggestions are not available.");
    }
  }

  async find() {
    const q = this.query.value.trim();
    if (!q || !this.conversationId) return;
    try {
      const body = await getJson(`/api/signposting/entries?q=${encodeURIComponent(q)}`);
      this.rows(this.results, body.entries, "Nothing found. Try one word, like money or housing.");
    } catch (error) {
      this.problem.textContent = error.message;
      this.problem.hidden = false;
    }
  }

  rows(target, entries, emptyText) {
    target.textContent = "";
    if (!entries.length) {
      const li = document.createElement("li");
      li.textContent = emptyText;
      target.append(li);
      return;
    }
    entries.forEach((entry) => {
      const li = document.createElement("li");
      const name = document.createElement("span");
      name.textContent = entry.because && entry.because.length ? `${entry.name} (they said: ${entry.because.join(", ")})` : entry.name;
      const send = document.createElement("button");
      send.type = "button";
      send.className = "secondary";
      send.textContent = "Send";
      send.setAttribute("aria-label", `Send card: ${entry.name}`);
      send.addEventListener("click", () => this.send(entry.id, send));
      li.append(name, send);
      target.append(li);
    });
  }

  /** Sends a help card into the open conversation; a failure is said in problemBox. */
  async send(entryId, button, problemBox = this.problem) {
    const id = this.conversationId;
    if (!id) return;
    problemBox.hidden = true;
    button.disabled = true;
    const key = `${id} ${entryId}`;
    if (!this.unconfirmed.has(key)) this.unconfirmed.set(key, Outbox.newId());
    try {
      await postJson(`/api/conversations/${encodeURIComponent(id)}/cards`, { entryId, clientId: this.unconfirmed.get(key) });
      this.unconfirmed.delete(key);
      button.textContent = "Sent";
    } catch (error) {
      button.disabled = false;
      problemBox.textContent = error.message;
      problemBox.hidden = false;
    }
  }
}
