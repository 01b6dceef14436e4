// "Needs you now": escalation alerts and next-day handover items, each with Open and "I've got
// this", shown until acknowledged (an alert also leaves once someone else has dealt with it).
import { Attention } from "./attention.js";

export class AlertsBox {
  /** onOpen(id) opens a conversation; onAcknowledge(id) sends "I've got this". */
  constructor({ box, list, attention, conversations, onOpen, onAcknowledge }) {
    this.box = box;
    this.list = list;
    this.attention = attention;
    this.conversations = conversations;
    this.onOpen = onOpen;
    this.onAcknowledge = onAcknowledge;
    this.items = new Map();
  }

  add(conversationId, text, kind) {
    this.items.set(conversationId, { text, kind });
    this.render();
  }

  /** An item of this kind for each conversation held that mine(c) picks and the box does not show yet; returns their ids. */
  addMissing(kind, mine, text) {
    const added = [];
    this.conversations.forEach((c, id) => {
      if (mine(c) && !this.items.has(id)) {
        this.items.set(id, { text: text(c), kind });
        added.push(id);
      }
    });
    if (added.length) this.render();
    return added;
  }

  remove(conversationId) {
    if (this.items.delete(conversationId)) this.render();
  }

  /** An escalation someone else acknowledged or answered leaves the box (handover items stay). */
  dropSettled() {
    let changed = false;
    this.items.forEach((item, id) => {
      if (item.kind === "alert" && !this.attention.ringing.has(id) && !Attention.alertOpen(this.conversations.get(id))) {
        this.items.delete(id);
        changed = true;
      }
    });
    if (changed) this.render();
  }

  render() {
    this.list.textContent = "";
    this.items.forEach(({ text }, id) => {
      const li = document.createElement("li");
      const p = document.createElement("p");
      p.textContent = text;
      const openButton = document.createElement("button");
      openButton.type = "button";
      openButton.textContent = "Open";
      openButton.addEventListener("click", () => this.onOpen(id));
      const ack = document.createElement("button");
      ack.type = "button";
      ack.className = "secondary";
      ack.textContent = "I've got this";
      ack.addEventListener("click", () => this.onAcknowledge(id));
      li.append(p, openButton, ack);
      this.list.append(li);
    });
    this.box.hidden = this.items.size === 0;
  }
}
