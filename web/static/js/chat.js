// The care leaver's chat page.
import { Connection } from "./connection.js";
import { Outbox } from "./outbox.js";
import { MessageList } from "./messages.js";
import { postJson } from "./api.js";
import { askHelpful } from "./helpful.js";

const root = document.getElementById("chat");
const userId = root.dataset.userId;
const conversationId = root.dataset.conversationId;
const outbox = new Outbox(userId);
const list = new MessageList(document.getElementById("messages"), "care_leaver");
const composer = document.getElementById("composer");
const sendButton = document.getElementById("send");
const counter = document.getElementById("count");
const banner = document.getElementById("connection-banner");
const onCall = document.getElementById("on-call");
const typing = document.getElementById("typing");
const problem = document.getElementById("problem");
const earlier = document.getElementById("earlier");
const connection = new Connection({ signInPath: "/signin/young-person" });
const MAX = 4000;
let staffReadSeq = 0;
let typingTimer = null;

outbox.entries().forEach((e) => list.showPending(e));

connection.on("open", () => {
  banner.hidden = true;
});
connection.on("closed", () => {
  banner.hidden = false;
});
connection.on("welcome", (frame) => {
  showOnCall(frame.onCall);
  if (frame.conversation) staffReadSeq = frame.conversation.staffReadSeq || 0;
  connection.send({ type: "resume", afterSeq: list.highestSeq() });
  outbox.flush(connection);
});
connection.on("history", (frame) => {
  frame.messages.forEach((m) => list.show(m));
  if (frame.messages.length) outbox.seen(conversationId, frame.messages[frame.messages.length - 1].seq);
  if (!frame.complete && frame.messages.length) {
    connection.send({ type: "resume", afterSeq: list.highestSeq() });
  }
  earlier.hidden = list.lowestSeq() <= 1 || list.lowestSeq() === Infinity;
  list.read(staffReadSeq);
  markRead();
});
connection.on("message", (frame) => {
  const m = frame.message;
  list.show(m);
  outbox.seen(conversationId, m.seq);
  if (m.sender && m.sender.role !== "care_leaver") {
    typing.hidden = true;
    markRead();
  }
});
connection.on("ack", (frame) => {
  outbox.acked(frame.clientId);
});
connection.on("oncall", (frame) => showOnCall(frame.onCall));
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
  if (frame.code === "rate_limited") {
    problem.textContent = "You're sending messages very quickly. They'll go in a moment.";
    setTimeout(() => outbox.flush(connection), frame.retryAfterMs || 2000);
  } else {
    problem.textContent = frame.message || "Something went wrong. Please try again.";
  }
  problem.hidden = false;
});

function showOnCall(info) {
  if (!info) {
    onCall.textContent = "We'll reply as soon as someone is free. If you're in danger, call 999.";
    return;
  }
  const parts = [];
  if (info.talkingWith) {
    parts.push(`You're talking with ${info.talkingWith}.`);
  } else if (info.now) {
    parts.push(`${info.now.firstName} is on call now.`);
  } else if (info.officeHours) {
    parts.push("Your leaving care team is at work now.");
  } else if (info.nextAt) {
    const when = new Date(info.nextAt).toLocaleString("en-GB", { weekday: "long", hour: "numeric", minute: "2-digit" });
    parts.push(`Nobody is on shift right now. The next person starts ${when}, and your message will be waiting for them.`);
  } else {
    parts.push("Nobody is on shift right now. Your message will be waiting.");
  }
  if (info.queuePosition) {
    parts.push(info.queuePosition === 1 ? "You're next in the queue." : `You're number ${info.queuePosition} in the queue.`);
  }
  if ((info.talkingWith || info.now) && info.typicalReplyMinutes) {
    parts.push(`Replies usually take about ${info.typicalReplyMinutes} ${info.typicalReplyMinutes === 1 ? "minute" : "minutes"}.`);
  }
  onCall.textContent = parts.join(" ");
}

function markRead() {
  if (document.visibilityState === "visible" && list.highestSeq() > 0) {
    connection.send({ type: "read", seq: list.highestSeq() });
  }
}
document.addEventListener("visibilitychange", markRead);

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
  connection.send({ type: "send", clientId: entry.clientId, text });
}

function updateCount() {
  const left = MAX - composer.value.length;
  counter.textContent = left < 500 ? `${left} characters left` : "";
}

sendButton.addEventListener("click", submit);
composer.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    submit();
  }
});
let lastTyping = 0;
composer.addEventListener("input", () => {
  updateCount();
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

askHelpful(connection);
connection.open();

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
