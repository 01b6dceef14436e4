// Young people's forms, after GOV.UK's patterns: the error summary takes focus when the page opens
// (so it is read first), and of radio choices with fields of their own ("conditional reveal") only
// the chosen one's fields show. Without JavaScript every field shows and the server reads only the
// chosen way.
(() => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  document.querySelectorAll("input[type=radio][aria-controls]").forEach((radio) => {
    const group = document.querySelectorAll(`input[type=radio][name="${radio.name}"][aria-controls]`);
    const show = () =>
      group.forEach((r) => {
        const panel = document.getElementById(r.getAttribute("aria-controls"));
        if (panel) panel.hidden = !r.checked;
      });
    radio.addEventListener("change", show);
    show();
  });
})();
