// The console's queue order and its tags. The order is the server's (the queue frame,
// ChatService.queue): a risk flag first, then urgent, then those awaiting a reply, each longest
// wait first; the console keeps it as single conversations change. Tags are words, not colour
// alone, so they are part of each item's accessible name.
import { riskWords } from "./risk-guidance.js";

function time(value) {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? Infinity : ms;
}

function awaitingReply(c) {
  return c.status !== "resolved" && Boolean(c.waitingSince);
}

/**
 * Whether the conversation's next-day handover item is for me to pick up: as the young person's
 * PA, or as a manager when the item was made while the PA's account was disabled.
 */
export function handoverFor(c, me) {
  return Boolean(c && c.paHandoverPending && (c.paUsername === me.id || (c.handoverToManagers && me.role === "manager")));
}

/** For Array.sort: risk-flagged, then urgent, then awaiting a reply, then the longest wait. */
export function compareQueue(a, b) {
  const firsts = [(c) => Boolean(c.risk), (c) => c.priority === "urgent", awaitingReply];
  for (const first of firsts) {
    if (first(a) !== first(b)) return first(a) ? -1 : 1;
  }
  // Parsed, not compared as text: an instant may or may not carry fractions of a second.
  return time(a.waitingSince || a.lastMessageAt) - time(b.waitingSince || b.lastMessageAt);
}

/** The words of a risk tag: "Risk: suicide or self-harm" (just "Risk flagged" until the titles load). */
export function riskLabel(risk) {
  const words = riskWords(risk && risk.categories);
  return words ? `Risk: ${words}` : "Risk flagged";
}

function tag(kind, text) {
  const span = document.createElement("span");
  span.className = `queue-tag ${kind}`;
  // A separator for screen readers, which read the button's content as one name.
  const comma = document.createElement("span");
  comma.className = "visually-hidden";
  comma.textContent = ", ";
  span.append(comma, text);
  return span;
}

/** The tags of one queue item (a risk tag, an "Urgent" tag), or null when it has none. */
export function queueTags(c) {
  const tags = [];
  if (c.risk) tags.push(tag("risk", riskLabel(c.risk)));
  if (c.priority === "urgent") tags.push(tag("urgent", "Urgent"));
  if (!tags.length) return null;
  const box = document.createElement("span");
  box.className = "queue-tags";
  box.append(...tags);
  return box;
}
