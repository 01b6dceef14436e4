// The console's queue: each conversation with how long the young person has waited (by Harbour's
// clock, not the device's), who has it, its risk and urgent tags, the unread count and a one-line
// preview of the newest words. Words, not colour alone, so each item's button says it all. The
// preview is staff-only text: it stays on this page, never in the title, a sound or a notification.
import { compareQueue, handoverFor, queueTags } from "./queue-order.js";
import { duration } from "./server-clock.js";

function span(className, text) {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

export class QueueView {
  /** me is {id, role}; names(username) gives a member of staff's name; onOpen(id) opens a conversation. */
  constructor({ list, me, conversations, clock, names, onOpen }) {
    this.list = list;
    this.me = me;
    this.userId = me.id;
    this.conversations = conversations;
    this.clock = clock;
    this.names = names;
    this.onOpen = onOpen;
    this.current = null;
  }

  /** Who has it, in the words of this adviser's screen. */
  holder(c) {
    if (!c.assignedTo) return null;
    return c.assignedTo === this.userId ? "with you" : `with ${this.names(c.assignedTo)}`;
  }

  /** The state after the name: "waiting 12 min, escalated, with Priya Shah"; a handover item first, never instead. */
  label(c) {
    const parts = handoverFor(c, this.me) ? ["handover for you"] : [];
    // waitingSince, not the status: an assigned ("active") conversation also waits for a reply.
    if (c.waitingSince) {
      parts.push(`waiting ${duration(this.clock.minutesSince(c.waitingSince))}`);
      if (c.escalationLevel > 0) parts.push("escalated");
    }
    const holder = this.holder(c);
    if (holder) parts.push(holder);
    if (parts.length === (handoverFor(c, this.me) ? 1 : 0)) parts.push(c.status === "resolved" ? "resolved" : "nobody has it");
    return parts.join(", ");
  }

  render() {
    const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest(".queue-item");
    const refocus = focused && this.list.contains(focused) ? focused.dataset.conversationId : null;
    const items = [...this.conversations.values()].sort(compareQueue);
    this.list.textContent = "";
    if (!items.length) {
      const empty = document.createElement("li");
      empty.textContent = "Nobody is waiting. Well done.";
      this.list.append(empty);
    }
    items.forEach((c) => this.list.append(this.item(c)));
    // A re-render must not throw a keyboard user's place away.
    if (refocus) {
      const again = this.list.querySelector(`.queue-item[data-conversation-id="${CSS.escape(refocus)}"] button`);
      if (again) again.focus();
    }
  }

  item(c) {
    const li = document.createElement("li");
    li.className = `queue-item ${c.status}${c.waitingSince ? " needs-reply" : ""}${c.risk ? " risk-flagged" : ""}${c.id === this.current ? " open" : ""}`;
    li.dataset.conversationId = c.id;
    const button = document.createElement("button");
    button.type = "button";
    if (c.id === this.current) button.setAttribute("aria-current", "true");
    const main = document.createElement("span");
    main.className = "queue-main";
    const line = document.createElement("span");
    line.className = "queue-line";
    line.append(span("queue-name", c.careLeaverName), span("queue-state", ` – ${this.label(c)}`));
    main.append(line);
    const tags = queueTags(c);
    if (tags) main.append(tags);
    if (c.preview) {
      const preview = span("queue-preview", "");
      preview.append(span("visually-hidden", ", last message: "), c.preview);
      main.append(preview);
    }
    // The number is for the eye; the words in the button's name are for a screen reader.
    const badge = span("badge", c.unreadForStaff > 0 ? String(c.unreadForStaff) : "");
    badge.setAttribute("aria-hidden", "true");
    if (c.unreadForStaff > 0) main.append(span("visually-hidden", `, ${c.unreadForStaff} unread`));
    button.append(main, badge);
    button.addEventListener("click", () => this.onOpen(c.id));
    li.append(button);
    return li;
  }
}
