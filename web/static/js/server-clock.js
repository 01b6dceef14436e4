// Harbour's time, as near as the console can tell: the browser's clock plus the difference seen
// in the server's own timestamps (the staff welcome's onCall.at, oncall frames, acks). A wrong
// device clock, or a test's fixed clock on the server, then does not change how long someone has
// waited.
export class ServerClock {
  constructor() {
    this.offset = 0;
  }

  /** A time the server says is now (give it only fresh timestamps, never a stored message's). */
  heard(iso) {
    const at = iso ? Date.parse(iso) : NaN;
    if (!Number.isNaN(at)) this.offset = at - Date.now();
  }

  now() {
    return Date.now() + this.offset;
  }

  /** Whole minutes from an ISO time until now, never below 0. */
  minutesSince(iso) {
    const at = Date.parse(iso);
    return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((this.now() - at) / 60000));
  }
}

/** "3 min", "1 h 5 min": how long, in words short enough for a queue line. */
export function duration(minutes) {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
