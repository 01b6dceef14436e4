// Beside the open conversation when it carries a risk flag: what is flagged (categories by their
// guidance titles, severity, since when, flagged by Harbour or by whom) and the staff guidance for
// each category, with its help cards ready to send; below it the raise and clear forms
// (risk-forms.js). It never shows the young person's words: those stay in the thread.
import { getJson } from "./api.js";
import { loadGuidance, guidance, titleOf } from "./risk-guidance.js";
import { RiskForms } from "./risk-forms.js";

const cardNames = new Map();

/** A catalogue entry's name, looked up once; its id if the lookup fails. */
function cardName(entryId) {
  if (!cardNames.has(entryId)) {
    cardNames.set(
      entryId,
      getJson(`/api/signposting/entries/${encodeURIComponent(entryId)}`).then(
        (entry) => entry.name || entryId,
        () => entryId,
      ),
    );
  }
  return cardNames.get(entryId);
}

function when(iso) {
  const time = document.createElement("time");
  time.dateTime = iso;
  time.textContent = new Date(iso).toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  return time;
}

export class RiskPanel {
  /**
   * sendCard(entryId, button, problemElement): the console's card-sending control.
   * onTitles(): the category titles have arrived (the queue's tags can say them now).
   */
  constructor({ connection, userId, sendCard, onTitles }) {
    this.userId = userId;
    this.sendCard = sendCard;
    this.element = document.getElementById("risk-flag");
    this.summary = document.getElementById("risk-summary");
    this.guidanceBox = document.getElementById("risk-guidance");
    this.cardProblem = document.getElementById("risk-card-problem");
    this.forms = new RiskForms({ connection, userId });
    this.conversation = null;
    // What the guidance part shows, so a summary that changes only its counts does not rebuild it
    // (and undo a "Sent" on a card button).
    this.shownGuidance = "";
    this.load(onTitles);
  }

  load(onTitles) {
    loadGuidance().then(
      () => {
        this.forms.showCategories();
        onTitles();
        this.render(true);
      },
      () => {
        this.forms.noCategories();
        this.render(true);
      },
    );
  }

  /** A conversation opened; c, its summary, may be unknown yet. */
  open(conversationId, c) {
    this.conversation = c || null;
    this.cardProblem.hidden = true;
    this.forms.open(conversationId, c);
    this.render(true);
  }

  /** The open conversation's summary changed. */
  update(c) {
    this.conversation = c;
    this.forms.update(c);
    this.render(false);
  }

  close() {
    this.conversation = null;
    this.forms.close();
    this.render(true);
  }

  /** Whether an error frame answered a risk frame (and is shown by the forms). */
  claimsError(frame) {
    return this.forms.claimsError(frame);
  }

  render(rebuild) {
    const risk = this.conversation && this.conversation.risk;
    this.element.hidden = !risk;
    if (!risk) {
      this.shownGuidance = "";
      return;
    }
    this.showSummary(risk);
    const key = `${this.conversation.id}|${risk.categories.join(",")}|${guidance() ? "loaded" : ""}`;
    if (rebuild || key !== this.shownGuidance) {
      this.shownGuidance = key;
      this.showGuidance(risk.categories);
    }
  }

  showSummary(risk) {
    const rows = [
      ["Concern", risk.categories.map((id) => titleOf(id) || id.replaceAll("_", " ")).join("; ")],
      ["Severity", risk.severity === "high" ? "High" : risk.severity === "medium" ? "Medium: words that are often, but not always, risk" : String(risk.severity)],
      ["Since", risk.since ? when(risk.since) : "Unknown"],
      ["Flagged by", risk.by === "harbour" ? "Harbour's risk check" : risk.by === this.userId ? `You (${risk.by})` : risk.by],
    ];
    this.summary.textContent = "";
    rows.forEach(([term, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.append(value);
      this.summary.append(dt, dd);
    });
  }

  showGuidance(categoryIds) {
    const box = this.guidanceBox;
    box.textContent = "";
    const all = guidance();
    if (!all) {
      const p = document.createElement("p");
      p.className = "hint";
      p.textContent = "The guidance could not be loaded. Reload the page to try again.";
      box.append(p);
      return;
    }
    const cards = [];
    categoryIds.forEach((id) => {
      const advice = all[id];
      if (!advice) return;
      const heading = document.createElement("h4");
      heading.textContent = `What to do: ${advice.title}`;
      const steps = document.createElement("ol");
      steps.className = "steps";
      advice.steps.forEach((step) => {
        const li = document.createElement("li");
        li.textContent = step;
        steps.append(li);
      });
      box.append(heading, steps);
      advice.cards.forEach((card) => cards.includes(card) || cards.push(card));
    });
    if (cards.length) this.showCards(cards);
  }

  /** The help cards the guidance names, each sent into the chat with the console's card control. */
  showCards(entryIds) {
    const heading = document.createElement("h4");
    heading.textContent = "Help cards to send";
    const list = document.createElement("ul");
    list.className = "card-suggestions risk-cards";
    entryIds.forEach((entryId) => {
      const li = document.createElement("li");
      const name = document.createElement("span");
      name.textContent = entryId;
      const send = document.createElement("button");
      send.type = "button";
      send.className = "secondary";
      send.textContent = "Send";
      send.setAttribute("aria-label", `Send card: ${entryId}`);
      send.addEventListener("click", () => this.sendCard(entryId, send, this.cardProblem));
      cardName(entryId).then((words) => {
        name.textContent = words;
        send.setAttribute("aria-label", `Send card: ${words}`);
      });
      li.append(name, send);
      list.append(li);
    });
    this.guidanceBox.append(heading, list);
  }
}
