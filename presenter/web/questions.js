// The producer's page: add questions and put them in order, through the intents the questions module registers
// ("question/add" {text}, "question/move" {id, to}); the list comes with the state as "questions_list"
// (register_state("questions_list", …): [{id, text}, …]).
"use strict";
const answer = document.getElementById("answer");
document.getElementById("needs-pin").hidden = new URLSearchParams(location.search).has("pin");
document.getElementById("add").addEventListener("submit", async (event) => {
  event.preventDefault();
  const field = document.getElementById("question-text");
  const result = await window.presenterRemote.command("question/add", { text: field.value });
  answer.textContent = result.ok ? "added" : result.error;
  if (result.ok) field.value = "";
});
let shownList = "";
window.presenterView = (state) => {
  const list = Array.isArray(state.questions_list) ? state.questions_list : [];
  const key = JSON.stringify(list);
  if (key === shownList) return;
  shownList = key;
  const element = document.getElementById("question-list");
  element.replaceChildren(...list.map((question, index) => {
    const item = document.createElement("li");
    item.textContent = String(question.text ?? "") + " ";
    for (const [label, to] of [["↑", index], ["↓", index + 2]]) {
      const button = document.createElement("button");
      button.textContent = label;
      button.addEventListener("click", async () => {
        const result = await window.presenterRemote.command("question/move", { id: question.id, to });
        answer.textContent = result.ok ? "" : result.error;
      });
      item.append(button);
    }
    return item;
  }));
};
