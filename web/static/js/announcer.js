// Says new messages in a line each through one polite live region, instead of letting a screen
// reader read a whole reply with three cards as one long block. Messages that arrive together (an
// auto-reply and its cards) become one summary: "Harbour: Thanks for your message, Jay. It is saved…
// And 3 help cards."
const SETTLE_MS = 400;
const MAX_WORDS = 160;

function firstSentences(text, count) {
  const sentences = (text || "").match(/[^.!?]+[.!?]*/g) || [];
  const short = sentences.slice(0, count).join("").trim();
  return short.length > MAX_WORDS ? `${short.slice(0, MAX_WORDS - 1).trim()}…` : short;
}

export class Announcer {
  constructor(region) {
    this.region = region;
    this.waiting = [];
    this.timer = null;
  }

  /** A message someone else sent, just arrived. */
  add(message) {
    this.waiting.push(message);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), SETTLE_MS);
  }

  flush() {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length) this.region.textContent = Announcer.summary(batch);
  }

  /** One short line for messages that arrived together. */
  static summary(batch) {
    const cards = batch.filter((m) => m.kind === "card");
    const words = batch.filter((m) => m.kind !== "card");
    const parts = words.map((m) => `${m.kind === "system" ? "Harbour" : (m.sender && m.sender.displayName) || "Harbour"}: ${firstSentences(m.text, 2)}`);
    if (cards.length) {
      const from = (cards[0].sender && cards[0].sender.displayName) || "Harbour";
      const what = cards.length === 1 ? `a help card: ${(cards[0].card && cards[0].card.title) || "help"}` : `${cards.length} help cards`;
      parts.push(words.length ? `And ${what}.` : `${from} sent ${what}.`);
    }
    return parts.join(" ");
  }
}
