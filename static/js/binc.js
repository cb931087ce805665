// Move keyboard and screen-reader focus to the error summary after a failed submit, so the
// user hears what went wrong and can jump from there to each field.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-focus-on-load]");
  if (summary) summary.focus();
});

// 'België' quick button next to a field (000 §3.3.1): fills the usual answer in one click.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-shortcut]").forEach((input) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary button--small";
    button.textContent = input.dataset.shortcut;
    button.setAttribute("aria-label", `${input.dataset.shortcut} invullen`);
    button.addEventListener("click", () => {
      input.value = input.dataset.shortcut;
      input.focus();
    });
    input.insertAdjacentElement("afterend", button);
  });
});

// Show a field only when the answer it depends on is given (data-show-when="name=value").
// The server applies the same rule, so hiding is a convenience, never a rule.
document.addEventListener("DOMContentLoaded", () => {
  const wrappers = document.querySelectorAll("[data-show-when]");
  const update = () => {
    wrappers.forEach((wrapper) => {
      const [name, value] = wrapper.dataset.showWhen.split("=");
      const checked = document.querySelector(`[name="${name}"]:checked`);
      const select = document.querySelector(`select[name="${name}"]`);
      const current = checked ? checked.value : select ? select.value : "";
      wrapper.hidden = !value.split("|").includes(current);
    });
  };
  if (wrappers.length) {
    document.addEventListener("change", update);
    update();
  }
});
