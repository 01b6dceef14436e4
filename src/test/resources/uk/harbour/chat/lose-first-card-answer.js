// Installed before the page's own scripts: the answer to the first help card sent is lost on its way
// back, though Harbour stored the card, as when the network drops just then.
(() => {
  const nativeFetch = window.fetch;
  let lost = false;
  window.fetch = async (url, options) => {
    const response = await nativeFetch(url, options);
    if (!lost && options && options.method === "POST" && String(url).endsWith("/cards")) {
      lost = true;
      throw new TypeError("Failed to fetch");
    }
    return response;
  };
})();
