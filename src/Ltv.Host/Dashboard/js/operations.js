// How the server is doing: health (GET health), the read models' lag and state (GET api/projections), and the last
// ingest runs with their rejections (GET api/ingests).
import { ApiError, getJson } from './api.js';
import { fillRows, fmt, h } from './format.js';

const $ = id => document.getElementById(id);

export async function loadHealth() {
  const pill = $('health');
  try {
    const { data } = await getJson('health');
    pill.dataset.status = data.status;
    pill.textContent = `API: ${data.status}`;
  } catch (e) {
    // 503 is still an answer: the server runs, its database does not.
    const status = e instanceof ApiError && e.unreachable ? 'unreachable' : e.problem?.status ?? 'error';
    pill.dataset.status = status === 'unreachable' ? 'unreachable' : 'unhealthy';
    pill.textContent = status === 'unreachable' ? 'API: unreachable' : 'API: unhealthy';
  }
}

function stateBadge(p) {
  const badge = h('span', { class: 'badge', 'data-state': p.state }, p.state);
  return p.error ? [badge, h('div', { class: 'error-text' }, p.error)] : badge;
}

/** Answers the largest lag, so that the page knows when an ingest has reached every read model. */
export async function loadProjections() {
  const { data } = await getJson('api/projections');
  fillRows($('projections-table').tBodies[0], data.projections.map(p => h('tr', { 'data-lag': p.lag },
    h('td', {}, p.name, h('small', {}, p.inline ? ' inline' : ' async')),
    h('td', {}, stateBadge(p)),
    h('td', { class: `num${p.lag > 0 ? ' behind' : ''}` }, fmt.count(p.lag)),
    h('td', { class: 'num' }, p.lagSeconds.toFixed(1)),
    h('td', { class: 'num hide-narrow' }, fmt.count(p.position)))), 'No read models.');
  const open = data.oldestOpenTransactionSeconds;
  $('projections-hint').textContent = `${fmt.count(data.events)} events in the log (head ${data.head}, high-water mark ${data.highWaterMark}); lag: events a read model has not applied yet.` +
    (open >= 10 ? ` A transaction has been open for ${open.toFixed(0)} s: it holds the async read models back.` : '');
  return Math.max(0, ...data.projections.map(p => p.lag));
}

// The count links to the stored rejections (conflicting duplicates are stored there too); the reasons show on hover.
function rejectedCell(run) {
  if (!run.rejected && !run.conflicting) return h('td', { class: 'num' }, '0');
  const reasons = Object.entries(run.rejectedByReason).map(([reason, n]) => `${n} ${reason}`);
  if (run.conflicting) reasons.push(`${run.conflicting} conflicting duplicate${run.conflicting === 1 ? '' : 's'}`);
  return h('td', { class: 'num rejected', title: reasons.join('\n') },
    h('a', { href: `api/rejected?run=${run.runId}&all=true`, target: '_blank', rel: 'noopener' }, fmt.count(run.rejected)));
}

export async function loadIngests() {
  const { data } = await getJson('api/ingests?limit=8');
  fillRows($('ingests-table').tBodies[0], data.map(run => h('tr', { title: run.message ?? '' },
    h('td', {}, run.runId),
    h('td', {}, h('span', { class: 'badge', 'data-state': run.completed ? 'completed' : 'failed' }, run.status)),
    h('td', { class: 'num' }, fmt.count(run.read)),
    h('td', { class: 'num' }, fmt.count(run.accepted)),
    h('td', { class: 'num hide-narrow' }, fmt.count(run.duplicates)),
    rejectedCell(run))), 'No ingest runs yet.');
}
