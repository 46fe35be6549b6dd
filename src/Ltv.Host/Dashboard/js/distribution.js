// How LTV is spread over all customers (GET api/customers/ltv-histogram), counted by the server.
import { getJson } from './api.js';
import { histogram } from './charts.js';
import { fmt } from './format.js';

const panel = document.getElementById('distribution');
const chart = panel.querySelector('#histogram');
const hint = panel.querySelector('#distribution-hint');

/** Draws the histogram; answers the timeframe and lifespan the server used (its defaults when the view has none). */
export async function loadDistribution(view) {
  const query = new URLSearchParams({ buckets: 24, scale: view.log ? 'log' : 'linear' });
  if (view.timeframe) query.set('timeframe', view.timeframe);
  const { data } = await getJson(`api/customers/ltv-histogram?${query}`);
  const withRevenue = data.customers - data.withoutRevenue;
  if (data.buckets.length) {
    histogram(chart, data.buckets, { format: fmt.moneyShort, label: `LTV of ${withRevenue} customers with revenue, ${data.scale} scale` });
  } else {
    chart.replaceChildren();
  }
  const apart = data.withoutRevenue ? ` ${fmt.count(data.withoutRevenue)} without revenue (LTV $0) are not drawn.` : '';
  hint.textContent = `${fmt.count(withRevenue)} customers with revenue, ${data.timeframe} timeframe, lifespan ${data.lifespanYears} years` +
    `${data.scale === 'log' ? ', buckets of equal ratio' : ''}.${apart}`;
  return data;
}

export function onDistributionChange(view, reload) {
  panel.querySelector('#log-scale').addEventListener('change', e => { view.log = e.target.checked; reload('distribution'); });
}
