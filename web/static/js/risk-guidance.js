// The staff guidance for each risk category (GET /api/safety/guidance): title, steps and help cards.
// Fetched once per page load: it changes only when Harbour restarts with a new guidance file. It
// holds nobody's words, only what staff should do.
import { getJson } from "./api.js";

let loading = null;
let categories = null;

/** Resolves to {categoryId: {title, steps, cards}}, in the server's order; a failed load is tried again on the next call. */
export function loadGuidance() {
  if (!loading) {
    loading = getJson("/api/safety/guidance").then(
      (body) => {
        categories = body.categories || {};
        return categories;
      },
      (error) => {
        loading = null;
        throw error;
      },
    );
  }
  return loading;
}

/** The guidance once loaded, else null. */
export function guidance() {
  return categories;
}

/** A category's title ("Suicide or self-harm"), or null before the guidance has loaded. */
export function titleOf(categoryId) {
  return categories && categories[categoryId] ? categories[categoryId].title : null;
}

/** "suicide or self-harm, no safe place tonight", or null while any title is unknown. */
export function riskWords(categoryIds) {
  const titles = (categoryIds || []).map(titleOf);
  if (!titles.length || titles.some((t) => !t)) return null;
  return titles.map((t) => t.charAt(0).toLowerCase() + t.slice(1)).join(", ");
}
