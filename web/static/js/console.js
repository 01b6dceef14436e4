// The adviser console: the queue, one conversation at a time with its reply box, safeguarding,
// transfer and help cards. Each part is its own module; this file wires them to the socket.
import { Connection } from "./connection.js";
import { Outbox } from "./outbox.js";
import { MessageList } from "./messages.js";
import { ResumePoint } from "./resume-point.js";
import { getJson } from "./api.js";
import { Chime } from "./chime.js";
import { Notices } from "./notices.js";
import { Attention } from "./attention.js";
import { RiskPanel } from "./risk-panel.js";
import { ServerClock } from "./server-clock.js";
import { QueueView } from "./queue-view.js";
import { ReplyBox } from "./reply-box.js";
import { TransferPicker } from "./transfer.js";
import { CardPicker } from "./card-picker.js";
import { OnCallLine } from "./on-call-line.js";
import { AlertsBox } from "./alerts-box.js";
import { handoverFor } from "./queue-order.js";

const root = document.getElementById("console");
const userId = root.dataset.userId;
const me = { id: userId, role: (root.dataset.role || "").toLowerCase() };
const outbox = new Outbox(userId);
const connection = new Connection({ signInPath: "/signin" });
outbox.watch(connection);
const clock = new ServerClock();
const queuePane = document.getElementById("queue-pane");
const conversationPane = document.getElementById("conversation");
const title = document.getElementById("conversation-title");
const log = document.getElementById("log");
const list = new MessageList(document.getElementById("messages"), "staff", { scroller: log });
const resumePoint = new ResumePoint(list);
const banner = document.getElementById("connection-banner");
const problem = document.getElementById("problem");
const typing = document.getElementById("typing");
const skipLink = document.getElementById("skip-link");
const conversations = new Map();
// Notes sent from this page and not yet stored: client id → conversation.
const notesSending = new Map();
let current = null;
let typingTimer = null;
let firstQueue = true;

const onCallLine = new OnCallLine(document.getElementById("on-call-now"));
const queue = new QueueView({
  list: document.getElementById("queue"),
  me,
  conversations,
  clock,
  names: (username) => onCallLine.name(username),
  onOpen: (id) => open(id),
});
const replyBox = new ReplyBox({ form: document.getElementById("chat-form"), onSend: send });
const transfer = new TransferPicker({ form: document.getElementById("transfer"), userId, send: (frame) => connection.send(frame) });
const cards = new CardPicker();

// Sound, the tab title and notifications (see attention.js): never a name or message text.
const chime = new Chime();
const soundToggle = document.getElementById("sound-toggle");
const soundHint = document.getElementById("sound-hint");
const notices = new Notices({
  button: document.getElementById("notify-toggle"),
  status: document.getElementById("notify-state"),
  onOpen: (id) => open(id),
});
const attention = new Attention({ userId, conversations, chime, notices });
chime.unlockOn(document);
chime.onBlocked = (blocked) => (soundHint.hidden = !blocked || !chime.enabled);
function showSound() {
  soundToggle.setAttribute("aria-pressed", String(chime.enabled));
  soundToggle.querySelector(".toggle-state").textContent = chime.enabled ? "on" : "off";
  if (!chime.enabled) soundHint.hidden = true;
}
soundToggle.addEventListener("click", () => {
  chime.setEnabled(!chime.enabled);
  showSound();
});
showSound();
attention.updateTitle();

// Safeguarding beside the open conversation (risk-panel.js): the flag, its guidance, raise and clear.
const riskPanel = new RiskPanel({ connection, userId, sendCard: (id, button, box) => cards.send(id, button, box), onTitles: () => queue.render() });
const riskAreas = [document.getElementById("risk"), document.getElementById("risk-actions")];

const alerts = new AlertsBox({
  box: document.getElementById("alerts-box"),
  list: document.getElementById("alerts"),
  attention,
  conversations,
  onOpen: (id) => open(id),
  onAcknowledge: (id) => acknowledge(id),
});

