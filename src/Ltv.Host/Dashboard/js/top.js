// Top X customers by Simple LTV (GET api/customers/top), each linked to its history.
import { getJson } from './api.js';
import { fillRows, fmt, h } from './format.js';

const panel = document.getElementById('top');
const rows = panel.querySelector('#top-table tbody');
const hint = panel.querySelector('#top-hint');
const formula = hint.textContent;

export function customerLink(id) {
  return h('a', { href: `#customer/${encodeURIComponent(id)}`, title: `${id}: profile and event history` }, id);
}

function ltvCell(ltv, max) {
  const bar = h('span', { class: 'ltv-bar', 'aria-hidden': 'true' });
  bar.style.width = `${max > 0 ? Math.max((ltv / max) * 100, 0.5) : 0}%`; // CSSOM, which the page's policy allows; style attributes it does not
  return h('td', { class: 'num ltv' }, bar, h('span', { class: 'ltv-value' }, fmt.money(ltv)));
}

/** Loads the table for the view's timeframe (the server's default until one is chosen) and size. */
export async function loadTop(view) {
  const query = new URLSearchParams({ x: view.top });
  if (view.timeframe) query.set('timeframe', view.timeframe);
  const { data, lag } = await getJson(`api/customers/top?${query}`);
  const max = data.length ? data[0].ltv : 0;
  fillRows(rows, data.map((c, i) => h('tr', {},
    h('td', { class: 'rank' }, i + 1),
    h('td', { class: 'customer' }, customerLink(c.customerId)),
    h('td', { class: 'name hide-narrow' }, c.lastName ?? '–'),
    h('td', { class: 'num hide-narrow' }, fmt.count(c.visits)),
    h('td', { class: 'num hide-narrow' }, fmt.count(c.orders)),
    h('td', { class: 'num' }, fmt.money(c.revenue)),
    h('td', { class: 'num hide-narrow' }, c.weeks),
    ltvCell(c.ltv, max))), 'No customers yet: ingest a file.');
  hint.textContent = lag > 0 ? `${formula} The ranking is ${fmt.count(lag)} events behind the log and catching up.` : formula;
}

/** Calls back with the new timeframe or size when the user changes them. */
export function onTopChange(view, reload) {
  for (const radio of panel.querySelectorAll('input[name=timeframe]')) {
    radio.addEventListener('change', () => { view.timeframe = radio.value; reload('timeframe'); });
  }
  panel.querySelector('#top-count').addEventListener('change', e => { view.top = Number(e.target.value); reload('top'); });
}

export function showTimeframe(timeframe) {
  for (const radio of panel.querySelectorAll('input[name=timeframe]')) radio.checked = radio.value === timeframe;
}
