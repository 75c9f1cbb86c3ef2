// The producer's page: add questions, approve them and put them in order, through the intents the questions
// module registers ("question/add" {text}, "question/approve" {id}, "question/move" {id, to}); each question
// shows its state in the desktop's words (remote.js's word(), the app's language). The list is personal data: it never comes with the pushed
// state; this page (opened with the PIN) asks for it in pages whenever the state's questions_revision moves.
"use strict";
const PAGE = 200;
const answer = document.getElementById("answer");
const link = window.presenterRemote; // remote.js's connection (its `remote` is a global of that script)
document.getElementById("needs-pin").hidden = new URLSearchParams(location.search).has("pin");
document.getElementById("add").addEventListener("submit", async (event) => {
  event.preventDefault();
  const field = document.getElementById("question-text");
  const result = await link.command("question/add", { text: field.value });
  answer.textContent = result.ok ? word("added") : result.error;
  if (result.ok) field.value = "";
});

let askedFor = null; // [connection, revision] the list was last asked for
let collecting = [];
window.presenterView = (state) => {
  if (!link.control || state.questions_revision === undefined) return;
  if (askedFor && askedFor[0] === link.ws && askedFor[1] === state.questions_revision) return;
  askedFor = [link.ws, state.questions_revision];
  collecting = [];
  link.send({ type: "questions", from: 0, count: PAGE });
};

window.presenterQuestions = (message) => {
  if (!message.ok) { answer.textContent = message.error; return; }
  const page = message.page;
  collecting = collecting.concat(page.questions);
  if (page.from + page.questions.length < page.total && page.questions.length) {
    link.send({ type: "questions", from: page.from + page.questions.length, count: PAGE });
    return;
  }
  showList(collecting);
};

let shownList = "";
function showList(list) {
  const key = JSON.stringify(list);
  if (key === shownList) return;
  shownList = key;
  const element = document.getElementById("question-list");
  element.replaceChildren(...list.map((question, index) => {
    const item = document.createElement("li");
    const state = document.createElement("span");
    state.className = "question-state state-" + String(question.state ?? "").replace(/\W+/g, "-");
    state.textContent = word(String(question.state ?? ""));
    item.append(state, " " + String(question.text ?? "") + " ");
    if (question.state === "new") {
      const approve = document.createElement("button");
      approve.className = "approve";
      approve.textContent = word("Approve");
      approve.addEventListener("click", async () => {
        const result = await link.command("question/approve", { id: question.id });
        answer.textContent = result.ok ? "" : result.error;
      });
      item.append(approve);
    }
    for (const [label, to] of [["↑", index], ["↓", index + 2]]) {
      const button = document.createElement("button");
      button.textContent = label;
      button.addEventListener("click", async () => {
        const result = await link.command("question/move", { id: question.id, to });
        answer.textContent = result.ok ? "" : result.error;
      });
      item.append(button);
    }
    return item;
  }));
}
