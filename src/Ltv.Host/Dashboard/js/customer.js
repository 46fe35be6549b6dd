// One customer's profile, figures, predicted CLV and event history (GET api/customers/{id}, .../events and
// api/clv/customers/{id}), opened from a link: #customer/<id>.
import { getJson } from './api.js';
import { fillRows, fmt, h, setState } from './format.js';

const panel = document.getElementById('customer');
const title = panel.querySelector('#customer-title');
const body = panel.querySelector('#customer-body');
const hidden = new Set(['customerId', 'eventTime']);

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== null).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function place(p) {
  return [p.city, p.state].filter(Boolean).join(', ') || null;
}

function eventName(type) {
  return type.replace(/\.v\d+$/, '').replaceAll('_', ' ');
}

function details(data) {
  return Object.entries(data)
    .filter(([k]) => !hidden.has(k))
    .map(([k, v]) => `${k}: ${k === 'amount' ? fmt.money(v) : typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' · ');
}

async function prediction(id) {
  try {
    const { data } = await getJson(`api/clv/customers/${encodeURIComponent(id)}`);
    const c = data.customer;
    return facts([
      [`Predicted CLV (${data.context.horizonMonths} months)`, c.clv === null ? '–' : fmt.money(c.clv)],
      ['P(alive)', c.probabilityAlive === null ? '–' : fmt.percent(c.probabilityAlive)],
      ['Expected orders', c.expectedOrders === null ? '–' : c.expectedOrders.toFixed(2)],
    ]);
  } catch (e) {
    return h('p', { class: 'hint' }, `No predicted CLV: ${e.message}`);
  }
}

export function hideCustomer() {
  panel.hidden = true;
  body.replaceChildren();
}

export async function showCustomer(id) {
  panel.hidden = false;
  title.textContent = `Customer ${id}`;
  body.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
  setState(panel, 'loading');
  const path = `api/customers/${encodeURIComponent(id)}`;
  let c, events;
  try {
    [{ data: c }, { data: events }] = await Promise.all([getJson(path), getJson(`${path}/events`)]);
  } catch (e) {
    body.replaceChildren();
    throw e;
  }
  const previous = c.previousProfile;
  // The models are fitted on each request: the rest of the view does not wait for them.
  const clv = h('div', { class: 'prediction' }, h('p', { class: 'hint' }, 'Predicted CLV: fitting the models…'));
  prediction(id).then(node => clv.replaceChildren(node));
  const table = h('table', { id: 'events-table' },
    h('thead', {}, h('tr', {}, h('th', { class: 'num' }, '#'), h('th', {}, 'Event'), h('th', {}, 'Event time'), h('th', {}, 'Details'))),
    h('tbody'));
  fillRows(table.tBodies[0], events.map(e => h('tr', {},
    h('td', { class: 'num' }, e.version),
    h('td', {}, h('span', { class: 'badge', 'data-event': e.type.split('.')[0] }, eventName(e.type))),
    h('td', { class: 'time' }, fmt.time(e.data.eventTime)),
    h('td', { class: 'details' }, details(e.data)))), 'No events.');
  body.replaceChildren(
    h('div', { class: 'customer-grid' },
      facts([
        ['Name', c.profile.lastName ?? (c.hasCustomerEvent ? '–' : 'no CUSTOMER event yet')],
        ['Place', place(c.profile)],
        ['Previously', previous.lastName || place(previous) ? [previous.lastName, place(previous)].filter(Boolean).join(', ') : null],
        ['Revenue', fmt.money(c.revenue)],
        ['Orders · visits · images', `${fmt.count(c.orders)} · ${fmt.count(c.visits)} · ${fmt.count(c.images)}`],
        ['First · last event', `${fmt.time(c.firstEventTime)} → ${fmt.time(c.lastEventTime)}`],
        ['Weeks', c.weeks],
      ]),
      clv),
    h('h3', {}, `History: ${events.length} event${events.length === 1 ? '' : 's'}, in the order they arrived`),
    h('div', { class: 'table-wrap' }, table));
  setState(panel, 'ready');
}
