// Installed before the page's own scripts: the page's WebSocket loses the first "send" frame it
// writes, as work the server dropped, or a frame lost on the way, would: no ack and no echo come
// back, while the socket stays open. It counts the "send" frames the page writes.
(() => {
  const Native = window.WebSocket;
  window.__sends = 0;
  function Lossy(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    const send = socket.send.bind(socket);
    socket.send = (data) => {
      if (JSON.parse(data).type === "send") {
        window.__sends += 1;
        if (window.__sends === 1) return;
      }
      send(data);
    };
    return socket;
  }
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Lossy[name] = Native[name];
  window.WebSocket = Lossy;
})();
