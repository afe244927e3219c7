// AutoRespond web console: plain JavaScript, no external resources. Every call sends the key from this tab's
// session storage as a bearer token; the server decides what the key's role may see and do.
"use strict";

const view = document.getElementById("view");
const statusBox = document.getElementById("status");
const keyInput = document.getElementById("api-key");

function key() { return sessionStorage.getItem("autorespond-key") || ""; }

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else if (name === "class") el.className = value;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function say(text, kind) { statusBox.textContent = text || ""; statusBox.className = kind || ""; }

async function api(method, path, body, contentType) {
  const headers = { "Authorization": "Bearer " + key() };
  let payload;
  if (body !== undefined) {
    headers["Content-Type"] = contentType || "application/json";
    payload = contentType ? body : JSON.stringify(body);
  }
  const response = await fetch("/api/v1" + path, { method, headers, body: payload });
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    let text = (data && data.detail) || (data && data.title) || String(response.status);
    if (data && data.errors) text = Object.entries(data.errors).map(([f, m]) => f + ": " + m.join(", ")).join("; ");
    throw new Error(response.status + " " + text);
  }
  return data;
}

const fmt = {
  time: t => t ? new Date(t).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z") : "",
  score: s => (typeof s === "number" ? s.toFixed(2) : ""),
  state: s => h("span", { class: "state " + s }, s),
};

function table(id, columns, rows, rowAttrs) {
  return h("table", { id },
    h("thead", {}, h("tr", {}, columns.map(c => h("th", {}, c[0])))),
    h("tbody", {}, rows.map(r => h("tr", rowAttrs ? rowAttrs(r) : {}, columns.map(c => h("td", {}, c[1](r)))))));
}

// ---------- incidents ----------
async function incidents() {
  const list = await api("GET", "/incidents?limit=200");
  view.replaceChildren(h("h2", {}, "Incidents"),
    list.length === 0 ? h("p", { class: "muted" }, "No incidents yet.") :
    table("incident-table", [
      ["Last seen", i => fmt.time(i.last_seen)], ["Device", i => i.device.ip + (i.device.hostname ? " (" + i.device.hostname + ")" : "")],
      ["Score", i => h("span", { class: "score" }, fmt.score(i.score))], ["Category", i => i.category],
      ["Models", i => i.models.length], ["State", i => fmt.state(i.state)],
      ["Summary", i => h("span", { title: i.summary }, i.summary.length > 200 ? i.summary.slice(0, 200) + "…" : i.summary)],
    ], list, i => ({ class: "clickable incident-row", "data-incident-id": i.id, onclick: () => { location.hash = "#/incidents/" + encodeURIComponent(i.id); } })));
}

async function incident(id) {
  const d = await api("GET", "/incidents/" + encodeURIComponent(id));
  const i = d.incident;
  view.replaceChildren(
    h("h2", { id: "incident-title" }, "Incident " + i.id),
    h("div", { class: "cards" },
      h("div", { class: "card" }, h("div", { class: "muted" }, "Device"), i.device.ip, i.device.hostname ? " " + i.device.hostname : "",
        i.device.zone ? " · " + i.device.zone : ""),
      h("div", { class: "card" }, h("div", { class: "muted" }, "Score"), h("span", { class: "score", id: "incident-score" }, fmt.score(i.score))),
      h("div", { class: "card" }, h("div", { class: "muted" }, "Category"), i.category, " · ATT&CK ", i.attack.join(", ")),
      h("div", { class: "card" }, h("div", { class: "muted" }, "State"), fmt.state(i.state), " ",
        i.state === "open" ? h("button", { id: "acknowledge", onclick: () => act(() => api("POST", "/incidents/" + encodeURIComponent(id) + "/acknowledge", {}), "acknowledged") }, "Acknowledge") : "")),
    h("h3", {}, "Timeline"), timeline(d),
    h("h3", {}, "Actions"), actionTable("incident-actions", d.actions),
    h("h3", {}, "Narrative"), h("ol", { class: "narrative" }, d.narrative.map(n => h("li", {}, n))),
    h("h3", {}, "Breaches and evidence"),
    table("breach-table", [
      ["Time", b => fmt.time(b.time)], ["Model", b => b.model], ["Score", b => fmt.score(b.score)], ["Summary", b => b.summary],
      ["Evidence", b => h("details", {}, h("summary", {}, "evidence"), h("pre", {}, JSON.stringify(b.evidence, null, 2)))],
    ], d.breaches));
}

