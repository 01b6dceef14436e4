// "Was this helpful?": asked once the latest episode of the young person's chat is resolved and not
// yet answered (an answer is a stored message with event "feedback", so another device knows too).
export function askHelpful(connection) {
  const panel = document.getElementById("helpful");
  const thanks = document.getElementById("helpful-thanks");
  if (!panel) return;
  let latest = 0;
  const resolved = new Set();
  const answered = new Set();
  let loaded = false;

  function note(message) {
    latest = Math.max(latest, message.episode || 0);
    const type = message.event && message.event.type;
    if (type === "resolved") resolved.add(message.episode);
    if (type === "feedback") answered.add(message.episode);
  }

  function update() {
    panel.hidden = !(loaded && resolved.has(latest) && !answered.has(latest));
  }

  connection.on("history", (frame) => {
    frame.messages.forEach(note);
    if (frame.complete) loaded = true;
    update();
  });
  connection.on("message", (frame) => {
    const before = latest;
    note(frame.message);
    // A new episode: the thanks for the last one has had its moment.
    if (latest > before) thanks.hidden = true;
    update();
  });
  connection.on("error", (frame) => {
    // Answered on another device, or the chat moved on: nothing left to ask.
    if (frame.ref === "feedback") answered.add(latest);
    update();
  });
  panel.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-answer]");
    if (!button) return;
    if (connection.send({ type: "feedback", episode: latest, answer: button.dataset.answer })) {
      answered.add(latest);
      panel.hidden = true;
      thanks.hidden = false;
    }
  });
}
