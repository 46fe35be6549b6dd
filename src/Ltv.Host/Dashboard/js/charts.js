// Small hand-written SVG charts: a histogram and a per-day series. Drawn at the container's pixel width (text stays
// crisp) and drawn again when it changes size.

const ns = 'http://www.w3.org/2000/svg';
const margin = { top: 10, right: 10, bottom: 24, left: 52 };
const redraws = new WeakMap();
const resized = new ResizeObserver(entries => {
  for (const entry of entries) {
    const draw = redraws.get(entry.target);
    if (draw && Math.abs(entry.contentRect.width - (entry.target.lastWidth ?? 0)) > 1) draw();
  }
});

function svg(tag, attrs = {}, parent = null, text = null) {
  const node = document.createElementNS(ns, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== null) node.textContent = text;
  parent?.append(node);
  return node;
}

/** Round steps (1, 2, 5 x 10^n) from 0 to at least `max`. */
export function niceTicks(max, wanted = 4, integer = false) {
  if (!(max > 0)) return [0, 1];
  const rough = integer ? Math.max(max / wanted, 1) : max / wanted;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= rough);
  const ticks = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

function frame(host, height, label) {
  host.lastWidth = host.clientWidth;
  const width = Math.max(host.clientWidth, 240);
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label });
  host.replaceChildren(root);
  return { root, width, height, plotWidth: width - margin.left - margin.right, plotHeight: height - margin.top - margin.bottom };
}

function yAxis(f, max, format, integer = false) {
  const ticks = niceTicks(max, 4, integer);
  const top = ticks[ticks.length - 1];
  const y = v => margin.top + f.plotHeight - (v / top) * f.plotHeight;
  const axis = svg('g', { class: 'axis y' }, f.root);
  for (const t of ticks) {
    svg('line', { x1: margin.left, x2: f.width - margin.right, y1: y(t), y2: y(t), class: t === 0 ? 'baseline' : 'grid' }, axis);
    svg('text', { x: margin.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, axis, format(t));
  }
  return y;
}

function xLabel(f, x, text) {
  svg('text', { x, y: f.height - 6, 'text-anchor': 'middle', class: 'axis x' }, f.root, text);
}

function remember(host, draw) {
  redraws.set(host, draw);
  resized.observe(host);
  draw();
}

/** Bars of equal width, one per bucket ({from, to, customers}); the axis shows bucket edges. */
export function histogram(host, buckets, { format, label }) {
  remember(host, () => {
    const f = frame(host, 280, label);
    const y = yAxis(f, Math.max(...buckets.map(b => b.customers), 1), String, true);
    const step = f.plotWidth / buckets.length;
    const bars = svg('g', { class: 'bars' }, f.root);
    buckets.forEach((b, i) => {
      const top = y(b.customers);
      const bar = svg('rect', {
        class: 'bar', x: margin.left + i * step + 1, y: top, width: Math.max(step - 2, 1), height: Math.max(y(0) - top, 0),
        'data-customers': b.customers,
      }, bars);
      svg('title', {}, bar, `${format(b.from)} to ${format(b.to)}: ${b.customers} customer${b.customers === 1 ? '' : 's'}`);
    });
    const every = Math.max(1, Math.ceil(buckets.length / Math.max(1, Math.floor(f.plotWidth / 64))));
    for (let i = 0; i <= buckets.length; i += every) {
      xLabel(f, margin.left + i * step, format(i < buckets.length ? buckets[i].from : buckets[buckets.length - 1].to));
    }
  });
}

function dayLabel(date, long) {
  const d = new Date(`${date}T00:00:00Z`);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return long ? `${month} ${d.getUTCFullYear()}` : `${month} ${d.getUTCDate()}`;
}

/** One figure per day: a bar a day while they are 2 px wide or more, an area beyond that. */
export function series(host, days, key, { format, label, className, integer, onHover }) {
  remember(host, () => {
    const f = frame(host, 130, label);
    const y = yAxis(f, Math.max(...days.map(d => d[key]), 0), format, integer);
    const step = f.plotWidth / Math.max(days.length, 1);
    const plot = svg('g', { class: `series ${className}`, 'data-days': days.length, 'data-max': Math.max(0, ...days.map(d => d[key])) }, f.root);
    if (step >= 2) {
      days.forEach((d, i) => {
        if (d[key] <= 0) return;
        const bar = svg('rect', { class: 'bar', x: margin.left + i * step, y: y(d[key]), width: Math.max(step - 1, 1), height: y(0) - y(d[key]) }, plot);
        svg('title', {}, bar, `${d.date}: ${format(d[key])}`);
      });
    } else {
      const points = days.map((d, i) => `${(margin.left + (i + 0.5) * step).toFixed(1)},${y(d[key]).toFixed(1)}`);
      svg('path', { class: 'area', d: `M${margin.left},${y(0)} L${points.join(' L')} L${margin.left + f.plotWidth},${y(0)} Z` }, plot);
    }
    // Long ranges are labelled at month starts, short ones at days; as many as fit, evenly spread.
    const long = days.length > 120;
    const candidates = long ? days.flatMap((d, i) => (d.date.endsWith('-01') ? [i] : [])) : days.map((_, i) => i);
    const every = Math.max(1, Math.ceil(candidates.length / Math.max(1, Math.floor(f.plotWidth / 70))));
    candidates.filter((_, k) => k % every === 0)
      .forEach(i => xLabel(f, margin.left + (i + 0.5) * step, dayLabel(days[i].date, long)));
    const guide = svg('line', { class: 'guide', y1: margin.top, y2: margin.top + f.plotHeight, x1: -10, x2: -10 }, f.root);
    host.markDay = i => {
      const x = i === null ? -10 : margin.left + (i + 0.5) * step;
      guide.setAttribute('x1', x);
      guide.setAttribute('x2', x);
    };
    f.root.addEventListener('mousemove', e => {
      const i = Math.floor((e.offsetX - margin.left) / step);
      onHover(i >= 0 && i < days.length ? i : null);
    });
    f.root.addEventListener('mouseleave', () => onHover(null));
  });
}
