// The console's sounds, made with the Web Audio API (nothing to download). On by default; the
// choice is kept per browser. Browsers keep audio suspended until the person has clicked or typed
// on the page, so the first click or key press resumes it; until then a sound is skipped quietly.
// Nothing here ever throws into the console: a browser without audio simply stays silent.

const KEY = "harbour.console.sound";

// Two rising notes for "someone is waiting"; three insistent ones for an alert.
const TUNES = {
  message: [
    { hz: 587, at: 0, length: 0.14 },
    { hz: 880, at: 0.17, length: 0.2 },
  ],
  alert: [
    { hz: 988, at: 0, length: 0.2 },
    { hz: 740, at: 0.25, length: 0.2 },
    { hz: 988, at: 0.5, length: 0.35 },
  ],
};

function stored() {
  try {
    return window.localStorage.getItem(KEY);
  } catch (error) {
    return null;
  }
}

export class Chime {
  constructor() {
    this.context = null;
    this.enabled = stored() !== "off";
    /** Called with true when a sound had to be skipped because the browser still blocks audio. */
    this.onBlocked = () => {};
  }

  setEnabled(enabled) {
    this.enabled = enabled;
    try {
      window.localStorage.setItem(KEY, enabled ? "on" : "off");
    } catch (error) {
      // Private browsing may refuse storage: the choice then lasts for this page only.
    }
    if (enabled) this.wake();
  }

  /** Resumes audio on the first click or key press anywhere on the page (the gesture browsers need). */
  unlockOn(target) {
    const wake = () => this.wake();
    target.addEventListener("pointerdown", wake, true);
    target.addEventListener("keydown", wake, true);
  }

  wake() {
    const context = this.audio();
    if (!context || context.state === "running") return;
    try {
      Promise.resolve(context.resume())
        .then(() => this.onBlocked(context.state !== "running"))
        .catch(() => {});
    } catch (error) {
      // Not allowed yet: the next gesture tries again.
    }
  }

  audio() {
    if (this.context) return this.context;
    const AudioContextClass = window.AudioContext || window.webkitAudioContext;
    if (!AudioContextClass) return null;
    try {
      this.context = new AudioContextClass();
    } catch (error) {
      this.context = null;
    }
    return this.context;
  }

  /** Plays "message" or "alert" if sound is on and the browser allows it; true when it played. */
  play(kind) {
    if (!this.enabled) return false;
    const context = this.audio();
    if (!context) return false;
    if (context.state !== "running") {
      // A late sound is worse than none: ask to resume for next time, and say why it was silent.
      this.wake();
      this.onBlocked(true);
      return false;
    }
    try {
      const start = context.currentTime + 0.01;
      for (const note of TUNES[kind] || TUNES.message) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = kind === "alert" ? "square" : "sine";
        oscillator.frequency.setValueAtTime(note.hz, start + note.at);
        // A short rise and fall, so the notes do not click.
        gain.gain.setValueAtTime(0.0001, start + note.at);
        gain.gain.exponentialRampToValueAtTime(kind === "alert" ? 0.25 : 0.2, start + note.at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + note.length);
        oscillator.connect(gain);
        gain.connect(context.destination);
        oscillator.start(start + note.at);
        oscillator.stop(start + note.at + note.length + 0.02);
      }
      this.onBlocked(false);
      return true;
    } catch (error) {
      return false;
    }
  }
}
