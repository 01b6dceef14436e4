// "Exit this page", after GOV.UK's pattern: the button or Shift pressed three times replaces this
// page with a neutral site at once, so Back does not come back here, and wipes what a young person
// had typed but not yet sent from this device. Also clears unsent messages when someone signs out,
// after asking if there are any.
(() => {
  const SHIFT_PRESSES = 3;
  const WINDOW_MS = 5000;

  /**
   * Unsent messages (the chat's outbox), drafts and the conversation as last seen (kept for the
   * offline page), on this device, for every account.
   */
  function wipeUnsent() {
    // Tells the chat's savers (last-seen.js) not to write anything back as the page goes.
    document.documentElement.dataset.wiped = "true";
    try {
      Object.keys(window.localStorage)
        .filter((key) => ["harbour.outbox.", "harbour.draft.", "harbour.seen."].some((prefix) => key.startsWith(prefix)))
        .forEach((key) => window.localStorage.removeItem(key));
      window.sessionStorage.clear();
    } catch (e) {
      // Storage may be blocked (private mode): there is then nothing kept to wipe.
    }
    document.querySelectorAll("textarea, input[type=text], input[type=search]").forEach((field) => {
      field.value = "";
    });
  }

  function exit(url) {
    wipeUnsent();
    // Hide everything at once, even before the neutral site starts to load.
    document.documentElement.classList.add("exiting");
    window.location.replace(url);
  }

  const button = document.querySelector("[data-quick-exit]");
  if (button) {
    button.addEventListener("click", (event) => {
      event.preventDefault();
      exit(button.href);
    });
    let presses = 0;
    let timer = null;
    document.addEventListener("keyup", (event) => {
      if (event.key !== "Shift") {
        presses = 0;
        return;
      }
      presses += 1;
      clearTimeout(timer);
      timer = setTimeout(() => { presses = 0; }, WINDOW_MS);
      if (presses >= SHIFT_PRESSES) exit(button.href);
    });
  }

  /** Messages in an outbox on this device, not yet acknowledged by Harbour. */
  function unsentCount() {
    try {
      return Object.keys(window.localStorage)
        .filter((key) => key.startsWith("harbour.outbox."))
        .reduce((count, key) => count + (JSON.parse(window.localStorage.getItem(key) || "[]").length || 0), 0);
    } catch (e) {
      return 0;
    }
  }

  // Signing out wipes what is unsent, so it asks first when something is: a message written with no
  // signal is still waiting to go. Quick exit never asks (it must be instant).
  document.querySelectorAll('form[action="/signout"], form[action="/signout/everywhere"]').forEach((form) => {
    form.addEventListener("submit", (event) => {
      const unsent = unsentCount();
      const what = unsent === 1 ? "1 message has" : `${unsent} messages have`;
      if (unsent > 0 && !window.confirm(`${what} not been sent yet. If you sign out now, ${unsent === 1 ? "it" : "they"} will be deleted from this device and nobody will get ${unsent === 1 ? "it" : "them"}. Sign out anyway?`)) {
        event.preventDefault();
        return;
      }
      wipeUnsent();
    });
  });
})();