// The reference figure: the device's steps (one lane per model, a dot per breach coloured by its score) under the
// scores over time (each breach's score, and the incident's score as a line), with the actions on their own lane.
function timeline(d) {
  const ns = "http://www.w3.org/2000/svg";
  const models = [...new Set(d.breaches.map(b => b.model))];
  const laneH = 18, top = 20, scoreH = 110, lanesTop = top + scoreH + 24;
  const height = lanesTop + (models.length + 1) * laneH + 30, left = 230, right = 980;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "timeline"); svg.setAttribute("id", "timeline");
  svg.setAttribute("viewBox", "0 0 1000 " + height); svg.style.height = height + "px";
  const el = (tag, attrs, text) => { const e = document.createElementNS(ns, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text) e.textContent = text; svg.append(e); return e; };
  const times = d.breaches.map(b => Date.parse(b.time)).concat(d.actions.map(a => Date.parse(a.created_at)));
  if (times.length === 0) return svg;
  const t0 = Math.min(...times), t1 = Math.max(...times, t0 + 60000);
  const x = t => left + (t - t0) / (t1 - t0) * (right - left);
  const y = s => top + scoreH - s * scoreH;
  const colour = s => s >= 0.95 ? "#b3261e" : s >= 0.8 ? "#d9730d" : s >= 0.6 ? "#c9a400" : "#6b7a90";
  // scores over time
  el("text", { x: 10, y: top + 10 }, "score");
  for (const s of [0, 0.5, 1]) {
    el("line", { x1: left, y1: y(s), x2: right, y2: y(s), stroke: "#e3e7ee" });
    el("text", { x: left - 8, y: y(s) + 4, "text-anchor": "end" }, s.toFixed(1));
  }
  let best = 0, path = "";
  d.breaches.forEach((b, n) => {
    best = Math.max(best, b.score);
    path += (n === 0 ? "M" : "L") + x(Date.parse(b.time)).toFixed(1) + "," + y(best).toFixed(1) + " ";
  });
  el("path", { d: path, fill: "none", stroke: "#1f5fbf", "stroke-width": 2 });
  for (const b of d.breaches) {
    const c = el("circle", { cx: x(Date.parse(b.time)), cy: y(b.score), r: 4, fill: colour(b.score), class: "breach-point" });
    const title = document.createElementNS(ns, "title"); title.textContent = b.model + " " + fmt.score(b.score) + " " + fmt.time(b.time); c.append(title);
  }
  // steps: one lane per model, then the actions
  models.forEach((m, i) => {
    const ly = lanesTop + i * laneH;
    el("text", { x: left - 8, y: ly + 4, "text-anchor": "end" }, m);
    el("line", { x1: left, y1: ly, x2: right, y2: ly, stroke: "#eef1f5" });
    for (const b of d.breaches.filter(b => b.model === m)) el("circle", { cx: x(Date.parse(b.time)), cy: ly, r: 5, fill: colour(b.score) });
  });
  const ay = lanesTop + models.length * laneH;
  el("text", { x: left - 8, y: ay + 4, "text-anchor": "end" }, "actions");
  for (const a of d.actions) {
    const r = el("rect", { x: x(Date.parse(a.created_at)) - 4, y: ay - 4, width: 8, height: 8, fill: a.state === "awaiting-confirmation" ? "#9a6700" : "#1e7a3c" });
    const title = document.createElementNS(ns, "title"); title.textContent = a.kind + " " + a.state; r.append(title);
  }
  el("text", { x: left, y: height - 8 }, fmt.time(new Date(t0).toISOString()));
  el("text", { x: right, y: height - 8, "text-anchor": "end" }, fmt.time(new Date(t1).toISOString()));
  return svg;
}

