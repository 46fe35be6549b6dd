// The dashboard: loads every panel from the public API, keeps one view state (timeframe, sizes, day range), shows
// what failed in one banner, and follows #customer/<id> links.
import { ApiError } from './api.js';
import { loadCustomerRoute } from './route.js';
import { loadDaily, loadSummary, onDailyChange } from './daily.js';
import { loadDistribution, onDistributionChange } from './distribution.js';
import { h, setState } from './format.js';
import { askForKey } from './key.js';
import { loadHealth, loadIngests, loadProjections } from './operations.js';
import { loadTop, onTopChange, showTimeframe } from './top.js';
import { setupUpload } from './upload.js';

const $ = id => document.getElementById(id);
const view = { timeframe: null, top: 10, log: false, from: null, to: null, followRange: true, range: null };
const problems = new Map();
let keyPrompt = null;

function showProblems() {
  const banner = $('banner');
  const all = [...problems.values()];
  // When the server cannot be reached every panel says so: once is enough.
  const shown = all.some(p => p.error.unreachable) ? [all.find(p => p.error.unreachable)] : all;
  banner.replaceChildren(...shown.map(p => h('p', {},
    p.error.unreachable ? null : h('strong', {}, `${p.what}: `),
    p.error.message, p.error.status ? ` (HTTP ${p.error.status})` : '',
    p.error.unreachable ? ' The figures below may be out of date; Refresh tries again.' : '')));
  banner.hidden = shown.length === 0;
}

/** Runs one panel's load; a failure shows in the panel and in the banner, and a 401 asks for the key once. */
async function run(name, what, load) {
  const panel = $(name);
  if (panel?.dataset.state) setState(panel, 'loading');
  try {
    const result = await load();
    problems.delete(name);
    if (panel?.dataset.state) setState(panel, 'ready');
    return result;
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(-1, `${e.message}`);
    problems.set(name, { what, error });
    if (panel?.dataset.state) setState(panel, 'error', error.message);
    if (error.status === 401 && !keyPrompt) {
      keyPrompt = askForKey(error.message).then(() => { keyPrompt = null; refreshAll(); });
    }
    return undefined;
  } finally {
    showProblems();
  }
}

const loaders = {
  summary: () => run('kpis', 'Summary', () => loadSummary(view)).then(() => loaders.daily()),
  daily: () => run('daily', 'Per-day statistics', () => loadDaily(view)),
  top: () => run('top', 'Top customers', () => loadTop(view)),
  distribution: () => run('distribution', 'LTV distribution', async () => {
    const histogram = await loadDistribution(view);
    if (!view.timeframe) { // the server's default timeframe, now known
      view.timeframe = histogram.timeframe;
      showTimeframe(histogram.timeframe);
    }
  }),
  projections: () => run('projections', 'Read models', loadProjections),
  ingests: () => run('ingests', 'Ingest runs', loadIngests),
  customer: () => run('customer', 'Customer', loadCustomerRoute),
};

async function refreshAll() {
  const button = $('refresh');
  button.disabled = true;
  await Promise.all([loadHealth(), ...['summary', 'top', 'distribution', 'projections', 'ingests', 'customer'].map(name => loaders[name]())]);
  button.disabled = false;
  button.title = `Updated ${new Date().toLocaleTimeString()}`;
}

function reload(what) {
  if (what === 'timeframe') return Promise.all([loaders.top(), loaders.distribution()]);
  return loaders[what]();
}

/** After an ingest, waits (up to a minute) for the async read models to apply it, then redraws everything. */
async function afterIngest() {
  const until = Date.now() + 60_000;
  while (Date.now() < until && await loaders.projections() > 0) {
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  await refreshAll();
}

onTopChange(view, reload);
onDistributionChange(view, reload);
onDailyChange(view, reload);
setupUpload(afterIngest);
$('refresh').addEventListener('click', refreshAll);
window.addEventListener('hashchange', () => loaders.customer());
refreshAll();
