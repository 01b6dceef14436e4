// The console's "Forgotten passphrase: make a new invite" control (partials/console-reinvite.hbs):
// an on-call adviser, after checking who a young person is, gets a new invite code to read to them.
import { postJson } from "./api.js";

const form = document.getElementById("reinvite-form");
const problem = document.getElementById("reinvite-problem");
const result = document.getElementById("reinvite-result");

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  problem.hidden = true;
  result.hidden = true;
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const invite = await postJson("/api/on-call/invites", {
      name: document.getElementById("reinvite-name").value,
      dateOfBirth: document.getElementById("reinvite-dob").value,
      checked: document.getElementById("reinvite-checked").value,
    });
    const lines = [
      `New invite for ${invite.firstName}. Read them the code: ${invite.code}`,
      `They type it at /join and choose a new passphrase or PIN. It works until ${invite.expires}; older invites no longer work.`,
    ];
    result.replaceChildren(...lines.map((line) => Object.assign(document.createElement("p"), { textContent: line })));
    result.hidden = false;
    form.reset();
  } catch (error) {
    problem.textContent = error.message;
    problem.hidden = false;
  } finally {
    button.disabled = false;
  }
});
