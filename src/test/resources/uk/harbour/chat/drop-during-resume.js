// Installed before the page's own scripts: the page's first socket dies part-way through a resume.
// Its first history page is let through; the frames after it are lost, as in a connection that is
// dying, until a live message comes, which is let through; then the socket closes. Later sockets
// are left alone. window.__drop says how far it got.
(() => {
  const Native = window.WebSocket;
  const state = (window.__drop = { pageSeen: false, lost: 0, closed: false });
  let first = true;
  function Dying(url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (!first) return socket;
    first = false;
    const add = socket.addEventListener.bind(socket);
    socket.addEventListener = (type, listener, options) => {
      if (type !== "message") return add(type, listener, options);
      return add("message", (event) => {
        if (state.closed) return;
        const frame = JSON.parse(event.data);
        if (frame.type === "history" && !state.pageSeen) {
          state.pageSeen = true;
        } else if (state.pageSeen && frame.type === "history") {
          state.lost += frame.messages.length;
          return;
        } else if (state.pageSeen && frame.type === "message") {
          listener(event);
          state.closed = true;
          socket.close();
          return;
        }
        listener(event);
      }, options);
    };
    return socket;
  }
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Dying[name] = Native[name];
  window.WebSocket = Dying;
})();
