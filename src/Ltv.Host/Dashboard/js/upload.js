// A file dropped or picked is posted to POST api/events as it is (the browser streams it), with upload progress,
// and the ingest run's summary shown when the server answers.
import { postEvents } from './api.js';
import { fmt, h } from './format.js';
import { askForKey } from './key.js';

const $ = id => document.getElementById(id);
const input = $('file-input');
const zone = $('drop-zone');
const progress = $('upload-progress');
const bar = progress.querySelector('progress');
const status = $('upload-status');
const summary = $('upload-summary');
const shownRejections = 10;

const megabytes = bytes => `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 1)} MB`;

function report(run, fileName, problem) {
  const reasons = Object.entries(run.rejectedByReason);
  const rejections = run.rejections.slice(0, shownRejections);
  const more = run.rejections.length - rejections.length + (run.rejectionsTruncated ? 1 : 0);
  summary.replaceChildren(...[
    h('h3', {}, `Run ${run.runId}: ${run.status}`, h('small', {}, ` ${fileName}`)),
    problem ? h('p', { class: 'panel-error' }, problem) : null,
    h('dl', { class: 'facts counts' },
      h('dt', {}, 'Read'), h('dd', { 'data-count': 'read' }, fmt.count(run.read)),
      h('dt', {}, 'Accepted'), h('dd', { 'data-count': 'accepted' }, fmt.count(run.accepted)),
      h('dt', {}, 'Duplicates'), h('dd', { 'data-count': 'duplicates' }, fmt.count(run.duplicates), run.conflicting ? ` (${run.conflicting} conflicting)` : ''),
      h('dt', {}, 'Rejected'), h('dd', { 'data-count': 'rejected' }, fmt.count(run.rejected))),
    reasons.length ? h('ul', { class: 'reasons' }, reasons.map(([reason, n]) => h('li', {}, `${fmt.count(n)} × ${reason}`))) : null,
    rejections.length ? h('details', {},
      h('summary', {}, 'Where in the file'),
      h('ul', { class: 'rejections' }, rejections.map(r => h('li', {}, `record ${r.index} (byte ${r.byteOffset}): ${r.reason}${r.detail ? ` (${r.detail})` : ''}`))),
      more > 0 ? h('a', { href: `api/rejected?run=${run.runId}&all=true`, target: '_blank', rel: 'noopener' }, 'all stored rejections of this run') : null)
      : null].filter(Boolean));
}

async function ingest(file, onIngested) {
  progress.hidden = false;
  input.disabled = true;
  bar.value = 0;
  status.textContent = `Uploading ${file.name} (${megabytes(file.size)})…`;
  summary.replaceChildren();
  try {
    const run = await postEvents(file, (sent, total) => {
      bar.value = total ? (sent / total) * 100 : 100;
      status.textContent = sent >= total
        ? `Uploaded ${megabytes(total)}; the server is committing the last batches…`
        : `Uploading ${file.name}: ${Math.floor(bar.value)}% (${megabytes(sent)} of ${megabytes(total)})`;
    });
    status.textContent = `Ingested ${file.name}.`;
    report(run, file.name);
    onIngested(run);
  } catch (e) {
    if (e.status === 401) {
      status.textContent = 'Waiting for the API key…';
      await askForKey(e.message);
      input.disabled = false;
      return await ingest(file, onIngested);
    }
    status.textContent = `Not ingested to the end: ${file.name}.`;
    if (e.problem?.ingest) {
      report(e.problem.ingest, file.name, e.message); // the body broke off: what came before it was kept
      onIngested(e.problem.ingest);
    } else {
      summary.replaceChildren(h('p', { class: 'panel-error' }, e.message));
    }
  } finally {
    input.disabled = false;
    input.value = '';
  }
}

export function setupUpload(onIngested) {
  input.addEventListener('change', () => input.files.length && ingest(input.files[0], onIngested));
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', e => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files.length && !input.disabled) ingest(e.dataTransfer.files[0], onIngested);
  });
}
