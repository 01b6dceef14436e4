// The console's "my week" panel: the signed-in adviser's own figures for the last 7 days.
import { getJson } from "./api.js";

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "–";
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")} min`;
}

function percent(share) {
  return share === null || share === undefined ? "–" : `${Math.round(share * 100)}%`;
}

export async function showMyWeek() {
  const panel = document.getElementById("my-week");
  const list = document.getElementById("my-week-figures");
  if (!panel || !list) return;
  try {
    const week = await getJson("/api/reports/me");
    const rows = [
      ["Conversations", String(week.episodes), "episodes"],
      ["Your first replies, median", duration(week.firstResponse.median), "firstResponse.median"],
      ["Your replies, median", duration(week.reply.median), "reply.median"],
      ["Resolved by you", String(week.resolved), "resolved"],
      ["Within SLA", percent(week.withinSla.share), "withinSla.share"],
      ["Found it helpful", percent(week.helpful.share), "helpful.share"],
    ];
    list.textContent = "";
    for (const [label, value, figure] of rows) {
      const dt = document.createElement("dt");
      dt.textContent = label;
      const dd = document.createElement("dd");
      dd.textContent = value;
      dd.dataset.figure = figure;
      list.append(dt, dd);
    }
    panel.hidden = false;
  } catch (e) {
    panel.hidden = true;
  }
}

showMyWeek();
