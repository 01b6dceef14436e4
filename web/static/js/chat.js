// The care leaver's chat page.
import { Connection } from "./connection.js";
import { Outbox } from "./outbox.js";
import { MessageList } from "./messages.js";
import { ResumePoint } from "./resume-point.js";
import { postJson } from "./api.js";
import { statusLine } from "./status-line.js";
import { Announcer } from "./announcer.js";
import { LastSeen } from "./last-seen.js";
import { askHelpful } from "./helpful.js";

const root = document.getElementById("chat");
const userId = root.dataset.userId;
const conversationId = root.dataset.conversationId;
const outbox = new Outbox(userId);
const lastSeen = new LastSeen(userId);
const log = document.getElementById("log");
const list = new MessageList(document.getElementById("messages"), "care_leaver", { scroller: log, collapseCards: true });
const resumePoint = new ResumePoint(list);
const announcer = new Announcer(document.getElementById("announcer"));
const composer = document.getElementById("composer");
const sendButton = document.getElementById("send");
const counter = document.getElementById("count");
const banner = document.getElementById("connection-banner");
const onCallLine = document.getElementById("on-call");
const typing = document.getElementById("typing");
const problem = document.getElementById("problem");
const earlier = document.getElementById("earlier");
const connection = new Connection({ signInPath: "/signin/young-person" });
const MAX = 4000;
const TOO_QUICK = "You're sending messages very quickly. They'll go in a moment.";
const ON_CALL_REFRESH_MS = 60000;
let staffReadSeq = 0;
let typingTimer = null;
const status = { connected: false, everConnected: false, reachable: false, onCall: null };

outbox.entries().forEach((e) => list.showPending(e));
outbox.watch(connection);

/** The status line says only what is true now: see status-line.js. */
function showStatus(change) {
  Object.assign(status, change);
  const line = statusLine(status);
  onCallLine.textContent = line.text;
  onCallLine.dataset.state = line.key;
  banner.hidden = status.connected || !status.everConnected;
}

connection.on("open", () => showStatus({ connected: true, everConnected: true }));
connection.on("closed", () => showStatus({ connected: false }));
connection.on("reachable", (reachable) => showStatus({ reachable }));
connection.on("welcome", (frame) => {
  showStatus({ onCall: frame.onCall });
  if (frame.conversation) staffReadSeq = frame.conversation.staffReadSeq || 0;
  connection.send({ type: "resume", afterSeq: resumePoint.next() });
  outbox.flush(connection);
});
connection.on("history", (frame) => {
  resumePoint.page(frame);
  frame.messages.forEach((m) => {
    list.show(m);
    lastSeen.record(m);
  });
  if (frame.messages.length) outbox.seen(conversationId, frame.messages[frame.messages.length - 1].seq);
  // The server sends every page of a resume by itself. Asking again from the newest seq shown would
  // restart it, sending pages twice, and skip any page behind a live message already on screen.
  earlier.hidden = list.lowestSeq() <= 1 || list.lowestSeq() === Infinity;
  list.read(staffReadSeq);
  markRead();
});
connection.on("message", (frame) => {
  const m = frame.message;
  list.show(m, { live: true });
  lastSeen.record(m);
  outbox.seen(conversationId, m.seq);
  if (m.sender && m.sender.role !== "care_leaver") {
    typing.hidden = true;
    announcer.add(m);
    markRead();
  }
  // "Was this helpful?" after a resolve listens on the connection itself (helpful.js).
});
connection.on("ack", (frame) => {
  outbox.acked(frame.clientId);
  outbox.next(connection);
  // Everything went: "They'll go in a moment" is no longer true.
  if (problem.textContent === TOO_QUICK && outbox.entries().length === 0) problem.hidden = true;
});
connection.on("oncall", (frame) => showStatus({ onCall: frame.onCall }));
connection.on("read", (frame) => {
  staffReadSeq = Math.max(staffReadSeq, frame.seq);
  list.read(frame.seq);
});
connection.on("typing", (frame) => {
  typing.textContent = `${frame.from.displayName} is typing…`;
  typing.hidden = false;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => (typing.hidden = true), 4000);
});
connection.on("error", (frame) => {
  if (frame.ref && outbox.refused(connection, frame.ref, frame.code)) list.notSent(frame.ref);
  if (frame.code === "rate_limited") {
    problem.textContent = TOO_QUICK;
    outbox.throttled(connection, frame.ref, frame.retryAfterMs);
  } else {
    problem.textContent = frame.message || "Something went wrong. Please try again.";
  }
  problem.hidden = false;
});