// ---------- actions ----------
function actionButtons(a) {
  const id = encodeURIComponent(a.id);
  const buttons = [];
  if (a.state === "awaiting-confirmation") {
    buttons.push(h("button", { class: "primary approve", "data-action-id": a.id, onclick: () => act(() => api("POST", "/actions/" + id + "/approve", { reason: "approved in console" }), "approved " + a.id) }, "Approve"));
    buttons.push(h("button", { class: "danger deny", "data-action-id": a.id, onclick: () => act(() => api("POST", "/actions/" + id + "/deny", { reason: "denied in console" }), "denied " + a.id) }, "Deny"));
  }
  if (["executed", "applied", "requested", "dry-run"].includes(a.state)) {
    buttons.push(h("button", { class: "release", "data-action-id": a.id, onclick: () => act(() => api("POST", "/actions/" + id + "/release", { reason: "released in console" }), "released " + a.id) }, "Release"));
    buttons.push(h("button", { class: "extend", "data-action-id": a.id, onclick: () => {
      const by = prompt("Extend by (30m, 4h, 1d)", "1h"); if (by) act(() => api("POST", "/actions/" + id + "/extend", { by, reason: "extended in console" }), "extended " + a.id);
    } }, "Extend"));
  }
  return buttons;
}

function actionTable(id, list) {
  if (list.length === 0) return h("p", { class: "muted", id }, "None.");
  return table(id, [
    ["Created", a => fmt.time(a.created_at)], ["Kind", a => a.kind], ["Target", a => a.target], ["State", a => fmt.state(a.state)],
    ["Expires", a => fmt.time(a.expires_at)], ["Window", a => a.window || ""], ["Reason", a => a.reason], ["", a => actionButtons(a)],
  ], list, a => ({ "data-action-id": a.id, class: "action-row" }));
}

async function actions() {
  const [pending, active, recent] = await Promise.all([
    api("GET", "/actions?state=awaiting-confirmation"),
    api("GET", "/actions?state=executed,applied,requested"),
    api("GET", "/actions?limit=100"),
  ]);
  view.replaceChildren(
    h("h2", {}, "Pending confirmations"), actionTable("pending-table", pending),
    h("h2", {}, "Active actions"), actionTable("active-table", active),
    h("h2", {}, "Recent actions"), actionTable("recent-table", recent));
}

async function act(call, done) {
  try { await call(); say(done, "ok"); await route(); } catch (e) { say(e.message, "error"); }
}

// ---------- windows ----------
let month = null;
async function windows() {
  const now = new Date();
  month = month || new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const first = new Date(month), gridStart = new Date(first.getTime() - first.getUTCDay() * 86400000);
  const gridEnd = new Date(gridStart.getTime() + 42 * 86400000);
  const [list, occurrences] = await Promise.all([
    api("GET", "/windows"),
    api("GET", "/windows/occurrences?from=" + gridStart.toISOString() + "&to=" + gridEnd.toISOString()),
  ]);
  const cal = h("div", { class: "calendar", id: "calendar" }, ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].map(d => h("div", { class: "head" }, d)));
  for (let i = 0; i < 42; i++) {
    const day = new Date(gridStart.getTime() + i * 86400000), next = day.getTime() + 86400000;
    const here = occurrences.filter(o => Date.parse(o.start) < next && Date.parse(o.end) > day.getTime());
    cal.append(h("div", { class: "day" + (day.getUTCMonth() === first.getUTCMonth() ? "" : " other") }, String(day.getUTCDate()),
      here.map(o => h("span", { class: "occ " + o.effect, title: o.name + " " + fmt.time(o.start) + " – " + fmt.time(o.end) }, o.name))));
  }
  const shift = n => { month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + n, 1)); route(); };
  view.replaceChildren(
    h("h2", {}, "Change windows"),
    h("p", {}, h("button", { onclick: () => shift(-1) }, "◀"), " ", first.toISOString().slice(0, 7), " (UTC) ", h("button", { onclick: () => shift(1) }, "▶")),
    cal,
    h("h3", {}, "Windows"),
    table("window-table", [
      ["Name", w => w.name], ["Start", w => fmt.time(w.start)], ["End", w => fmt.time(w.end)], ["Repeats", w => w.rrule || ""],
      ["Zone", w => w.tz || ""], ["Scope", w => scopeText(w.scope)], ["Effect", w => w.effect], ["Source", w => w.source],
      ["By", w => w.created_by],
      ["", w => w.source === "config" ? "" : [
        h("button", { class: "edit-window", onclick: () => windowForm(w) }, "Edit"), " ",
        h("button", { class: "danger delete-window", onclick: () => act(() => api("DELETE", "/windows/" + encodeURIComponent(w.id)), "deleted " + w.name) }, "Delete")]],
    ], list, w => ({ "data-window-id": w.id })),
    h("p", {}, h("button", { id: "export-ics", onclick: exportIcs }, "Export .ics"), " ",
      h("label", {}, "Import .ics ", h("input", { type: "file", id: "import-ics", accept: ".ics,text/calendar", onchange: importIcs }))),
    h("h3", { id: "window-form-title" }, "New window"), h("div", { id: "window-form-box" }));
  windowForm(null);
}

