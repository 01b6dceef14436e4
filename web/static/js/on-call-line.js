// The console's line saying who is on shift, from the staff on-call view (the welcome frame, an
// oncall frame whenever the shift or the rota changes, GET /api/on-call), with each person's
// status kept current from presence frames.
const STATUS = { available: "available", busy: "busy", away: "away", offline: "not signed in" };

function person(p) {
  return `${p.name} (${STATUS[p.availability] || p.availability})`;
}

export class OnCallLine {
  constructor(element) {
    this.element = element;
    this.info = null;
  }

  show(info) {
    if (!info) return;
    this.info = info;
    this.render();
  }

  /** A presence frame: one person's status changed. */
  presence(frame) {
    if (!this.info) return;
    const status = frame.connected ? frame.status : "offline";
    let changed = false;
    [this.info.onCall, this.info.backup, this.info.dutyManagers].forEach((people) =>
      (people || []).forEach((p) => {
        if (p.username === frame.username && p.availability !== status) {
          p.availability = status;
          changed = true;
        }
      }),
    );
    if (changed) this.render();
  }

  /** A member of staff's name, if the view names them; else their username. */
  name(username) {
    const info = this.info || {};
    const everyone = [...(info.advisers || []), ...(info.onCall || []), ...(info.backup || []), ...(info.dutyManagers || [])];
    const found = everyone.find((p) => p.username === username);
    return found && found.name ? found.name : username;
  }

  render() {
    const info = this.info;
    const onCall = (info.onCall || []).map(person).join(", ");
    const backup = (info.backup || []).map(person).join(", ");
    const managers = (info.dutyManagers || []).map((p) => p.name).join(", ");
    const lines = [];
    if (info.officeHours) lines.push("Office hours: personal advisers are at work.");
    if (onCall) lines.push(`On call: ${onCall}.`);
    else if (!info.officeHours) lines.push("Nobody is on call right now.");
    if (backup) lines.push(`Backup: ${backup}.`);
    if (managers) lines.push(`Duty manager: ${managers}.`);
    this.element.textContent = lines.join(" ");
  }
}