/** Availability and the rota change without a routing message: look again now and then. */
async function refreshOnCall() {
  if (!status.connected || document.visibilityState !== "visible") return;
  try {
    const response = await fetch("/api/on-call", { headers: { Accept: "application/json" } });
    if (response.ok) showStatus({ onCall: await response.json() });
  } catch (e) {
    // Offline: the socket's close already says so.
  }
}
setInterval(refreshOnCall, ON_CALL_REFRESH_MS);

function markRead() {
  if (document.visibilityState === "visible" && list.highestSeq() > 0) {
    connection.send({ type: "read", seq: list.highestSeq() });
  }
}
document.addEventListener("visibilitychange", () => {
  markRead();
  refreshOnCall();
});

function submit() {
  const text = composer.value.trim();
  if (!text) return;
  if (text.length > MAX) {
    problem.textContent = `That's too long to send in one go. Please keep it under ${MAX} characters.`;
    problem.hidden = false;
    return;
  }
  problem.hidden = true;
  const entry = outbox.add({ clientId: Outbox.newId(), conversationId, text, kind: "text", createdAt: new Date().toISOString() });
  list.showPending(entry);
  composer.value = "";
  updateCount();
  fitComposer();
  outbox.next(connection);
}

function updateCount() {
  const left = MAX - composer.value.length;
  counter.textContent = left < 500 ? `${left} characters left` : "";
}

/** The message box grows with what is typed, up to its CSS max-height, then scrolls. */
function fitComposer() {
  composer.style.height = "auto";
  composer.style.height = `${composer.scrollHeight + 4}px`;
}

sendButton.addEventListener("click", (event) => {
  event.preventDefault();
  submit();
});
composer.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    submit();
  }
});
let lastTyping = 0;
composer.addEventListener("input", () => {
  updateCount();
  fitComposer();
  if (Date.now() - lastTyping > 2500) {
    lastTyping = Date.now();
    connection.send({ type: "typing" });
  }
});
earlier.addEventListener("click", () => {
  connection.send({ type: "history", beforeSeq: list.lowestSeq(), limit: 50 });
});
document.getElementById("chat-form").addEventListener("submit", (event) => {
  event.preventDefault();
  submit();
});

// The page is as tall as what can be seen: with an on-screen keyboard open that is the visual
// viewport (browsers that ignore interactive-widget=resizes-content still shrink it).
if (window.visualViewport) {
  const fit = () => {
    // Pinch zoom also shrinks the visual viewport: only follow it at normal scale (the keyboard).
    if (Math.abs(window.visualViewport.scale - 1) > 0.01) return;
    document.body.style.setProperty("--visible-height", `${Math.round(window.visualViewport.height)}px`);
    if (document.activeElement === composer) list.toNewest();
  };
  window.visualViewport.addEventListener("resize", fit);
  fit();
}

// The skip link puts the cursor in the message box, not just the page's reading position.
document.querySelectorAll("[data-focus-target]").forEach((link) => {
  link.addEventListener("click", (event) => {
    const target = document.querySelector(link.getAttribute("href"));
    if (target) {
      event.preventDefault();
      target.focus();
    }
  });
});

showStatus({});
askHelpful(connection);
connection.open();
if ("serviceWorker" in navigator) {
  // Serves the offline page (the conversation as last seen, unsent messages, crisis numbers).
  // Registered under this page's file version: a release with new files is a new worker, which
  // caches them afresh (sw.js itself may be unchanged).
  const version = new URL(import.meta.url).pathname.match(/^\/static\/v\/([^/]+)\//)?.[1];
  navigator.serviceWorker.register(version ? `/sw.js?v=${version}` : "/sw.js").catch(() => {});
}

// A card the leaving care team sent can be kept in "My saved help".
document.getElementById("messages").addEventListener("click", async (e) => {
  const button = e.target.closest(".save-card-button");
  if (!button) return;
  button.disabled = true;
  try {
    await postJson("/api/saved", { entryId: button.dataset.entryId });
    button.textContent = "Saved to My saved help";
  } catch (error) {
    button.disabled = false;
    problem.textContent = error.message;
    problem.hidden = false;
  }
});