/** The staff on-call view (welcome, oncall frames, GET /api/on-call): the on-call line and Transfer's list. */
function showOnCall(info) {
  if (!info) return;
  clock.heard(info.at);
  onCallLine.show(info);
  transfer.setAdvisers(info.advisers);
  queue.render();
}

let onCallAsked = 0;
/** Availability comes live; loads change with every assignment, so ask again when choosing matters. */
function refreshOnCall() {
  if (Date.now() - onCallAsked < 10000) return;
  onCallAsked = Date.now();
  getJson("/api/on-call").then(showOnCall, () => {});
}

connection.on("open", () => (banner.hidden = true));
connection.on("closed", () => (banner.hidden = false));
connection.on("welcome", (frame) => {
  if (frame.user) attention.setRole(frame.user.role);
  showOnCall(frame.onCall);
  connection.send({ type: "queue" });
  connection.send({ type: "presence", status: document.getElementById("presence").value });
  if (current) connection.send({ type: "resume", conversationId: current, afterSeq: resumePoint.next() });
  outbox.flush(connection);
});
connection.on("oncall", (frame) => showOnCall(frame.onCall));
connection.on("presence", (frame) => {
  onCallLine.presence(frame);
  transfer.presence(frame);
});
connection.on("queue", (frame) => {
  const previous = new Map(conversations);
  conversations.clear();
  frame.conversations.forEach((c) => conversations.set(c.id, c));
  queue.render();
  attention.queueChanged(previous, firstQueue);
  if (firstQueue) openFromAddress();
  firstQueue = false;
  alerts.dropSettled();
  // Alerts and handover items sent while this console was closed or reconnecting came as no frame: the queue has them.
  const escalatedToMe = (c) => Attention.alertOpen(c) && (c.escalatedTo || []).includes(userId);
  alerts
    .addMissing("alert", escalatedToMe, (c) => `Escalated to you: ${c.careLeaverName} is waiting for a reply.`)
    .forEach((id) => attention.alert(id, conversations.get(id).risk ? "risk" : "wait"));
  alerts.addMissing("handover", (c) => handoverFor(c, me), (c) => `Out-of-hours handover about ${c.careLeaverName}: open the conversation to read it.`);
});
/** Holds a conversation's new summary; returns the one it replaces. */
function holdSummary(c) {
  const previous = conversations.get(c.id);
  if (c.status === "resolved" && !handoverFor(c, me)) conversations.delete(c.id);
  else conversations.set(c.id, c);
  return previous;
}
function summaryShown(previous, c) {
  attention.conversationChanged(previous, c);
  if (c.id === current) {
    showHeader(c);
    replyBox.setName(c.careLeaverName);
    riskPanel.update(c);
    transfer.update(c);
  }
}
connection.on("conversation", (frame) => {
  const previous = holdSummary(frame.conversation);
  queue.render();
  summaryShown(previous, frame.conversation);
  alerts.dropSettled();
});
// A busy moment's summaries in one frame (docs/chat-protocol.md): the queue is drawn once for all.
connection.on("conversations", (frame) => {
  const changes = frame.conversations.map((c) => [holdSummary(c), c]);
  queue.render();
  changes.forEach(([previous, c]) => summaryShown(previous, c));
  alerts.dropSettled();
});
connection.on("history", (frame) => {
  if (frame.conversationId !== current) return;
  resumePoint.page(frame);
  frame.messages.forEach((m) => list.show(m));
  // The server streams every page of a resume by itself: asking again would send pages twice.
  markRead();
});
connection.on("message", (frame) => {
  attention.updateTitle();
  const m = frame.message;
  if (m.conversationId !== current) return;
  list.show(m, { live: true });
  if (m.sender.role === "care_leaver") {
    typing.hidden = true;
    cards.theyWrote();
  }
  markRead();
});
connection.on("ack", (frame) => {
  clock.heard(frame.storedAt);
  outbox.acked(frame.clientId);
  outbox.next(connection);
  if (notesSending.has(frame.clientId)) {
    replyBox.noteSaved(notesSending.get(frame.clientId));
    notesSending.delete(frame.clientId);
  }
  // A "too quickly" notice is no longer true once nothing waits to be sent.
  if (problem.dataset.code === "rate_limited" && outbox.entries().length === 0) problem.hidden = true;
});
connection.on("read", (frame) => {
  if (frame.conversationId === current) list.read(frame.seq);
});
connection.on("typing", (frame) => {
  if (frame.conversationId !== current) return;
  typing.textContent = `${frame.from.displayName} is typing…`;
  typing.hidden = false;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => (typing.hidden = true), 4000);
});
connection.on("error", (frame) => {
  if (frame.ref && outbox.refused(connection, frame.ref, frame.code)) list.notSent(frame.ref);
  if (frame.code === "rate_limited" && frame.ref) outbox.throttled(connection, frame.ref, frame.retryAfterMs);
  if (riskPanel.claimsError(frame) || transfer.claimsError(frame)) return;
  problem.textContent = frame.message || "Something went wrong.";
  problem.dataset.code = frame.code || "";
  problem.hidden = false;
});
connection.on("alert", (frame) => {
  // The receipt tells routing this screen is awake; without one from anybody it goes on to others.
  if (frame.seq > 0) connection.send({ type: "alertReceived", conversationId: frame.conversationId, seq: frame.seq });
  alerts.add(frame.conversationId, frame.text, "alert");
  attention.alert(frame.conversationId, frame.cause);
});
connection.on("handover", (frame) => alerts.add(frame.conversationId, frame.text, "handover"));

