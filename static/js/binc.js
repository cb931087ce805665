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

// Show a field only when an answer it depends on is given (data-show-when="name=v1|v2"), and
// lock fields while a box is ticked (data-lock-when="name=on", e.g. a verlenging copies the
// previous schakeling). The server applies the same rules: this is a convenience, never a rule.
document.addEventListener("DOMContentLoaded", () => {
  const chosen = (name) => {
    const checked = [...document.querySelectorAll(`[name="${name}"]:checked`)].map((el) => el.value);
    const select = document.querySelector(`select[name="${name}"]`);
    return select ? [select.value] : checked;
  };
  const matches = (condition) => {
    const [name, values] = condition.split("=");
    return values.split("|").some((value) => chosen(name).includes(value));
  };
  const update = () => {
    document.querySelectorAll("[data-show-when]").forEach((wrapper) => {
      wrapper.hidden = !matches(wrapper.dataset.showWhen);
    });
    document.querySelectorAll("[data-lock-when]").forEach((wrapper) => {
      const locked = matches(wrapper.dataset.lockWhen);
      wrapper.querySelectorAll("input, select, textarea").forEach((el) => { el.disabled = locked; });
    });
  };
  if (document.querySelector("[data-show-when], [data-lock-when]")) {
    document.addEventListener("change", update);
    update();
  }
});

// The blue plus of a recipient list (000 §18.1): adds an empty row from the <template> without
// posting the form, so a chosen file stays chosen. Without JavaScript the button posts the form
// back with one more row.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("button[data-add-row]").forEach((button) => {
    const prefix = button.dataset.addRow;
    const total = document.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
    const template = document.getElementById(`${prefix}-leeg`);
    const rows = document.querySelector(`[data-formset="${prefix}"]`);
    button.addEventListener("click", (event) => {
      event.preventDefault();
      const index = Number(total.value);
      const html = template.innerHTML.replaceAll("__prefix__", index).replaceAll("__nummer__", index + 1);
      rows.insertAdjacentHTML("beforeend", html);
      total.value = index + 1;
      rows.lastElementChild.querySelector("input")?.focus();
    });
  });
});
