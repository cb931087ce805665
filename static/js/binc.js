// Move keyboard and screen-reader focus to the error summary after a failed submit, so the
// user hears what went wrong and can jump from there to each field.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-focus-on-load]");
  if (summary) summary.focus();
});
