// Installed before the page's own scripts: while window.__refuseSockets is true, the page's new
// WebSockets ask for a path Harbour refuses (404), so they fail as a refused upgrade does (1006)
// while HTTP still answers. window.__socket is the newest socket.
(() => {
  const Native = window.WebSocket;
  window.__refuseSockets = false;
  function Refusable(url, protocols) {
    const target = window.__refuseSockets ? url.replace(/\/ws$/, "/ws-refused") : url;
    const socket = protocols === undefined ? new Native(target) : new Native(target, protocols);
    window.__socket = socket;
    return socket;
  }
  for (const name of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Refusable[name] = Native[name];
  window.WebSocket = Refusable;
})();