function acknowledge(id) {
  connection.send({ type: "acknowledge", conversationId: id });
  attention.stopAlert(id);
  alerts.remove(id);
}

function needsAcknowledging(c) {
  return c && ((c.escalationLevel > 0 && !c.acknowledgedBy) || handoverFor(c, me));
}

const acknowledgeButton = document.getElementById("acknowledge");
const urgentButton = document.getElementById("urgent");
const resolveButton = document.getElementById("resolve");
const transcriptButton = document.getElementById("transcript");

/** The open conversation's title line and buttons. */
function showHeader(c) {
  title.textContent = c ? `${c.careLeaverName} – ${queue.label(c)}` : current ? "Conversation" : "No conversation open";
  acknowledgeButton.hidden = !needsAcknowledging(c);
  const urgent = Boolean(c && c.priority === "urgent");
  urgentButton.setAttribute("aria-pressed", String(urgent));
  urgentButton.textContent = urgent ? "Urgent – mark as normal" : "Mark urgent";
}

/** With no conversation open, nothing can be replied to, resolved or transferred. */
function showOpen() {
  const open = Boolean(current);
  [urgentButton, resolveButton, transcriptButton].forEach((button) => (button.disabled = !open));
  document.getElementById("no-conversation").hidden = open;
  // On a phone an open conversation fits the screen (console.css); the queue view scrolls as a page.
  document.body.classList.toggle("conversation-open", open);
  log.hidden = !open;
  riskAreas.forEach((area) => (area.hidden = !open));
  skipLink.textContent = open ? "Skip to the reply box" : "Skip to the queue";
  skipLink.setAttribute("href", open ? "#composer" : "#queue-heading");
}

function wide() {
  return window.matchMedia("(min-width: 60rem)").matches;
}

/**
 * Opens a conversation. Chosen from the queue on a wide screen, the cursor goes to the reply box;
 * on a phone to the conversation's title (the on-screen keyboard would cover what they said);
 * opened by the address on a page load, focus stays at the top of the page, where the first Tab
 * reaches "Skip to the reply box".
 */