function scopeText(s) {
  const parts = [];
  if (s.devices && s.devices.length) parts.push("devices " + s.devices.join(", "));
  if (s.zones && s.zones.length) parts.push("zones " + s.zones.join(", "));
  if (s.users && s.users.length) parts.push("users " + s.users.join(", "));
  if (s.actions && s.actions.length) parts.push("actions " + s.actions.join(", "));
  return parts.length ? parts.join("; ") : "everything";
}

function windowForm(w) {
  const now = new Date(), start = new Date(Math.ceil(now.getTime() / 3600000) * 3600000);
  const field = (id, label, value, extra) => [h("label", { for: id }, label), h("input", Object.assign({ id, value: value || "" }, extra || {}))];
  const list = v => (v || []).join(", ");
  const form = h("form", { class: "grid", id: "window-form", onsubmit: e => { e.preventDefault(); } },
    field("w-name", "Name", w && w.name, { required: true }),
    field("w-start", "Start (ISO, offset)", w ? w.start : start.toISOString().replace(/\.\d+Z$/, "Z")),
    field("w-end", "End (ISO, offset)", w ? w.end : new Date(start.getTime() + 2 * 3600000).toISOString().replace(/\.\d+Z$/, "Z")),
    field("w-rrule", "RRULE", w && w.rrule, { placeholder: "FREQ=WEEKLY;BYDAY=SU (optional)" }),
    field("w-tz", "Time zone", w && w.tz, { placeholder: "Europe/London (optional)" }),
    field("w-devices", "Devices", w && list(w.scope.devices), { placeholder: "10.20.0.0/24, 10.30.0.5" }),
    field("w-zones", "Zones", w && list(w.scope.zones)),
    field("w-users", "Users", w && list(w.scope.users)),
    field("w-actions", "Action kinds", w && list(w.scope.actions), { placeholder: "all kinds when empty" }),
    h("label", { for: "w-effect" }, "Effect"),
    h("select", { id: "w-effect" }, ["suppress", "confirm", "cap"].map(e => h("option", { value: e, selected: w && w.effect === e }, e))),
    field("w-cap", "Cap score", w && w.cap_score, { placeholder: "only with effect cap" }),
    h("span", {}), h("span", {},
      h("button", { type: "button", class: "primary", id: "window-save", onclick: () => saveWindow(w) }, w ? "Save changes" : "Create window"), " ",
      h("button", { type: "button", id: "window-preview", onclick: previewWindow }, "Preview last 7 days"), " ",
      w ? h("button", { type: "button", onclick: () => windowForm(null) }, "Cancel") : ""));
  document.getElementById("window-form-title").textContent = w ? "Edit " + w.name : "New window";
  document.getElementById("window-form-box").replaceChildren(form, h("div", { id: "preview-result" }));
}

function formWindow() {
  const v = id => document.getElementById(id).value.trim();
  const list = id => v(id) ? v(id).split(",").map(s => s.trim()).filter(s => s) : [];
  const cap = v("w-cap");
  return {
    name: v("w-name"), start: v("w-start"), end: v("w-end"), rrule: v("w-rrule") || null, tz: v("w-tz") || null,
    scope: { devices: list("w-devices"), zones: list("w-zones"), users: list("w-users"), actions: list("w-actions") },
    effect: v("w-effect"), cap_score: cap ? Number(cap) : null,
  };
}

async function saveWindow(w) {
  try {
    const saved = w ? await api("PUT", "/windows/" + encodeURIComponent(w.id), formWindow()) : await api("POST", "/windows", formWindow());
    say((w ? "saved " : "created ") + saved.name + " (" + saved.id + ")", "ok");
    await route();
  } catch (e) { say(e.message, "error"); }
}

