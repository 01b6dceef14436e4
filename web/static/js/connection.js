// One WebSocket to /ws with reconnect, resume and a small event emitter. See docs/chat-protocol.md.
//
// Events: "open", "closed" (the close code), every frame by its type, and "reachable": true when a
// socket opens or Harbour answers over HTTP after one failed, false when the browser says it is
// offline or that request gets no answer, so a page says "offline" only when it is.

/** A signed-in GET that answers 401 once the session has ended (docs/api.md). */
const SESSION_CHECK = "/api/me";
/** A check with no answer by then counts as unreachable (a phone with a signal bar and no data). */
const CHECK_TIMEOUT_MS = 10000;
/** The server's frame limit in UTF-16 code units of the JSON text (docs/chat-protocol.md). */
const FRAME_LIMIT = 16384;

export class Connection {
  constructor({ signInPath }) {
    this.signInPath = signInPath;
    this.handlers = new Map();
    this.attempt = 0;
    this.socket = null;
    this.stopped = false;
    this.timer = null;
    // A phone that loses its signal says so at once; a socket may take a minute to notice.
    window.addEventListener("offline", () => {
      this.emit("reachable", false);
      if (this.socket) this.socket.close();
    });
    window.addEventListener("online", () => {
      if (this.socket || this.stopped) return;
      clearTimeout(this.timer);
      this.attempt = 0;
      this.open();
    });
  }

  on(type, handler) {
    if (!this.handlers.has(type)) this.handlers.set(type, []);
    this.handlers.get(type).push(handler);
  }

  emit(type, value) {
    (this.handlers.get(type) || []).forEach((h) => h(value));
  }

  open() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(`${scheme}//${location.host}/ws`);
    this.socket = socket;
    let opened = false;
    socket.addEventListener("open", () => {
      opened = true;
      this.attempt = 0;
      this.emit("reachable", true);
      this.emit("open");
    });
    socket.addEventListener("message", (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      this.emit(frame.type, frame);
    });
    socket.addEventListener("close", (event) => {
      this.socket = null;
      this.emit("closed", event.code);
      if (event.code === 1008) {
        this.signedOut();
        return;
      }
      if (this.stopped) return;
      // An upgrade refused with 401 (signed out while this socket was down) reaches a page only as
      // a socket that failed (1006), like having no signal: ask over HTTP which it was.
      if (!opened) this.checkSession();
      this.retry();
    });
  }

  async checkSession() {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), CHECK_TIMEOUT_MS);
    let response;
    try {
      response = await fetch(SESSION_CHECK, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" }, signal: abort.signal });
    } catch (e) {
      response = null;
    } finally {
      clearTimeout(timer);
    }
    if (response && response.status === 401) {
      this.signedOut();
    } else if (!this.connected) {
      // Any answer at all means the network is there: the socket failed for another reason.
      this.emit("reachable", response !== null);
    }
  }

  /** Signed out, session expired or access revoked: to the sign-in page, which says so. */
  signedOut() {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    location.assign(this.signInPath + "?expired=1");
  }

  retry() {
    // 1 s, 2 s, 4 s … 30 s, with jitter so a restart is not met by every phone at once.
    const base = Math.min(30000, 1000 * 2 ** this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => this.open(), base / 2 + Math.random() * base / 2);
  }

  get connected() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  send(frame) {
    if (!this.connected) return false;
    const text = JSON.stringify(frame);
    if (text.length > FRAME_LIMIT) {
      // The server would close the socket (1009), and the outbox's resend would close it again on
      // every reconnect: refused here instead, as the server refuses a text over its limit.
      this.emit("error", { type: "error", code: "too_long", ref: frame.clientId, message: "That's too long to send in one go. Please make it shorter." });
      return false;
    }
    this.socket.send(text);
    return true;
  }
}
