// Graphics for an OBS browser source (1920×1080, transparent background): the lower third and the
// pre-show countdown. They render the "graphics" part of the state the server pushes over the
// WebSocket (the same connection and view key as the other views) and derive nothing but the
// seconds to the start. The part, as the integrator adds it to the pushed state:
//   graphics: {language: "de" | "en",
//              style: {background, text, accent, font} (colours and font from the show file; optional),
//              lower_third: {name, role} | null,          // on while not null
//              question: {text, asker, source} | null,    // the audience question on the moderator's screen
//              preshow: {title, hashtag, start: "17:30", starts_at_ms: epoch ms} | null}
"use strict";

const WORDS = {
  de: { soon: "Gleich geht's los", question: "Frage von {asker} ({source})", anonymous: "Frage aus dem Publikum" },
  en: { soon: "Starting soon", question: "Question from {asker} ({source})", anonymous: "Question from the audience" },
};
const graphics = { last: null, painted: 0, paints: [] };
window.presenterGraphics = graphics;

function pad2(n) { return (n < 10 ? "0" : "") + n; }
function clock(seconds) {
  const total = Math.max(0, Math.ceil(seconds - 1e-9));
  const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  return h ? `${h}:${pad2(m)}:${pad2(s)}` : `${m}:${pad2(s)}`;
}

function applyStyle(style) {
  const root = document.documentElement.style;
  const names = { background: "--graphics-background", text: "--graphics-text", accent: "--graphics-accent", font: "--graphics-font" };
  for (const [key, variable] of Object.entries(names)) {
    if (style && typeof style[key] === "string" && style[key].length < 200) root.setProperty(variable, style[key]);
    else root.removeProperty(variable);
  }
}

function setText(root, selector, text) {
  const element = root.querySelector(selector);
  if (element && element.textContent !== text) element.textContent = text;
}

function renderLowerThird(part) {
  const box = document.getElementById("lower-third");
  if (!box) return;
  if (part && typeof part.name === "string") {
    setText(box, ".name", part.name);
    setText(box, ".role", typeof part.role === "string" ? part.role : "");
  }
  box.classList.toggle("on", !!part);
}

function renderPreshow(part, words) {
  const box = document.getElementById("preshow");
  if (!box) return;
  if (part) {
    setText(box, ".soon", part.start ? `${words.soon} — ${part.start}` : words.soon);
    setText(box, ".title", part.title || "");
    setText(box, ".hashtag", part.hashtag || "");
    const left = typeof part.starts_at_ms === "number" ? (part.starts_at_ms - Date.now()) / 1000 : null;
    setText(box, ".left", left === null ? "" : clock(left));
  }
  box.classList.toggle("on", !!part);
}

function renderQuestion(part, words) {
  const box = document.getElementById("question");
  if (!box) return;
  if (part && typeof part.text === "string") {
    setText(box, ".text", part.text);
    const asker = typeof part.asker === "string" ? part.asker : "";
    const source = typeof part.source === "string" ? part.source : "";
    const from = asker ? words.question.replace("{asker}", asker).replace("{source}", source) : words.anonymous;
    setText(box, ".from", source ? from : from.replace(" ()", ""));
  }
  box.classList.toggle("on", !!part);
}

graphics.render = function render(part) {
  graphics.last = part || null;
  const language = part && part.language === "de" ? "de" : "en";
  document.documentElement.lang = language;
  applyStyle(part && part.style);
  renderLowerThird(part && part.lower_third);
  renderPreshow(part && part.preshow, WORDS[language]);
  renderQuestion(part && part.question, WORDS[language]);
  graphics.painted = performance.now();
  // The next frame shows it: its time (epoch ms) for benchmarks/obs.py, the last few kept.
  requestAnimationFrame(() => {
    graphics.paints.push(performance.timeOrigin + performance.now());
    if (graphics.paints.length > 50) graphics.paints.shift();
  });
};
setInterval(() => { if (graphics.last && graphics.last.preshow) renderPreshow(graphics.last.preshow, WORDS[document.documentElement.lang] || WORDS.en); }, 200);

// --- the server's pushes (the page also works without them: tests call presenterGraphics.render) ---
const params = new URLSearchParams(location.search);
function connect() {
  if (!location.host) return; // opened as a file
  const query = params.get("key") ? `?key=${encodeURIComponent(params.get("key"))}` : "";
  const ws = new WebSocket(`${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/ws${query}`);
  ws.onmessage = (event) => {
    let message;
    try { message = JSON.parse(event.data); } catch (_) { return; }
    if (message && message.type === "state" && message.state && "graphics" in message.state) {
      graphics.render(message.state.graphics);
    }
  };
  ws.onclose = () => setTimeout(connect, 1000);
  ws.onerror = () => { try { ws.close(); } catch (_) { /* closing anyway */ } };
}
if (!params.has("offline")) connect();
