// The adviser console: the queue, one conversation at a time, notes, transfer and resolve.
import { Connection } from "./connection.js";
import { Outbox } from "./outbox.js";
import { MessageList } from "./messages.js";
import { getJson, postJson } from "./api.js";
import { Chime } from "./chime.js";
import { Notices } from "./notices.js";
import { Attention } from "./attention.js";
import { RiskPanel } from "./risk-panel.js";
import { compareQueue, queueTags } from "./queue-order.js";

const root = document.getElementById("console");
const userId = root.dataset.userId;
const outbox = new Outbox(userId);
const connection = new Connection({ signInPath: "/signin" });
const queueList = document.getElementById("queue");
const queuePane = document.getElementById("queue-pane");
const conversationPane = document.getElementById("conversation");
const title = document.getElementById("conversation-title");
const list = new MessageList(document.getElementById("messages"), "staff");
const composer = document.getElementById("composer");
const noteToggle = document.getElementById("note-toggle");
const banner = document.getElementById("connection-banner");
const problem = document.getElementById("problem");
const typing = document.getElementById("typing");
const conversations = new Map();
let current = null;
let typingTimer = null;
let firstQueue = true;

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
const riskPanel = new RiskPanel({ connection, userId, sendCard, onTitles: () => renderQueue() });

connection.on("open", () => (banner.hidden = true));
connection.on("closed", () => (banner.hidden = false));
connection.on("welcome", (frame) => {
  if (frame.user) attention.setRole(frame.user.role);
  showOnCall(frame.onCall);
  connection.send({ type: "queue" });
  connection.send({ type: "presence", status: document.getElementById("presence").value });
  if (current) connection.send({ type: "resume", conversationId: current, afterSeq: list.highestSeq() });
  outbox.flush(connection);
});
connection.on("queue", (frame) => {
  const previous = new Map(conversations);
  conversations.clear();
  frame.conversations.forEach((c) => conversations.set(c.id, c));
  renderQueue();
  attention.queueChanged(previous, firstQueue);
  firstQueue = false;
  dropSettledAlerts();
});
connection.on("conversation", (frame) => {
  const c = frame.conversation;
  const previous = conversations.get(c.id);
  if (c.status === "resolved" && !(c.paHandoverPending && c.paUsername === userId)) conversations.delete(c.id);
  else conversations.set(c.id, c);
  renderQueue();
  attention.conversationChanged(previous, c);
  dropSettledAlerts();
  if (c.id === current) {
    title.textContent = `${c.careLeaverName} – ${label(c)}`;
    acknowledgeButton.hidden = !needsAcknowledging(c);
    showPriority(c);
    riskPanel.update(c);
  }
});
connection.on("history", (frame) => {
  if (frame.conversationId !== current) return;
  frame.messages.forEach((m) => list.show(m));
  if (!frame.complete && frame.messages.length) {
    connection.send({ type: "resume", conversationId: current, afterSeq: list.highestSeq() });
  }
  markRead();
});
connection.on("message", (frame) => {
  attention.updateTitle();
  if (frame.message.conversationId !== current) return;
  list.show(frame.message);
  if (frame.message.sender.role === "care_leaver") typing.hidden = true;
  markRead();
});
connection.on("ack", (frame) => outbox.acked(frame.clientId));
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
  if (riskPanel.claimsError(frame)) return;
  problem.textContent = frame.message || "Something went wrong.";
  problem.hidden = false;
});

// Escalation alerts and next-day handover items: shown until acknowledged.
const alertsBox = document.getElementById("alerts-box");
const alertsList = document.getElementById("alerts");
const alerts = new Map();
const acknowledgeButton = document.getElementById("acknowledge");
connection.on("alert", (frame) => {
  addAlert(frame.conversationId, frame.text, "alert");
  attention.alert(frame.conversationId, frame.cause);
});
connection.on("handover", (frame) => addAlert(frame.conversationId, frame.text, "handover"));

function addAlert(conversationId, text, kind) {
  alerts.set(conversationId, { text, kind });
  renderAlerts();
}

/** An escalation someone else acknowledged or answered leaves the box (handover items stay). */
function dropSettledAlerts() {
  let changed = false;
  alerts.forEach((item, id) => {
    const c = conversations.get(id);
    if (item.kind === "alert" && !attention.ringing.has(id) && !Attention.alertOpen(c)) {
      alerts.delete(id);
      changed = true;
    }
  });
  if (changed) renderAlerts();
}

