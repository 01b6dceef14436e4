// Installed before any page script (Page.addScriptToEvaluateOnNewDocument) by
// ConsoleAttentionBrowserTest: records sounds and notifications instead of making them, and lets
// the test say whether the page is hidden. It mimics the browser rules the console must cope
// with: audio stays suspended until the person has interacted with the page, and notification
// permission starts as "default" and is remembered per site.
(() => {
  const record = { plays: 0, oscillators: 0, notifications: [], lastNotification: null, hidden: false };
  window.__harbour = record;
  // Hear an alert repeat within a second instead of 30 s.
  window.HARBOUR_ALERT_REPEAT_MS = 600;

  let inBurst = false;
  class Param {
    constructor(value) { this.value = value; }
    setValueAtTime(value) { this.value = value; return this; }
    linearRampToValueAtTime() { return this; }
    exponentialRampToValueAtTime() { return this; }
  }
  class Node {
    connect(target) { return target; }
    disconnect() {}
  }
  class Oscillator extends Node {
    constructor() { super(); this.type = "sine"; this.frequency = new Param(440); }
    start() {
      record.oscillators++;
      // The notes of one sound start in one go: count them as one play.
      if (!inBurst) {
        inBurst = true;
        record.plays++;
        queueMicrotask(() => (inBurst = false));
      }
    }
    stop() {}
  }
  class Gain extends Node {
    constructor() { super(); this.gain = new Param(1); }
  }
  class RecordingAudioContext {
    constructor() { this.state = "suspended"; this.currentTime = 0; this.destination = new Node(); }
    resume() {
      return new Promise((resolve) => setTimeout(() => {
        if (navigator.userActivation && navigator.userActivation.hasBeenActive) this.state = "running";
        resolve();
      }, 0));
    }
    createOscillator() { return new Oscillator(); }
    createGain() { return new Gain(); }
  }
  window.AudioContext = RecordingAudioContext;
  window.webkitAudioContext = RecordingAudioContext;

  const PERMISSION = "test.notificationPermission";
  class RecordingNotification {
    constructor(title, options = {}) {
      this.title = title;
      this.body = options.body;
      this.tag = options.tag;
      record.notifications.push({ title, body: options.body, tag: options.tag });
      record.lastNotification = this;
    }
    close() {}
    static get permission() { return localStorage.getItem(PERMISSION) || "default"; }
    static requestPermission() {
      localStorage.setItem(PERMISSION, "granted");
      return Promise.resolve("granted");
    }
  }
  window.Notification = RecordingNotification;

  Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => record.hidden });
  Object.defineProperty(Document.prototype, "visibilityState", { configurable: true, get: () => (record.hidden ? "hidden" : "visible") });
})();
