// Asks for the API key when the server answers 401, then lets the waiting calls try again.
import { setApiKey } from './api.js';

const form = document.getElementById('key-form');
const input = form.querySelector('#key-input');
const reason = form.querySelector('#key-reason');
let waiting = [];

form.addEventListener('submit', e => {
  e.preventDefault();
  setApiKey(input.value.trim());
  input.value = '';
  form.hidden = true;
  const resume = waiting;
  waiting = [];
  for (const go of resume) go();
});

/** Resolves once the user has entered a key; `why` is the server's 401 detail. */
export function askForKey(why) {
  reason.textContent = `The server needs an API key: ${why}`;
  form.hidden = false;
  input.focus();
  return new Promise(resolve => waiting.push(resolve));
}
