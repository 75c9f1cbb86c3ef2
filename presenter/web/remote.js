// Presenter browser views: the state comes over the WebSocket; the time left is computed here, every
// frame, from the pushed end time and this device's offset to the server's clock (never counted ticks).
"use strict";

const SYNC_EVERY_MS = 15000;
const SYNC_SAMPLES = 6;
const LOST_AFTER_MS = 2500; // the server pushes at least once a second
const CLOSED_LOST_AFTER_MS = 1000; // a closed connection: say so once a push is overdue
const MESSAGE_BLINK_HALF_PERIOD_S = 0.5;

// --- rounding exactly as presenter/timefmt.py -------------------------------------------------
function pad2(n) { return (n < 10 ? "0" : "") + n; }

function formatDuration(seconds) {
  const total = Math.floor(Math.abs(seconds) + 0.5);
  const sign = seconds < 0 && total ? "-" : "";
  const hours = Math.floor(total / 3600), minutes = Math.floor((total % 3600) / 60), secs = total % 60;
  return hours ? `${sign}${hours}:${pad2(minutes)}:${pad2(secs)}` : `${sign}${minutes}:${pad2(secs)}`;
}

function formatCountdown(remaining) {
  if (remaining >= 0) return formatDuration(Math.ceil(remaining - 1e-9));
  const over = Math.ceil(-remaining - 1e-9);
  return over ? "+" + formatDuration(over) : "0:00";
}

// --- connection and clock sync -----------------------------------------------------------------
const params = new URLSearchParams(location.search);
const remote = {
  ws: null,
  offset: null, // server monotonic seconds minus performance.now() seconds
  bestRtt: Infinity,
  lastHeard: performance.now(), // a page just opened is not "lost" while it connects
  states: [], // [{at: server time received, state}] — the newest last (the delay view picks older ones)
  colours: null,
  control: false,
  pending: new Map(),
  nextId: 1,
  delay: Math.min(Math.max(parseFloat(params.get("delay")) || 0, 0), 600),
  changes: [], // [text, server time] whenever the big timer's text changed (benchmarks, tests)
};
window.presenterRemote = remote;

function localSeconds() { return performance.now() / 1000; }
function serverNow() { return remote.offset === null ? null : localSeconds() + remote.offset; }

