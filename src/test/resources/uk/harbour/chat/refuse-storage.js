// Loaded before every page (Page.addScriptToEvaluateOnNewDocument): the browser refuses to store
// anything, as a full quota or some private modes do, by throwing from localStorage.setItem.
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
