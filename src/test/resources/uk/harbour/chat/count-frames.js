// Installed before the page's own scripts: counts what the page's WebSockets do, in window.__frames:
// sockets opened, "send" and "resume" frames written, acks, error frames (by code) and messages in
// history frames received, and close codes.
(() => {
  const Native = window.WebSocket;
  window.__frames = { opens: 0, sends: 0, resumes: 0, acks: 0, historyMessages: 0, errors: {}, closes: [] };
  function Counted(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    const frames = window.__frames;
    frames.opens += 1;
    const send = socket.send.bind(socket);
    socket.send = (data) => {
      const type = JSON.parse(data).type;
      if (type === "send") frames.sends += 1;
      if (type === "resume") frames.resumes += 1;
      send(data);
    };
    socket.addEventListener("message", (event) => {
      const frame = JSON.parse(event.data);
      if (frame.type === "ack") frames.acks += 1;
      if (frame.type === "history") frames.historyMessages += frame.messages.length;
      if (frame.type === "error") frames.errors[frame.code] = (frames.errors[frame.code] || 0) + 1;
    });
    socket.addEventListener("close", (event) => frames.closes.push(event.code));
    return socket;
  }
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Counted[name] = Native[name];
  window.WebSocket = Counted;
})();
