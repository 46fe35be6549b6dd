// What the store holds (GET api/summary), and revenue, orders and active customers per UTC day over the data's
// range (GET api/stats/daily) with the repeat rate (GET api/stats/repeaters): the key figures and the day charts.
import { getJson } from './api.js';
import { series } from './charts.js';
import { fmt } from './format.js';

const $ = id => document.getElementById(id);
const from = $('daily-from');
const to = $('daily-to');
const readout = $('daily-readout');
const charts = [
  { host: $('chart-revenue'), key: 'revenue', format: fmt.moneyShort, className: 'revenue' },
  { host: $('chart-orders'), key: 'orders', format: fmt.countShort, className: 'orders', integer: true },
  { host: $('chart-customers'), key: 'customers', format: fmt.countShort, className: 'customers', integer: true },
];

function kpi(name, value, note = '') {
  $(`kpi-${name}`).textContent = value;
  $(`kpi-${name}-note`).textContent = note;
}

/** The store's size and event-time range; the view's day range becomes the data's range the first time. */
export async function loadSummary(view) {
  const { data } = await getJson('api/summary');
  kpi('customers', fmt.count(data.customers), data.customersWithoutProfile ? `${fmt.count(data.customersWithoutProfile)} without profile` : 'all with profile');
  kpi('events', fmt.count(data.events), 'accepted, in the log');
  if (!data.firstEventTime) {
    $('data-range').textContent = 'No data yet: ingest a file below.';
    view.range = null;
    return data;
  }
  view.range = { first: fmt.day(data.firstEventTime), last: fmt.day(data.lastEventTime) };
  $('data-range').textContent = `Data from ${view.range.first} to ${view.range.last} (UTC)`;
  for (const input of [from, to]) {
    input.min = view.range.first;
    input.max = view.range.last;
  }
  if (!view.from || view.followRange) {
    [view.from, view.to, view.followRange] = [view.range.first, view.range.last, true];
  }
  [from.value, to.value] = [view.from, view.to];
  return data;
}

function hover(days, i) {
  for (const c of charts) c.host.markDay?.(i);
  if (i === null) {
    readout.textContent = 'Point at a chart for a day\'s figures.';
    return;
  }
  const d = days[i];
  readout.textContent = `${d.date}: revenue ${fmt.money(d.revenue)} · ${fmt.count(d.orders)} orders · ` +
    `${fmt.count(d.customers)} active customers (${fmt.count(d.newCustomers)} new) · ${fmt.count(d.visits)} visits`;
}

export async function loadDaily(view) {
  if (!view.range) {
    for (const c of charts) c.host.replaceChildren();
    for (const name of ['revenue', 'orders', 'active', 'repeat']) kpi(name, '–');
    return;
  }
  const period = new URLSearchParams({ from: view.from, to: view.to });
  const [{ data: stats }, { data: repeat }] = await Promise.all([
    getJson(`api/stats/daily?${period}`), getJson(`api/stats/repeaters?${period}`)]);
  const t = stats.totals;
  const days = `${stats.days.length} day${stats.days.length === 1 ? '' : 's'}`;
  kpi('revenue', fmt.money(t.revenue), `over ${days}`);
  kpi('orders', fmt.count(t.orders), t.orders ? `${fmt.money(t.revenue / t.orders)} per order` : '');
  kpi('active', fmt.count(t.customers), `${fmt.count(t.newCustomers)} new in the range`);
  kpi('repeat', fmt.percent(repeat.rate), `${fmt.count(repeat.repeaters)} of ${fmt.count(repeat.buyers)} buyers ordered twice or more`);
  for (const c of charts) {
    series(c.host, stats.days, c.key, {
      format: c.format, className: c.className, integer: c.integer, label: `${c.key} per day from ${stats.from} to ${stats.to}`, onHover: i => hover(stats.days, i),
    });
  }
}

export function onDailyChange(view, reload) {
  const changed = () => {
    if (from.value && to.value && from.value <= to.value) {
      [view.from, view.to, view.followRange] = [from.value, to.value, false];
      reload('daily');
    }
  };
  from.addEventListener('change', changed);
  to.addEventListener('change', changed);
  $('daily-all').addEventListener('click', () => {
    view.followRange = true;
    reload('summary');
  });
}