function wsUrl() {
  const query = new URLSearchParams();
  for (const name of ["key", "pin"]) if (params.get(name)) query.set(name, params.get(name));
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws${query.toString() ? "?" + query : ""}`;
}

let reconnectDelay = 250;
function connect() {
  const ws = new WebSocket(wsUrl());
  remote.ws = ws;
  ws.onopen = () => { reconnectDelay = 250; syncClock(); };
  ws.onmessage = (event) => {
    remote.lastHeard = performance.now();
    let message;
    try { message = JSON.parse(event.data); } catch (_) { return; }
    if (message.type === "hello") {
      remote.colours = message.colours;
      remote.control = !!message.control;
      if (remote.offset === null) remote.offset = message.mono - localSeconds();
    } else if (message.type === "pong") {
      onPong(message);
    } else if (message.type === "state") {
      const at = serverNow() ?? message.state.mono;
      remote.states.push({ at, state: message.state });
      const keepFrom = at - remote.delay - 5;
      while (remote.states.length > 2 && remote.states[1].at < keepFrom) remote.states.shift();
    } else if (message.type === "questions") {
      if (window.presenterQuestions) window.presenterQuestions(message);
    } else if (message.type === "result") {
      const done = remote.pending.get(message.id);
      if (done) { remote.pending.delete(message.id); done(message); }
    }
  };
  ws.onclose = () => {
    if (remote.ws === ws) remote.ws = null;
    setTimeout(connect, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, 2000);
  };
  ws.onerror = () => { try { ws.close(); } catch (_) { /* closing anyway */ } };
}

let pings = [];
function syncClock() {
  pings = [];
  remote.bestRtt = Infinity;
  for (let i = 0; i < SYNC_SAMPLES; i++) setTimeout(sendPing, i * 120);
}
function sendPing() {
  const ws = remote.ws;
  if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: "ping", t: localSeconds() }));
}
function onPong(message) {
  const back = localSeconds();
  if (typeof message.t !== "number") return;
  const rtt = back - message.t;
  if (rtt < remote.bestRtt) { // the sample with the lowest round trip has the least uncertainty
    remote.bestRtt = rtt;
    remote.offset = message.server - (message.t + back) / 2;
  }
}
setInterval(syncClock, SYNC_EVERY_MS);
document.addEventListener("visibilitychange", () => { if (!document.hidden) syncClock(); });

function command(cmd, args) {
  return new Promise((resolve) => {
    const ws = remote.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return resolve({ ok: false, error: word("connection lost") });
    const id = remote.nextId++;
    remote.pending.set(id, resolve);
    ws.send(JSON.stringify({ id, cmd, args: args || {} }));
  });
}
remote.command = command;
remote.send = (message) => {
  const ws = remote.ws;
  if (!ws || ws.readyState !== WebSocket.OPEN) return false;
  ws.send(JSON.stringify(message));
  return true;
};

// --- what to show at server time `now` -----------------------------------------------------------
function currentState(at) {
  if (!remote.delay) return remote.states.length ? remote.states.at(-1).state : null;
  let chosen = null; // the delayed view shows what was current `delay` seconds ago
  for (const entry of remote.states) if (entry.at <= at) chosen = entry;
  return (chosen || remote.states[0] || { state: null }).state; // just opened: the oldest state there is
}

// The phase of the counted-down time against the snapshot's own (already scaled) thresholds: the same
// comparison as presenter.timing.display_phase, so a view turns at the instant the desktop does.
function localPhase(timer, remaining) {
  if (remaining < 0) return "overtime";
  if (timer.danger_at_s !== null && remaining <= timer.danger_at_s) return "danger";
  if (timer.warning_at_s !== null && remaining <= timer.warning_at_s) return "warning";
  return "normal";
}

// A caption in the app's language (the server sends the words with the colours); English until then.
function word(text) {
  return (remote.colours && remote.colours.words && remote.colours.words[text]) || text;
}

function timerView(state, now) {
  const c = remote.colours, timer = state.timer, view = state.view;
  const out = { text: state.remaining, caption: view.caption, label: view.phase_label, fg: c.text, panel: c.panel,
                labelColour: c.muted };
  if (timer.kind === "off_air") { out.fg = c.muted; return out; }
  const left = timer.running ? timer.end - now : timer.left; // frozen (paused, held, black): as the snapshot says
  if (timer.kind === "until_start") {
    if (!timer.running) return out; // rehearsing: "starts at GO", as the desktop words it
    out.text = formatCountdown(left);
    const overdue = out.text.startsWith("+");
    out.caption = word(overdue ? "start overdue by" : "on air in");
    out.fg = overdue ? c.phase.warning.fg : c.text;
    return out;
  }
  if (timer.kind === "clip") {
    out.text = formatCountdown(Math.max(left, 0));
    const phase = localPhase(timer, left);
    out.fg = phase === "warning" || phase === "danger" ? c.phase[phase].fg : c.text;
    out.labelColour = c.clip;
    return out;
  }
  const phase = localPhase(timer, left);
  out.text = formatCountdown(left);
  out.caption = word(phase === "overtime" ? "over by" : "remaining");
  out.label = c.phase[phase].label;
  out.labelColour = c.phase[phase].fg;
  out.fg = c.phase[phase].fg;
  out.panel = c.phase[phase].bg;
  if (phase === "overtime" && Math.ceil(-left - 1e-9) % 2 === 0) out.panel = c.overtime_dim;
  return out;
}

function clockText(state, now) {
  const wall = new Date((now + state.wall_offset) * 1000);
  return `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}`;
}

// --- drawing: only what changed is written to the page -------------------------------------------
const shown = new Map();
function put(id, text, property = "textContent") {
  const key = id + "|" + property;
  if (shown.get(key) === text) return false;
  shown.set(key, text);
  const element = document.getElementById(id);
  if (!element) return false;
  if (property === "textContent") element.textContent = text;
  else if (property === "hidden") element.hidden = text === "true";
  else element.style.setProperty(property, text);
  return true;
}

function renderPoints(view) {
  const key = JSON.stringify([view.points, view.bullets]);
  if (shown.get("points") === key) return;
  shown.set("points", key);
  const list = document.getElementById("points");
  if (!list) return;
  list.replaceChildren(...view.points.map((text) => {
    const item = document.createElement("li");
    item.textContent = text;
    return item;
  }));
  list.classList.toggle("plain", !view.bullets);
  markOverflow();
}

// The points fade at their foot only when the room cuts them: measured when they change and whenever the
// list's box changes size (the window, a message or a question taking room), never once a frame.
function markOverflow() {
  const list = document.getElementById("points");
  if (list) list.classList.toggle("overflows", list.scrollHeight > list.clientHeight + 1);
}
if (window.ResizeObserver && document.getElementById("points")) {
  new ResizeObserver(markOverflow).observe(document.getElementById("points"));
}

function render() {
  const server = serverNow();
  const now = server === null ? null : server - remote.delay;
  const state = now === null ? null : currentState(now);
  const silence = performance.now() - remote.lastHeard;
  const open = remote.ws && remote.ws.readyState === WebSocket.OPEN;
  const lost = silence > LOST_AFTER_MS || (!open && silence > CLOSED_LOST_AFTER_MS);
  put("lost", lost ? "false" : "true", "hidden");
  document.body.classList.toggle("is-lost", lost);
  if (state && remote.colours) {
    const t = timerView(state, now);
    if (put("timer", t.text)) remote.changes.push([t.text, now]);
    put("timer", t.fg, "color");
    put("panel", t.panel, "background-color");
    put("caption", t.caption);
    put("phase", t.label);
    put("phase", t.labelColour, "color");
    put("clock", clockText(state, now));
    const v = state.view;
    put("over-under", v.over_under);
    put("over-under", v.over_under_color, "color");
    put("projection", v.projection);
    put("projection", v.projection_color, "color");
    put("title", v.title);
    put("speakers", v.speakers);
    put("notice", v.notice);
    put("notice", v.notice ? "false" : "true", "hidden");
    put("next", v.next_title);
    put("next-duration", v.next_duration);
    put("must-end-by", state.must_end_by ? `${word("until")} ${state.must_end_by}` : "");
    put("must-end-by", state.must_end_by ? "false" : "true", "hidden");
    renderPoints(v);
    const question = state.question;
    put("question", question ? question.text : "");
    put("question-asker", question ? [question.asker, question.source].filter(Boolean).join(" · ") : "");
    put("question-box", question ? "false" : "true", "hidden");
    const message = state.message;
    put("message", message ? message.text : "");
    put("message", message ? "false" : "true", "hidden");
    document.body.classList.toggle("urgent", !!(message && message.urgent));
    if (message) {
      const age = message.age_s + (now - state.mono);
      const blinkOn = message.blink && Math.floor(age / MESSAGE_BLINK_HALF_PERIOD_S) % 2 === 1;
      put("message", blinkOn ? remote.colours.message_blink : remote.colours.message, "background-color");
    }
    document.body.dataset.mode = state.mode;
    document.body.dataset.pointsPage = String(state.points_page ?? 0);
    if (window.presenterView) window.presenterView(state, now);
  }
}

function frame() {
  render();
  requestAnimationFrame(frame);
}

connect();
requestAnimationFrame(frame);
// A hidden tab gets no animation frames; keep the checks running so the page is right when it wakes.
setInterval(() => { if (document.hidden) render(); }, 1000);
