// The pages' actions: each one calls the JSON API under /api/v1 with the page's CSRF token and
// then reloads or moves on. No framework, no build step.
"use strict";

(function () {
  const API = "/api/v1";

  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  function showNotice(message, ok) {
    const notice = document.getElementById("notice");
    if (!notice) return;
    notice.textContent = message;
    notice.classList.toggle("ok", !!ok);
    notice.hidden = false;
    notice.scrollIntoView({ block: "nearest" });
  }

  async function call(method, path, body) {
    const options = { method: method, credentials: "same-origin", headers: { "X-CSRF-Token": csrfToken() } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(API + path, options);
    if (response.status === 401 && path !== "/login") {
      // The session has ended: sign in again and come back here.
      window.location.assign("/sign-in?next=" + encodeURIComponent(window.location.pathname));
      return new Promise(() => {});
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Error((data && data.error) || "The request failed (" + response.status + ").");
    return data;
  }

  // Runs `action` for a button or form, showing its error in the notice area.
  function guarded(control, action) {
    return async function (event) {
      if (event) event.preventDefault();
      if (control) control.disabled = true;
      try {
        await action(event);
      } catch (error) {
        showNotice(error.message);
      } finally {
        if (control) control.disabled = false;
      }
    };
  }

  function on(id, type, handler) {
    const element = document.getElementById(id);
    if (element) element.addEventListener(type, handler(element));
  }

  function applicationId() {
    const element = document.getElementById("application");
    return element ? element.dataset.id : "";
  }

  // --- account ---------------------------------------------------------------------------
  on("sign-out", "click", (button) => guarded(button, async () => {
    await call("POST", "/logout");
    window.location.assign("/sign-in");
  }));

  on("sign-in-form", "submit", (form) => guarded(form.querySelector("button"), async () => {
    const error = document.getElementById("sign-in-error");
    error.hidden = true;
    try {
      await call("POST", "/login", { email: form.email.value, password: form.password.value });
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      form.password.focus();
      return;
    }
    window.location.assign(form.dataset.next || "/");
  }));

  // --- agency ----------------------------------------------------------------------------
  on("start-form", "submit", (form) => guarded(form.querySelector("button"), async () => {
    const created = await call("POST", "/applications", { type: form.type.value });
    window.location.assign("/agency/applications/" + created.id);
  }));

  on("upload-form", "submit", (form) => guarded(form.querySelector("button"), () => {
    const input = form.querySelector('input[type="file"]');
    if (!input.files.length) throw new Error("Choose a file to upload first.");
    const progress = document.getElementById("upload-progress");
    const status = document.getElementById("upload-status");
    const body = new FormData();
    body.append("file", input.files[0]);
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("POST", API + "/applications/" + form.dataset.application + "/documents");
      request.setRequestHeader("X-CSRF-Token", csrfToken());
      request.upload.addEventListener("progress", (event) => {
        if (!event.lengthComputable) return;
        progress.hidden = false;
        progress.value = Math.round((100 * event.loaded) / event.total);
        status.textContent = "Uploading: " + progress.value + "%";
      });
      request.addEventListener("load", () => {
        if (request.status === 201) {
          status.textContent = "Uploaded. Reading and checking it now.";
          window.location.reload();
          resolve();
          return;
        }
        let message = "The upload failed (" + request.status + ").";
        try { message = JSON.parse(request.responseText).error || message; } catch (ignored) { /* not JSON */ }
        status.textContent = "";
        progress.hidden = true;
        reject(new Error(message));
      });
      request.addEventListener("error", () => reject(new Error("The upload did not reach the service. Check the connection and try again.")));
      request.send(body);
    });
  }));

  // The training roster: stored whole, or refused with every problem listed by row and column.
  function showRosterProblems(problems) {
    const box = document.getElementById("roster-problems");
    const list = document.getElementById("roster-problem-list");
    if (!box || !list) return;
    list.textContent = "";
    problems.forEach((problem) => {
      let where = problem.row > 0 ? "row " + problem.row : "";
      if (problem.column) where += (where ? ", " : "") + "column " + problem.column;
      const item = document.createElement("li");
      item.textContent = where ? where + ": " + problem.message : problem.message;
      list.appendChild(item);
    });
    box.hidden = problems.length === 0;
    if (problems.length) box.scrollIntoView({ block: "nearest" });
  }

  on("roster-form", "submit", (form) => guarded(form.querySelector("button"), async () => {
    const input = form.querySelector('input[type="file"]');
    if (!input.files.length) throw new Error("Choose the roster file (CSV) first.");
    const status = document.getElementById("roster-status");
    showRosterProblems([]);
    const body = new FormData();
    body.append("file", input.files[0]);
    status.textContent = "Uploading the roster.";
    const response = await fetch(API + "/applications/" + form.dataset.application + "/roster", {
      method: "PUT", credentials: "same-origin", headers: { "X-CSRF-Token": csrfToken() }, body: body,
    });
    let data = null;
    try { data = await response.json(); } catch (ignored) { /* not JSON */ }
    if (response.ok) {
      status.textContent = "Roster stored.";
      window.location.reload();
      return;
    }
    status.textContent = "";
    if (data && Array.isArray(data.problems)) {
      showRosterProblems(data.problems);
      return;
    }
    throw new Error((data && data.error) || "The upload failed (" + response.status + ").");
  }));

  on("remove-roster", "click", (button) => guarded(button, async () => {
    await call("DELETE", "/applications/" + applicationId() + "/roster");
    window.location.reload();
  }));

  document.querySelectorAll("[data-remove]").forEach((button) => {
    button.addEventListener("click", guarded(button, async () => {
      await call("DELETE", "/applications/" + applicationId() + "/documents/" + button.dataset.remove);
      window.location.reload();
    }));
  });

  on("submit-application", "click", (button) => guarded(button, async () => {
    await call("POST", "/applications/" + button.dataset.application + "/submit");
    window.location.reload();
  }));

  // While documents are being read, ask every few seconds and reload once none is.
  const application = document.getElementById("application");
  if (application && application.dataset.pending) {
    const poll = async () => {
      try {
        const view = await call("GET", "/applications/" + application.dataset.id);
        const pending = view.documents.some((d) => d.status === "queued" || d.status === "extracting");
        if (!pending) { window.location.reload(); return; }
      } catch (ignored) { /* try again at the next tick */ }
      window.setTimeout(poll, 1500);
    };
    window.setTimeout(poll, 1000);
  }

  // --- reviewer --------------------------------------------------------------------------
  on("claim", "click", (button) => guarded(button, async () => {
    await call("POST", "/applications/" + button.dataset.application + "/claim");
    window.location.reload();
  }));

  on("release", "click", (button) => guarded(button, async () => {
    await call("POST", "/applications/" + button.dataset.application + "/release");
    window.location.reload();
  }));

  document.querySelectorAll("form.item-decision").forEach((form) => {
    const button = form.querySelector("button");
    form.addEventListener("submit", guarded(button, async () => {
      const chosen = form.querySelector('input[name="decision"]:checked');
      if (!chosen) throw new Error("Choose Accept or Needs changes for " + form.dataset.item + ".");
      await call("PUT", "/applications/" + applicationId() + "/items/" + encodeURIComponent(form.dataset.item),
                 { decision: chosen.value, comment: form.comment.value });
      form.querySelector(".saved").textContent = "Saved.";
      const item = form.closest(".item");
      item.classList.toggle("decided-deficient", chosen.value === "deficient");
      item.classList.toggle("decided-accepted", chosen.value === "accepted");
    }));
  });

  on("decision-form", "submit", (form) => guarded(form.querySelector("button"), async () => {
    const error = document.getElementById("decision-error");
    error.hidden = true;
    const chosen = form.querySelector('input[name="decision"]:checked');
    try {
      if (!chosen) throw new Error("Choose Approve or Return.");
      await call("POST", "/applications/" + form.dataset.application + "/decision",
                 { decision: chosen.value, message: form.message.value });
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      return;
    }
    window.location.reload();
  }));

  on("only-changed", "change", (box) => () => {
    const list = document.getElementById("checklist");
    if (list) list.classList.toggle("only-changed", box.checked);
  });

  // The status filter above a checklist: an unticked status hides its items. Applied at load
  // too, so items that do not apply start hidden (without script every item shows).
  const filter = document.getElementById("status-filter");
  if (filter) {
    const list = document.getElementById(filter.dataset.for);
    const apply = () => filter.querySelectorAll("input[type=checkbox]").forEach((box) => {
      list.classList.toggle("hide-" + box.value, !box.checked);
    });
    filter.addEventListener("change", apply);
    apply();
  }

  // A jump to a passage also outlines it for a moment, so the eye finds it.
  document.querySelectorAll("a.jump").forEach((link) => {
    link.addEventListener("click", () => {
      const anchor = document.getElementById(link.getAttribute("href").slice(1));
      let mark = anchor && anchor.nextElementSibling;
      while (mark && !mark.classList.contains("hl")) mark = mark.nextElementSibling;
      if (!mark) return;
      mark.classList.add("flash");
      window.setTimeout(() => mark.classList.remove("flash"), 2000);
    });
  });
})();
