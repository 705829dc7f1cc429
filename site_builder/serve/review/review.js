// The review page: keyboard moves, and each action POSTed to /_review/api as JSON.
// After a write the page reloads (the server reads the files afresh) and focus returns
// to the card the editor is on, or the next draft after an accept or reject.
"use strict";
(function () {
  const main = document.getElementById("review");
  if (!main) return;
  const token = main.dataset.token;
  const hashes = JSON.parse(main.dataset.hashes || "{}");
  const cards = Array.from(document.querySelectorAll("article.card"));
  const status = document.getElementById("status");
  const problems = document.getElementById("problems");
  let current = null;

  function mark(card) {
    if (current) current.classList.remove("current");
    current = card;
    card.classList.add("current");
  }
  function focusCard(card) {
    if (!card) return;
    mark(card);
    card.focus({preventScroll: true});
    card.scrollIntoView({block: "nearest"});
  }
  function move(step) {
    const at = current ? cards.indexOf(current) : -1;
    focusCard(cards[Math.min(cards.length - 1, Math.max(0, at + step))]);
  }
  function nextDraft(card) {
    const at = cards.indexOf(card);
    return cards.slice(at + 1).find(c => c.dataset.state === "draft") || cards.slice(0, at).find(c => c.dataset.state === "draft") || card;
  }
  function target(card) {
    return {file: card.dataset.file, group: card.dataset.group, id: card.dataset.id};
  }
  function say(text) {
    status.textContent = text;
  }
  function showProblems(title, lines) {
    problems.querySelector(".problems-title").textContent = title;
    problems.querySelector("pre").textContent = lines.join("\n");
    problems.hidden = false;
  }

  async function send(body, focusAfter) {
    problems.hidden = true;
    say("Saving…");
    let response, data;
    try {
      response = await fetch("/_review/api", {
        method: "POST", headers: {"Content-Type": "application/json"}, credentials: "same-origin",
        body: JSON.stringify(Object.assign({token: token, hashes: hashes}, body)),
      });
      data = await response.json();
    } catch (err) {
      say("");
      showProblems("The preview server did not answer (is site-builder serve still running?)", [String(err)]);
      return;
    }
    if (response.ok) {
      sessionStorage.setItem("review-after", JSON.stringify({focus: focusAfter, message: data.message}));
      location.reload();
      return;
    }
    say("");
    showProblems(data.error || "Refused", data.problems || []);
  }

  function decide(card, state) {  // accept or reject, then on to the next draft
    act("review", card, {state: state}, nextDraft(card).id);
  }
  function act(kind, card, extra, focusAfter) {
    send(Object.assign({action: kind, target: target(card)}, extra || {}), focusAfter || card.id);
  }
  function toggle(card, selector, button) {
    const form = card.querySelector(selector);
    const opening = form.hidden;
    card.querySelectorAll("form").forEach(f => { f.hidden = true; });
    card.querySelectorAll("[aria-expanded]").forEach(b => b.setAttribute("aria-expanded", "false"));
    form.hidden = !opening;
    if (button) button.setAttribute("aria-expanded", String(opening));
    if (opening) {
      const first = form.querySelector("input, select, textarea");
      if (first) first.focus();
    } else {
      card.focus();
    }
    return form;
  }
  function openEdit(card) {
    toggle(card, "form.edit", card.querySelector("[data-action=edit]"));
  }
  function openMerge(card) {
    const form = card.querySelector("form.merge");
    const select = form.querySelector("select");
    if (!select.options.length) {
      for (const other of cards) {
        if (other !== card && other.dataset.group === card.dataset.group && other.dataset.state !== "rejected") {
          select.add(new Option(other.dataset.headline + " (" + other.dataset.id + ")", other.id));
        }
      }
      if (!select.options.length) select.add(new Option("(no other " + card.dataset.group + " to merge)", ""));
    }
    toggle(card, "form.merge", card.querySelector("[data-action=merge]"));
  }

  function fields(form, card) {
    const out = {};
    let strand = "";
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.name === "strand") { strand = el.value; continue; }
      const was = el.type === "checkbox" ? el.defaultChecked : (el.tagName === "SELECT" ? (Array.from(el.options).find(o => o.defaultSelected) || {}).value : el.defaultValue);
      const now = el.type === "checkbox" ? el.checked : el.value;
      if (now !== was) out[el.name] = now;
    }
    return {fields: out, strand: strand !== card.dataset.strand ? strand : ""};
  }

  for (const card of cards) {
    card.addEventListener("focusin", () => { if (current !== card) mark(card); });
    card.addEventListener("click", event => {
      const button = event.target.closest("button[data-action]");
      if (!button) return;
      const kind = button.dataset.action;
      if (kind === "accept") decide(card, "reviewed");
      else if (kind === "reject") decide(card, "rejected");
      else if (kind === "edit") openEdit(card);
      else if (kind === "merge") openMerge(card);
      else if (kind === "close") toggle(card, "form:not([hidden])", null);
    });
    card.querySelector("form.edit").addEventListener("submit", event => {
      event.preventDefault();
      act("edit", card, fields(event.target, card));
    });
    card.querySelector("form.merge").addEventListener("submit", event => {
      event.preventDefault();
      const other = document.getElementById(event.target.elements.other.value);
      if (other) act("merge", card, {other: target(other)});
    });
  }

  document.addEventListener("keydown", event => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target.closest && event.target.closest("input, select, textarea");
    if (event.key === "Escape") {
      if (current) { const open = current.querySelector("form:not([hidden])"); if (open) toggle(current, "form:not([hidden])", null); }
      return;
    }
    if (typing) return;
    const card = current;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": if (card) decide(card, "reviewed"); break;
      case "r": if (card) decide(card, "rejected"); break;
      case "e": if (card) openEdit(card); break;
      case "m": if (card) openMerge(card); break;
      case "u": send({action: "undo"}, card ? card.id : ""); break;
      default: return;
    }
    event.preventDefault();
  });

  const after = JSON.parse(sessionStorage.getItem("review-after") || "null");
  sessionStorage.removeItem("review-after");
  if (after) {
    say(after.message || "");
    focusCard(document.getElementById(after.focus) || cards.find(c => c.dataset.state === "draft") || cards[0]);
  } else if (location.hash && document.getElementById(location.hash.slice(1))) {
    focusCard(document.getElementById(location.hash.slice(1)));
  } else {
    focusCard(cards.find(c => c.dataset.state === "draft") || cards[0]);
  }
})();
