// The offline page: fills in, from this phone's storage, the conversation as last seen
// (harbour.seen.*, written by last-seen.js) and the messages still waiting to be sent
// (harbour.outbox.*, the chat's outbox). Words go in as text, never as markup.
(() => {
  function stored(prefix) {
    try {
      return Object.keys(localStorage).filter((key) => key.startsWith(prefix)).map((key) => JSON.parse(localStorage.getItem(key)));
    } catch (e) {
      return [];
    }
  }

  function item(className, from, text, at) {
    const li = document.createElement("li");
    li.className = `message ${className}`;
    const who = document.createElement("p");
    who.className = "message-sender";
    who.textContent = from;
    const words = document.createElement("p");
    words.className = "message-text";
    words.textContent = text;
    li.append(who, words);
    if (at) {
      const meta = document.createElement("p");
      meta.className = "message-meta";
      meta.textContent = new Date(at).toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit" });
      li.append(meta);
    }
    return li;
  }

  const outbox = stored("harbour.outbox.").flat().filter((e) => e && e.text);
  const waiting = document.getElementById("offline-outbox");
  outbox.forEach((e) => waiting.append(item("mine", "You (not sent yet)", e.text, e.createdAt)));
  document.getElementById("offline-outbox-section").hidden = outbox.length === 0;

  const seen = stored("harbour.seen.").flatMap((s) => (s && s.messages) || []);
  const conversation = document.getElementById("offline-conversation");
  seen.forEach((m) => conversation.append(item(m.mine ? "mine" : m.card ? "card-message" : "", m.mine ? "You" : m.from, m.text, m.at)));
  document.getElementById("offline-conversation-section").hidden = seen.length === 0;

  document.getElementById("try-again").addEventListener("click", () => window.location.reload());
  window.addEventListener("online", () => window.location.reload());
})();
