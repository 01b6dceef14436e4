// The young person's status line: one pure function from what the server last said (the `onCall`
// object of the welcome and oncall frames, docs/routing.md) and whether this page is connected, to
// the one sentence shown. It only says what is true now: nobody is "talking with" them once the
// conversation is resolved or while they are offline, and a place in the queue is given only when
// someone is on shift to answer it. Times come from the server, worded as its messages word them.

const DANGER = "In danger right now? Call 999.";

function replyTime(info) {
  const minutes = info.typicalReplyMinutes;
  if (!minutes) return "";
  return ` Replies usually take about ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

function queue(info) {
  if (!info.queuePosition) return "";
  return info.queuePosition === 1 ? " You're next in the queue." : ` You're number ${info.queuePosition} in the queue.`;
}

/**
 * state: { connected: boolean, everConnected: boolean, reachable: boolean (nothing says the network
 * is gone: connection.js's "reachable" event), onCall: the server's object or null }.
 * Returns { key, text }: key names the state (for styling and tests), text is what is shown.
 */
export function statusLine({ connected, everConnected, reachable, onCall }) {
  if (!connected) {
    if (!everConnected && !onCall) return { key: "connecting", text: "Connecting…" };
    // "Offline" only when it is: with the network there, the chat is coming back by itself.
    return reachable
      ? { key: "reconnecting", text: `Reconnecting… What you write is kept on this phone and sent once we're connected again. ${DANGER}` }
      : { key: "offline", text: `You're offline. What you write is kept on this phone and sent when you're back online. ${DANGER}` };
  }
  if (!onCall) {
    return { key: "unknown", text: `We'll reply as soon as someone is free. ${DANGER}` };
  }
  const info = onCall;
  const staffed = Boolean(info.officeHours || info.now);
  if (info.status === "resolved") {
    return { key: "resolved", text: "This conversation is resolved. Send a message any time to start again." };
  }
  if (info.talkingWith) {
    return { key: "talking", text: `You're talking with ${info.talkingWith}.${replyTime(info)}` };
  }
  if (!staffed) {
    const when = info.nextAtText ? ` The next person starts at ${info.nextAtText}.` : "";
    return { key: "nobody", text: `Nobody is on shift right now.${when} Your message will be waiting for them. ${DANGER}` };
  }
  if (info.queuePosition) {
    return { key: "queued", text: `Everyone on shift is busy at the moment.${queue(info)} The first person free will reply.` };
  }
  if (info.officeHours) {
    if (info.pa && info.pa.available) {
      return { key: "office-pa-online", text: `${info.pa.firstName}, your personal adviser, is at work and online now.${replyTime(info)}` };
    }
    const who = info.pa ? `${info.pa.firstName} isn't online just now, so a reply may take longer.` : "A reply may take a little while.";
    return { key: "office-pa-offline", text: `Your leaving care team is at work now. ${who}` };
  }
  if (info.now.available) {
    return { key: "on-call-available", text: `${info.now.firstName} is on call now.${replyTime(info)}` };
  }
  return { key: "on-call-busy", text: `${info.now.firstName} is on call but busy just now. The first person free will reply.` };
}
