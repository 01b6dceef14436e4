// Browser notifications for the console, only after the adviser turns them on with a button.
// Their words are always the same few generic lines: a notification can show on a locked screen
// or a shared monitor, so it never carries a name or anything a young person wrote.

const KEY = "harbour.console.notifications";
export const NOTICE_TITLE = "Harbour";
const BODIES = {
  waiting: "A young person is waiting",
  alert: "A young person has waited too long: please check Harbour",
  risk: "A young person may be at risk: please check Harbour now",
};

function preference() {
  try {
    return window.localStorage.getItem(KEY);
  } catch (error) {
    return null;
  }
}

function remember(value) {
  try {
    window.localStorage.setItem(KEY, value);
  } catch (error) {
    // Storage refused: the choice lasts for this page only.
  }
}

export class Notices {
  /** button: the on/off button; status: where the state is said; onOpen(conversationId) opens one. */
  constructor({ button, status, onOpen }) {
    this.button = button;
    this.status = status;
    this.onOpen = onOpen;
    this.wanted = preference() === "on";
    button.addEventListener("click", () => this.toggle());
    // The permission can change in the browser's site settings while the page is open.
    window.addEventListener("focus", () => this.render());
    this.render();
  }

  supported() {
    return typeof window.Notification === "function";
  }

  permission() {
    return this.supported() ? window.Notification.permission : "denied";
  }

  active() {
    return this.supported() && this.wanted && this.permission() === "granted";
  }

  async toggle() {
    if (!this.supported()) return;
    if (this.active()) {
      this.wanted = false;
      remember("off");
      this.render();
      return;
    }
    this.wanted = true;
    remember("on");
    if (this.permission() === "default") {
      try {
        await new Promise((resolve) => {
          // Older Safari takes a callback; everyone else returns a promise.
          const answer = window.Notification.requestPermission(resolve);
          if (answer && typeof answer.then === "function") answer.then(resolve, resolve);
        });
      } catch (error) {
        // Treated as "not allowed": render() says so.
      }
    }
    this.render();
  }

  render() {
    const button = this.button;
    if (!this.supported()) {
      button.hidden = true;
      this.status.textContent = "This browser cannot show notifications.";
      return;
    }
    const permission = this.permission();
    button.hidden = false;
    if (permission === "denied") {
      button.textContent = "Turn on notifications";
      this.status.textContent =
        "Your browser has blocked notifications from Harbour. To allow them, open this site's settings " +
        "(the icon just left of the web address), allow notifications, then reload this page.";
    } else if (this.active()) {
      button.textContent = "Turn off notifications";
      this.status.textContent = "Notifications are on. They only ever say that a young person is waiting.";
    } else {
      button.textContent = "Turn on notifications";
      this.status.textContent = "Notifications are off.";
    }
  }

  /**
   * Shows one notification for a conversation; a later one for the same conversation replaces it
   * (same tag). kind: "waiting" or "alert".
   */
  show(conversationId, kind) {
    if (!this.active()) return;
    try {
      const notice = new window.Notification(NOTICE_TITLE, {
        body: BODIES[kind] || BODIES.waiting,
        tag: `harbour-${conversationId}`,
        renotify: true,
        requireInteraction: kind === "alert" || kind === "risk",
      });
      notice.onclick = () => {
        window.focus();
        this.onOpen(conversationId);
        notice.close();
      };
    } catch (error) {
      // Some mobile browsers only allow notifications from a service worker: stay quiet.
    }
  }
}
