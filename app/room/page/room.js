// The phone page of room voting. Every text from the server is set with textContent, so a
// title such as <script>alert(1)</script> shows as written; the page loads nothing but this
// script and its style sheet.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const words = JSON.parse($("words").textContent);
  const base = $("app").dataset.base;
  const storeKey = "bellwether-room:" + base;
  let session = sessionStorage.getItem(storeKey);
  let source = null;
  let finished = false;
  let chosen = null;
  let retry = null;
  let rows = new Map();
  let order = "";

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  function show(section) {
    for (const id of ["join", "vote", "closed"]) $(id).hidden = id !== section;
  }

  function say(text) {
    $("status").textContent = text || "";
  }

  async function call(method, path, body) {
    const headers = {};
    if (session) headers["X-Session"] = session;
    const options = { method, headers, cache: "no-store", credentials: "omit" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch(base + path, options);
    let data = {};
    try {
      data = await response.json();
    } catch (error) {
      data = {};
    }
    return { status: response.status, data };
  }

  function end(text) {
    finished = true;
    if (source) source.close();
    clearTimeout(retry);
    show("closed");
    $("closed-text").textContent = text;
    say("");
  }

  // --- joining -------------------------------------------------------------------------------

  async function seats() {
    session = null;
    sessionStorage.removeItem(storeKey);
    const answer = await call("GET", "/api/room");
    if (answer.status === 404) return end(words.gone);
    if (!answer.data.open) return end(words.closed);
    $("meeting").textContent = answer.data.title;
    $("who").textContent = "";
    const list = $("departments");
    list.replaceChildren();
    for (const seat of answer.data.departments) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.department = seat.id;
      button.setAttribute("aria-pressed", "false");
      const name = document.createElement("span");
      name.textContent = seat.name;
      button.append(name);
      if (seat.head) {
        const head = document.createElement("span");
        head.className = "head";
        head.textContent = seat.head;
        button.append(head);
      }
      button.addEventListener("click", () => pick(seat.id));
      list.append(button);
    }
    show("join");
  }

  function pick(id) {
    chosen = id;
    for (const button of $("departments").children) {
      button.setAttribute("aria-pressed", String(button.dataset.department === id));
    }
    $("code-form").hidden = false;
    $("join-error").textContent = "";
    $("code").focus();
  }

  async function submitCode(event) {
    event.preventDefault();
    const code = $("code").value.trim();
    $("code").value = "";
    if (!chosen || !code) return;
    const answer = await call("POST", "/api/join", { department: chosen, code });
    if (answer.status === 200) return joined(answer.data);
    if (answer.status === 404) return end(words.gone);
    if (answer.status === 410) return end(words.closed);
    $("join-error").textContent = answer.status === 429 ? words.wait : words.wrong;
  }

  async function card(token) {
    history.replaceState(null, "", location.pathname + location.search);
    const answer = await call("POST", "/api/join", { card: token });
    if (answer.status === 200) return joined(answer.data);
    if (answer.status === 410) return end(words.closed);
    if (answer.status === 404 && answer.data.error === undefined) return end(words.gone);
    await seats();
    $("join-error").textContent = words.wrong;
  }

  function joined(data) {
    session = data.session;
    sessionStorage.setItem(storeKey, session);
    listen();
  }

  // --- the live ballot ---------------------------------------------------------------------

  function listen() {
    if (finished || !session) return;
    clearTimeout(retry);
    if (source) source.close();
    source = new EventSource(base + "/api/events?s=" + encodeURIComponent(session));
    source.addEventListener("ballot", (event) => {
      say("");
      render(JSON.parse(event.data));
    });
    source.addEventListener("closed", () => end(words.closed));
    source.onerror = () => {
      if (finished) return;
      say(words.lost);
      if (source.readyState === EventSource.CLOSED) retry = setTimeout(recover, 2000);
    };
  }

  async function recover() {
    if (finished) return;
    let answer;
    try {
      answer = await call("GET", "/api/ballot");
    } catch (error) {
      retry = setTimeout(recover, 3000);
      return;
    }
    if (answer.status === 200) return listen();
    if (answer.status === 401) return seats();
    if (answer.status === 404) return end(words.gone);
    if (answer.status === 410) return end(words.closed);
    retry = setTimeout(recover, 3000);
  }

  function row(item) {
    const li = document.createElement("li");
    li.dataset.id = item.id;
    const text = document.createElement("div");
    const title = document.createElement("span");
    title.className = "title";
    const meta = document.createElement("span");
    meta.className = "meta";
    text.append(title, meta);
    const dots = document.createElement("div");
    dots.className = "dots";
    const take = document.createElement("button");
    take.type = "button";
    take.className = "take";
    take.textContent = "−";
    const mine = document.createElement("span");
    mine.className = "mine";
    const give = document.createElement("button");
    give.type = "button";
    give.className = "give";
    give.textContent = "+";
    take.addEventListener("click", () => vote(item.id, -1));
    give.addEventListener("click", () => vote(item.id, 1));
    dots.append(take, mine, give);
    li.append(text, dots);
    return { li, title, meta, take, mine, give };
  }

  function render(ballot) {
    show("vote");
    $("meeting").textContent = ballot.title;
    $("who").textContent = ballot.department;
    const budget = $("budget");
    budget.textContent = fill(words.left, { left: ballot.left, budget: ballot.budget });
    budget.classList.toggle("spent", ballot.left === 0);
    $("hidden-note").textContent = ballot.hidden ? words.hidden : "";
    const ids = ballot.requests.map((item) => item.id).join("\n");
    if (ids !== order) {
      rows = new Map(ballot.requests.map((item) => [item.id, row(item)]));
      $("requests").replaceChildren(...[...rows.values()].map((parts) => parts.li));
      order = ids;
    }
    for (const item of ballot.requests) {
      const parts = rows.get(item.id);
      parts.title.textContent = item.title;
      const meta = [item.department, item.effort];
      if (item.total !== undefined) meta.push(fill(words.total, { total: item.total }));
      parts.meta.textContent = meta.join(" · ");
      parts.mine.textContent = String(item.mine);
      parts.mine.setAttribute("aria-label", words.mine + ": " + item.mine);
      parts.give.disabled = ballot.left === 0;
      parts.take.disabled = item.mine === 0;
      parts.give.setAttribute("aria-label", fill(words.give, { title: item.title }));
      parts.take.setAttribute("aria-label", fill(words.take, { title: item.title }));
    }
  }

  async function vote(id, step) {
    let answer;
    try {
      answer = await call("POST", "/api/vote", { request: id, step });
    } catch (error) {
      return say(words.lost);
    }
    if (answer.status === 200) return;
    if (answer.status === 409 && step > 0) return say(words.spent);
    if (answer.status === 410) return end(words.closed);
    if (answer.status === 401) return seats();
    if (answer.status === 503) return say(words.slow);
  }

  // --- start -----------------------------------------------------------------------------------

  $("pick").textContent = words.pick;
  $("code-label").textContent = words.code;
  $("join-button").textContent = words.join;
  $("other").textContent = words.other;
  $("code-form").addEventListener("submit", submitCode);
  $("other").addEventListener("click", () => {
    if (source) source.close();
    seats();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && session && !finished) listen();
  });
  function cardInAddress() {
    return new URLSearchParams(location.hash.slice(1)).get("c");
  }
  window.addEventListener("hashchange", () => {
    const token = cardInAddress();
    if (token && !finished) card(token);
  });
  const cardToken = cardInAddress();
  if (cardToken) card(cardToken);
  else if (session) recover();
  else seats();
})();
