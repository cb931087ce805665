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

// Idle sessions end on the server after data-sessie-idle seconds (binc.sessies). Shortly
// before, a dialog offers to stay signed in; when the time is up, what was typed in the page's
// forms is kept in this tab (sessionStorage) and put back after signing in again.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.body;
  const sleutel = `binc-formulier:${location.pathname}`;
  const bewaard = sessionStorage.getItem(sleutel);
  if (bewaard && document.querySelector("main form")) {
    sessionStorage.removeItem(sleutel);
    const waarden = JSON.parse(bewaard);
    document.querySelectorAll("main form").forEach((form) => {
      Object.entries(waarden).forEach(([naam, waarde]) => {
        const veld = form.elements.namedItem(naam);
        if (!veld || naam === "csrfmiddlewaretoken") return;
        if (veld instanceof RadioNodeList || veld.type === "checkbox" || veld.type === "radio") {
          form.querySelectorAll(`[name="${naam}"]`).forEach((el) => {
            if (el.type === "checkbox" || el.type === "radio") el.checked = [].concat(waarde).includes(el.value);
            else el.value = waarde;
          });
        } else if (veld.type !== "file") {
          veld.value = waarde;
        }
      });
    });
    const melding = document.createElement("p");
    melding.className = "message message--warning";
    melding.setAttribute("role", "status");
    melding.textContent = "Wat je invulde voor je sessie verliep, staat terug in het formulier. Controleer het en sla op.";
    document.querySelector("main").prepend(melding);
  }
  if (!body.dataset.sessieIdle) return;
  const idle = Number(body.dataset.sessieIdle) * 1000;
  const waarschuwing = Number(body.dataset.sessieWaarschuwing) * 1000;
  let waarschuwTimer;
  let eindeTimer;
  const dialoog = document.createElement("div");
  dialoog.className = "sessie-waarschuwing";
  dialoog.setAttribute("role", "alertdialog");
  dialoog.setAttribute("aria-labelledby", "sessie-titel");
  dialoog.hidden = true;
  dialoog.innerHTML = '<p id="sessie-titel"><strong>Je sessie verloopt binnenkort.</strong> Je wordt over enkele minuten afgemeld omdat je niets deed.</p><button type="button" class="button">Aangemeld blijven</button>';
  body.append(dialoog);
  const bewaarFormulieren = () => {
    const waarden = {};
    document.querySelectorAll("main form[method=post]").forEach((form) => {
      new FormData(form).forEach((waarde, naam) => {
        if (waarde instanceof File) return;
        waarden[naam] = naam in waarden ? [].concat(waarden[naam], waarde) : waarde;
      });
    });
    if (Object.keys(waarden).length > 1) sessionStorage.setItem(sleutel, JSON.stringify(waarden));
  };
  const plan = () => {
    clearTimeout(waarschuwTimer);
    clearTimeout(eindeTimer);
    dialoog.hidden = true;
    waarschuwTimer = setTimeout(() => {
      dialoog.hidden = false;
      dialoog.querySelector("button").focus();
    }, Math.max(idle - waarschuwing, 0));
    eindeTimer = setTimeout(() => {
      bewaarFormulieren();
      location.reload();  // the server ends the session and asks to sign in again
    }, idle + 1000);
  };
  dialoog.querySelector("button").addEventListener("click", async () => {
    const csrf = JSON.parse(body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
    const antwoord = await fetch(body.dataset.sessieVerlengen, { method: "POST", headers: { "X-CSRFToken": csrf } });
    if (antwoord.ok) plan();
  });
  plan();
});

// Below the breakpoint the main menu folds behind one button (WCAG 1.4.10 Reflow: on a phone the
// content comes first); the CSS hides the list only while the button says it is closed.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector(".menu-knop");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    button.setAttribute("aria-expanded", String(button.getAttribute("aria-expanded") !== "true"));
  });
});

// A copy button beside a value shown once (a koppeling's client id and secret): copies the text
// of the element it names and says so. Without JavaScript the value stays selectable text.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("button[data-kopieer]").forEach((button) => {
    const bron = document.getElementById(button.dataset.kopieer);
    const melding = document.getElementById(`${button.dataset.kopieer}-gekopieerd`);
    if (!bron || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(bron.textContent.trim());
      if (melding) melding.textContent = "Gekopieerd.";
    });
  });
});
