// The public HTTP API, as any client reads it: JSON answers, problem details on errors, the API key in X-Api-Key.

const keyName = 'ltv.apiKey';
const lagHeader = 'Ltv-Projection-Lag';

/** A failed call: status 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail);
    this.status = status;
    this.problem = problem ?? null;
  }

  get unreachable() { return this.status === 0; }
}

// sessionStorage only: the key goes when the tab closes, and no other site or tab can read it.
export function apiKey() { return sessionStorage.getItem(keyName); }
export function setApiKey(key) { sessionStorage.setItem(keyName, key); }

function headers() {
  const key = apiKey();
  return key ? { 'Accept': 'application/json', 'X-Api-Key': key } : { 'Accept': 'application/json' };
}

/** What went wrong, in the server's words (problem details `detail`) when it said anything. */
function problemOf(status, statusText, text) {
  let problem = null;
  try { problem = JSON.parse(text); } catch { /* not JSON: a proxy's page, say */ }
  const detail = problem?.detail ?? problem?.title ?? `HTTP ${status} ${statusText}`.trim();
  return new ApiError(status, detail, problem);
}

/** GET a JSON answer; `lag` is the read model's Ltv-Projection-Lag header, when it sent one. */
export async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: headers(), cache: 'no-store' });
  } catch {
    throw new ApiError(0, `Cannot reach the API at ${location.origin}: is \`ltv serve\` running?`);
  }
  const text = await response.text();
  if (!response.ok) {
    throw problemOf(response.status, response.statusText, text);
  }
  const lag = response.headers.get(lagHeader);
  return { data: JSON.parse(text), lag: lag === null ? null : Number(lag) };
}

function contentType(file) {
  const name = file.name.toLowerCase().replace(/\.gz$/, '');
  return /\.(ndjson|jsonl)$/.test(name) ? 'application/x-ndjson' : 'application/json';
}

/**
 * POST /api/events with a file as the body, streamed by the browser. XHR rather than fetch: only XHR reports
 * upload progress. `onProgress(sent, total)` follows the upload; the server ingests batches while they arrive.
 */
export function postEvents(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', 'api/events');
    for (const [name, value] of Object.entries(headers())) {
      xhr.setRequestHeader(name, value);
    }
    xhr.setRequestHeader('Content-Type', contentType(file));
    if (/\.gz$/i.test(file.name)) {
      xhr.setRequestHeader('Content-Encoding', 'gzip');
    }
    xhr.upload.onprogress = e => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.upload.onload = () => onProgress(file.size, file.size);
    xhr.onerror = () => reject(new ApiError(0, `Cannot reach the API at ${location.origin}: is \`ltv serve\` running?`));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText));
      } else {
        reject(problemOf(xhr.status, xhr.statusText, xhr.responseText));
      }
    };
    xhr.send(file);
  });
}