function renderAlerts() {
  alertsList.textContent = "";
  alerts.forEach(({ text }, id) => {
    const li = document.createElement("li");
    const p = document.createElement("p");
    p.textContent = text;
    const openButton = document.createElement("button");
    openButton.type = "button";
    openButton.textContent = "Open";
    openButton.addEventListener("click", () => open(id));
    const ack = document.createElement("button");
    ack.type = "button";
    ack.className = "secondary";
    ack.textContent = "I've got this";
    ack.addEventListener("click", () => acknowledge(id));
    li.append(p, openButton, ack);
    alertsList.append(li);
  });
  alertsBox.hidden = alerts.size === 0;
}

function acknowledge(id) {
  connection.send({ type: "acknowledge", conversationId: id });
  attention.stopAlert(id);
  alerts.delete(id);
  renderAlerts();
}

function needsAcknowledging(c) {
  return c && ((c.escalationLevel > 0 && !c.acknowledgedBy) || (c.paHandoverPending && c.paUsername === userId));
}

const urgentButton = document.getElementById("urgent");
function showPriority(c) {
  const urgent = Boolean(c && c.priority === "urgent");
  urgentButton.setAttribute("aria-pressed", String(urgent));
  urgentButton.textContent = urgent ? "Urgent – mark as normal" : "Mark urgent";
}
urgentButton.addEventListener("click", () => {
  const c = current && conversations.get(current);
  if (!c) return;
  connection.send({ type: "priority", conversationId: current, priority: c.priority === "urgent" ? "normal" : "urgent" });
});

function showOnCall(info) {
  const line = document.getElementById("on-call-now");
  if (!info) return;
  const names = (info.onCall || []).map((a) => `${a.name} (${a.availability})`).join(", ");
  line.textContent = info.officeHours ? "Office hours." : names ? `On call: ${names}.` : "Nobody is on call right now.";
}

function label(c) {
  if (c.paHandoverPending && c.paUsername === userId) return "handover for you";
  // waitingSince, not the status: an assigned ("active") conversation also waits for a reply.
  if (c.waitingSince) {
    const since = Math.max(0, Math.round((Date.now() - Date.parse(c.waitingSince)) / 60000));
    const waiting = `waiting ${since} min${c.escalationLevel > 0 ? ", escalated" : ""}`;
    return c.assignedTo ? `with ${c.assignedTo}, ${waiting}` : waiting;
  }
  return c.assignedTo ? `with ${c.assignedTo}` : c.status;
}

function renderQueue() {
  const items = [...conversations.values()].sort(compareQueue);
  queueList.textContent = "";
  if (!items.length) {
    const empty = document.createElement("li");
    empty.textContent = "Nobody is waiting. Well done.";
    queueList.append(empty);
  }
  items.forEach((c) => {
    const li = document.createElement("li");
    li.className = `queue-item ${c.status}${c.waitingSince ? " needs-reply" : ""}${c.risk ? " risk-flagged" : ""}`;
    li.dataset.conversationId = c.id;
    const button = document.createElement("button");
    button.type = "button";
    const name = document.createElement("span");
    name.textContent = `${c.careLeaverName} – ${label(c)}`;
    const main = document.createElement("span");
    main.className = "queue-main";
    main.append(name);
    const tags = queueTags(c);
    if (tags) main.append(tags);
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = c.unreadForStaff > 0 ? String(c.unreadForStaff) : "";
    badge.setAttribute("aria-label", `${c.unreadForStaff} unread`);
    button.append(main, badge);
    button.addEventListener("click", () => open(c.id));
    li.append(button);
    queueList.append(li);
  });
}

function open(id) {
  current = id;
  list.clear();
  problem.hidden = true;
  const c = conversations.get(id);
  title.textContent = c ? `${c.careLeaverName} – ${label(c)}` : "Conversation";
  acknowledgeButton.hidden = !needsAcknowledging(c);
  showPriority(c);
  riskPanel.open(id, c);
  conversationPane.hidden = false;
  queuePane.hidden = window.matchMedia("(min-width: 60rem)").matches ? false : true;
  connection.send({ type: "resume", conversationId: id, afterSeq: 0 });
  loadSuggestions(id);
  composer.focus();
}