function open(id, { fromAddress = false } = {}) {
  current = id;
  list.clear();
  // What is still on its way to this conversation stays in sight: otherwise it would be typed again.
  outbox.entries().filter((e) => e.conversationId === id).forEach((e) => list.showPending(e));
  problem.hidden = true;
  typing.hidden = true;
  const c = conversations.get(id);
  showHeader(c);
  replyBox.switchTo(id, c && c.careLeaverName);
  riskPanel.open(id, c);
  transfer.open(id, c);
  cards.open(id);
  showOpen();
  queue.current = id;
  queue.render();
  conversationPane.hidden = false;
  // On a phone the queue and the conversation are two views; Back returns to the queue.
  queuePane.hidden = !wide();
  history.replaceState(null, "", `#conversation=${encodeURIComponent(id)}`);
  connection.send({ type: "resume", conversationId: id, afterSeq: resumePoint.next({ opening: true }) });
  refreshOnCall();
  if (fromAddress) return;
  if (wide()) replyBox.focus();
  else {
    window.scrollTo(0, 0);
    title.focus({ preventScroll: true });
  }
}

function close() {
  const left = current;
  current = null;
  list.clear();
  replyBox.switchTo(null);
  riskPanel.close();
  transfer.open(null, null);
  cards.open(null);
  showHeader(null);
  showOpen();
  queue.current = null;
  queue.render();
  if (!wide()) conversationPane.hidden = true;
  queuePane.hidden = false;
  history.replaceState(null, "", location.pathname + location.search);
  const item = left && document.querySelector(`.queue-item[data-conversation-id="${CSS.escape(left)}"] button`);
  (item || document.getElementById("queue-heading")).focus();
}

/** A reload (or a link) with #conversation=<id> opens that conversation again. */
function openFromAddress() {
  const match = /^#conversation=(.+)$/.exec(location.hash);
  if (match && !current) open(decodeURIComponent(match[1]), { fromAddress: true });
}

function markRead() {
  if (current && document.visibilityState === "visible" && list.highestSeq() > 0) {
    connection.send({ type: "read", conversationId: current, seq: list.highestSeq() });
  }
}

/** A reply or a private note from the reply box (reply-box.js decides which, never a leftover setting). */
function send({ conversationId, text, kind }) {
  problem.hidden = true;
  const entry = outbox.add({ clientId: Outbox.newId(), conversationId, text, kind, createdAt: new Date(clock.now()).toISOString() });
  list.showPending(entry);
  if (kind === "note") notesSending.set(entry.clientId, conversationId);
  outbox.next(connection);
}

let lastTyping = 0;
document.getElementById("composer").addEventListener("input", () => {
  if (current && replyBox.mode() === "text" && Date.now() - lastTyping > 2500) {
    lastTyping = Date.now();
    connection.send({ type: "typing", conversationId: current });
  }
});
document.getElementById("presence").addEventListener("change", (e) => connection.send({ type: "presence", status: e.target.value }));
document.getElementById("transfer-to").addEventListener("focus", refreshOnCall);
acknowledgeButton.addEventListener("click", () => {
  if (current) acknowledge(current);
  acknowledgeButton.hidden = true;
});
urgentButton.addEventListener("click", () => {
  const c = current && conversations.get(current);
  if (!c) return;
  connection.send({ type: "priority", conversationId: current, priority: c.priority === "urgent" ? "normal" : "urgent" });
});
resolveButton.addEventListener("click", () => {
  if (current && confirm("Mark this conversation as resolved? The young person can message again any time.")) {
    connection.send({ type: "resolve", conversationId: current });
  }
});
transcriptButton.addEventListener("click", () => {
  if (current) window.open(`/conversations/${encodeURIComponent(current)}/transcript`, "_blank", "noopener");
});
document.getElementById("back").addEventListener("click", close);
// The skip link puts the cursor in the reply box (or on the queue), not just the reading position.
skipLink.addEventListener("click", (event) => {
  const target = document.querySelector(skipLink.getAttribute("href"));
  if (target) {
    event.preventDefault();
    target.focus();
  }
});
document.addEventListener("visibilitychange", markRead);
// How long each person has waited moves on without any frame.
setInterval(() => {
  queue.render();
  if (current) showHeader(conversations.get(current));
}, 30000);

showOpen();
connection.open();
