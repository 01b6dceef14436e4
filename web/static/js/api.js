// Small JSON helpers for Harbour's HTTP API: fetch a CSRF token, then send it back as X-XSRF-TOKEN.
export async function getJson(path) {
  const response = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body.error && body.error.message) || "Something went wrong.");
  return body;
}

export async function postJson(path, payload) {
  const { token } = await getJson("/api/csrf");
  const response = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-XSRF-TOKEN": token, Accept: "application/json" },
    body: JSON.stringify(payload),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body.error && body.error.message) || "Something went wrong.");
  return body;
}