function markRead() {
  if (current && document.visibilityState === "visible" && list.highestSeq() > 0) {
    connection.send({ type: "read", conversationId: current, seq: list.highestSeq() });
  }
}

function submit() {
  const text = composer.value.trim();
  if (!text || !current) return;
  const kind = noteToggle.checked ? "note" : "text";
  const entry = outbox.add({ clientId: Outbox.newId(), conversationId: current, text, kind, createdAt: new Date().toISOString() });
  list.showPending(entry);
  composer.value = "";
  const frame = { type: "send", clientId: entry.clientId, conversationId: current, text };
  if (kind === "note") frame.kind = "note";
  connection.send(frame);
}

document.getElementById("chat-form").addEventListener("submit", (e) => {
  e.preventDefault();
  submit();
});
composer.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    submit();
  }
});
let lastTyping = 0;
composer.addEventListener("input", () => {
  if (current && !noteToggle.checked && Date.now() - lastTyping > 2500) {
    lastTyping = Date.now();
    connection.send({ type: "typing", conversationId: current });
  }
});
document.getElementById("presence").addEventListener("change", (e) => connection.send({ type: "presence", status: e.target.value }));
acknowledgeButton.addEventListener("click", () => {
  if (current) acknowledge(current);
  acknowledgeButton.hidden = true;
});
document.getElementById("resolve").addEventListener("click", () => {
  if (current && confirm("Mark this conversation as resolved? The young person can message again any time.")) {
    connection.send({ type: "resolve", conversationId: current });
  }
});
document.getElementById("transfer").addEventListener("submit", (e) => {
  e.preventDefault();
  const to = document.getElementById("transfer-to").value.trim();
  const note = document.getElementById("transfer-note").value.trim();
  if (!current || !to) return;
  const frame = { type: "transfer", conversationId: current, to };
  if (note) frame.note = note;
  connection.send(frame);
  e.target.reset();
});
document.getElementById("back").addEventListener("click", () => {
  conversationPane.hidden = true;
  queuePane.hidden = false;
  current = null;
  riskPanel.close();
});
document.getElementById("transcript").addEventListener("click", () => {
  if (current) window.open(`/conversations/${encodeURIComponent(current)}/transcript`, "_blank", "noopener");
});
document.addEventListener("visibilitychange", markRead);
setInterval(renderQueue, 60000);

connection.open();

// Help cards: suggestions from the young person's recent words, a catalogue search, and sending.
const suggestionsList = document.getElementById("card-suggestions");
const resultsList = document.getElementById("card-results");
const cardProblem = document.getElementById("card-problem");

function cardRows(target, entries, emptyText) {
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
    send.addEventListener("click", () => sendCard(entry.id, send));
    li.append(name, send);
    target.append(li);
  });
}

async function loadSuggestions(id) {
  suggestionsList.textContent = "";
  try {
    const body = await getJson(`/api/conversations/${encodeURIComponent(id)}/card-suggestions`);
    if (id === current) cardRows(suggestionsList, body.suggestions, "No suggestions yet.");
  } catch (error) {
    cardRows(suggestionsList, [], "Suggestions are not available.");
  }
}

/** Sends a help card into the open conversation; a failure is said in problemBox. */
async function sendCard(entryId, button, problemBox = cardProblem) {
  if (!current) return;
  problemBox.hidden = true;
  button.disabled = true;
  try {
    await postJson(`/api/conversations/${encodeURIComponent(current)}/cards`, { entryId, clientId: Outbox.newId() });
    button.textContent = "Sent";
  } catch (error) {
    button.disabled = false;
    problemBox.textContent = error.message;
    problemBox.hidden = false;
  }
}

document.getElementById("card-search").addEventListener("submit", async (e) => {
  e.preventDefault();
  const q = document.getElementById("card-query").value.trim();
  if (!q) return;
  try {
    const body = await getJson(`/api/signposting/entries?q=${encodeURIComponent(q)}`);
    cardRows(resultsList, body.entries, "Nothing found. Try one word, like money or housing.");
  } catch (error) {
    cardProblem.textContent = error.message;
    cardProblem.hidden = false;
  }
});
