// Numbers and dates as people read them, and DOM building that only ever sets text (data never becomes markup).

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const compactMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const roundMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 });
const count = new Intl.NumberFormat('en-US');
const compactCount = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

const valid = iso => typeof iso === 'string' && !Number.isNaN(Date.parse(iso));

export const fmt = {
  money: v => money.format(v),
  moneyShort: v => (Math.abs(v) < 1000 ? roundMoney.format(v) : compactMoney.format(v)),
  count: v => count.format(v),
  countShort: v => compactCount.format(v),
  percent: v => percent.format(v),
  /** An instant as its UTC day and time, the way the API's days are counted (as given when it is not a date). */
  time: iso => (valid(iso) ? new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : iso ?? '–'),
  day: iso => (valid(iso) ? new Date(iso).toISOString().slice(0, 10) : iso),
};

/** Builds an element: `h('td', { class: 'num' }, '12')`; children are nodes or text, never HTML. */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces a table body's rows; an empty list shows `empty` across the table. */
export function fillRows(tbody, rows, empty) {
  const columns = tbody.closest('table').tHead.rows[0].cells.length;
  tbody.replaceChildren(...(rows.length ? rows : [h('tr', { class: 'empty' }, h('td', { colspan: columns }, empty))]));
}

/** Marks a panel's state for styles (and for tests that wait for it): loading, ready or error. */
export function setState(panel, state, message) {
  panel.dataset.state = state;
  panel.querySelector(':scope > .panel-error')?.remove();
  if (state === 'error') {
    panel.append(h('p', { class: 'panel-error' }, message));
  }
}