async function previewWindow() {
  try {
    const p = await api("POST", "/windows/preview?days=7", formWindow());
    document.getElementById("preview-result").replaceChildren(
      h("p", { id: "preview-summary" }, p.changed.length + " of " + p.examined + " actions of the last " + p.days + " days would change."),
      p.changed.length ? table("preview-table", [["Action", c => c.action.id], ["Kind", c => c.action.kind], ["Target", c => c.action.target],
        ["Was", c => fmt.state(c.action.state)], ["Would be", c => fmt.state(c.would_be)], ["At", c => fmt.time(c.action.created_at)]], p.changed) : "");
    say("", "");
  } catch (e) { say(e.message, "error"); }
}

async function exportIcs() {
  try {
    const text = await api("GET", "/windows.ics");
    const link = h("a", { href: URL.createObjectURL(new Blob([text], { type: "text/calendar" })), download: "autorespond-windows.ics" });
    document.body.append(link); link.click(); link.remove();
  } catch (e) { say(e.message, "error"); }
}

async function importIcs(e) {
  const file = e.target.files[0];
  if (!file) return;
  await act(async () => { const r = await api("POST", "/windows.ics", await file.text(), "text/calendar"); say(r.created + " created, " + r.updated + " updated", "ok"); }, "imported " + file.name);
}

// ---------- devices ----------
async function devices() {
  const list = await api("GET", "/devices");
  view.replaceChildren(h("h2", {}, "Devices"), list.length === 0 ? h("p", { class: "muted" }, "No devices known yet.") :
    table("device-table", [["Address", d => d.ip], ["MAC", d => d.mac || ""], ["Hostname", d => d.hostname || ""], ["Zone", d => d.zone || ""],
      ["Roles", d => d.roles.join(", ")], ["First seen", d => fmt.time(d.first_seen)], ["Last seen", d => fmt.time(d.last_seen)]],
    list, d => ({ class: "clickable", onclick: () => { location.hash = "#/devices/" + encodeURIComponent(d.id); } })));
}

async function device(id) {
  const d = await api("GET", "/devices/" + encodeURIComponent(id));
  const p = d.pattern_of_life, dev = d.device;
  const tally = (title, list) => h("div", { class: "card" }, h("h3", {}, title),
    list.length ? h("table", {}, h("tbody", {}, list.map(t => h("tr", {}, h("td", {}, t.name), h("td", {}, t.count))))) : h("p", { class: "muted" }, "none"));
  view.replaceChildren(h("h2", { id: "device-title" }, "Device " + dev.ip + (dev.hostname ? " (" + dev.hostname + ")" : "")),
    h("p", {}, "Zone ", dev.zone || "none", " · roles ", dev.roles.join(", ") || "none", " · first seen ", fmt.time(dev.first_seen),
      " · last seen ", fmt.time(dev.last_seen), dev.mac ? " · MAC " + dev.mac : ""),
    h("h3", {}, "Pattern of life"),
    h("div", { class: "cards" }, tally("Usual peers", p.peers), tally("Ports", p.ports), tally("Protocols", p.protocols), tally("ICS commands", p.ics_commands)));
}

// ---------- policy ----------
async function policy() {
  const p = await api("GET", "/policies/current");
  view.replaceChildren(h("h2", {}, "Response policy"), h("p", {}, "Version ", p.version, " (", p.source, p.created_by ? ", by " + p.created_by : "", ")"),
    h("pre", { id: "policy-json" }, JSON.stringify(p.policy, null, 2)));
}

// ---------- routing ----------
async function route() {
  const parts = (location.hash || "#/incidents").slice(2).split("/");
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.id === "nav-" + parts[0]);
  if (!key()) { view.replaceChildren(h("p", {}, "Enter an API key to start.")); return; }
  try {
    if (parts[0] === "incidents" && parts[1]) await incident(decodeURIComponent(parts[1]));
    else if (parts[0] === "actions") await actions();
    else if (parts[0] === "windows") await windows();
    else if (parts[0] === "devices" && parts[1]) await device(decodeURIComponent(parts[1]));
    else if (parts[0] === "devices") await devices();
    else if (parts[0] === "policy") await policy();
    else await incidents();
  } catch (e) { say(e.message, "error"); }
}

document.getElementById("key-form").addEventListener("submit", e => {
  e.preventDefault();
  sessionStorage.setItem("autorespond-key", keyInput.value.trim());
  keyInput.value = "";
  say("key set", "ok");
  route();
});
document.getElementById("sign-out").addEventListener("click", () => { sessionStorage.removeItem("autorespond-key"); say("key forgotten", ""); route(); });
window.addEventListener("hashchange", () => { say("", ""); route(); });
route();
