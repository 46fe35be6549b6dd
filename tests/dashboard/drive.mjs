// Drives the dashboard in Debian's Chromium (playwright-core, never a downloaded browser) and prints what it saw as
// one JSON line; tests/Ltv.Host.Tests/Dashboard/DashboardBrowserTests.cs starts the server and checks the answers.
// Usage: node drive.mjs '{"url": ..., "apiKey": ..., "uploadFile": ..., "firstAfterIngest": ..., "dropFile": ..., "firstAfterDrop": ...,
//   "screenshots": DIR}'
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const config = JSON.parse(process.argv[2]);
const timeout = 20_000;
const panels = ['top', 'distribution', 'daily', 'projections', 'ingests'];
const seen = { consoleErrors: [], screenshots: [] };
mkdirSync(config.screenshots, { recursive: true });

// The flags that keep Chromium off the network (the machine's network is closed) and out of first-run work.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

async function open(viewport) {
  const page = await (await browser.newContext({ viewport, deviceScaleFactor: 1 })).newPage();
  page.setDefaultTimeout(timeout);
  // Errors the page did not expect: scripts failing, the content policy refusing something. An error status
  // the page handles (the 401 before the key) is logged by Chromium as "Failed to load resource": not one.
  page.on('pageerror', e => seen.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('console', m => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) seen.consoleErrors.push(m.text());
  });
  await page.goto(config.url);
  await ready(page, panels);
  return page;
}

async function ready(page, names) {
  for (const name of names) {
    await page.waitForSelector(`#${name}[data-state=ready]`);
  }
}

async function shoot(page, name) {
  const path = join(config.screenshots, name);
  await page.screenshot({ path, fullPage: true });
  seen.screenshots.push(path);
}

const firstCustomer = page => page.locator('#top-table tbody tr:first-child td.customer a').textContent();
const bars = (page, chart) => page.locator(`${chart} rect.bar`).count();
const uploadCounts = page => page.$$eval('#upload-summary [data-count]', dds => Object.fromEntries(dds.map(d => [d.dataset.count, d.textContent])));
const histogramCustomers = page => page.$$eval('#histogram rect.bar', rects => rects.reduce((n, r) => n + Number(r.dataset.customers), 0));

/** Clicks, then waits for the panels it reloads to say ready again (they say loading as soon as the click lands). */
async function andWait(page, action, names) {
  await action();
  await ready(page, names);
}

try {
  const page = await open({ width: 1360, height: 900 });
  seen.timeframeShown = await page.locator('input[name=timeframe]:checked').getAttribute('value');
  seen.firstDataset = await firstCustomer(page);
  seen.topRows = await page.locator('#top-table tbody tr').count();
  seen.histogram = { bars: await bars(page, '#histogram'), customers: await histogramCustomers(page) };
  // Each day chart draws bars, or one area when days are narrower than 2 px; it says how many days and their top value.
  seen.daily = Object.fromEntries(await page.$$eval('#daily g.series', charts => charts.map(g => [g.classList[1], {
    days: Number(g.dataset.days), max: Number(g.dataset.max), bars: g.querySelectorAll('rect.bar').length, areas: g.querySelectorAll('path.area').length,
  }])));
  seen.kpis = Object.fromEntries(await page.$$eval('.kpi', kpis => kpis.map(k => [k.querySelector('.label').textContent, k.querySelector('.value').textContent])));
  seen.projectionRows = await page.locator('#projections-table tbody tr').count();
  seen.ingestRows = await page.locator('#ingests-table tbody tr').count();
  seen.firstIngestRejected = (await page.locator('#ingests-table tbody tr:first-child td:last-child').textContent()).trim();

  await andWait(page, () => page.locator('label:has(input[value=customer])').click(), ['top', 'distribution']);
  seen.firstCustomerTimeframe = await firstCustomer(page);
  await andWait(page, () => page.locator('#log-scale').check(), ['distribution']);
  seen.histogramLog = { bars: await bars(page, '#histogram'), customers: await histogramCustomers(page) };
  await andWait(page, () => page.locator('label:has(input[value=dataset])').click(), ['top', 'distribution']);

  await page.locator('#top-table tbody tr:first-child td.customer a').click();
  await ready(page, ['customer']);
  seen.customer = { title: await page.locator('#customer-title').textContent(), events: await page.locator('#events-table tbody tr').count() };
  await page.waitForSelector('#customer .prediction :is(dl, p:not(:has-text("fitting")))');
  seen.customer.prediction = (await page.locator('#customer .prediction').textContent()).trim();
  await shoot(page, 'dashboard-customer.png');
  await page.locator('#customer-close').click();
  await page.waitForSelector('#customer', { state: 'hidden' });

  // The file picker; the server wants a key for writes, so the page asks for one and then posts again.
  await page.setInputFiles('#file-input', config.uploadFile);
  await page.waitForSelector('#key-form', { state: 'visible' });
  seen.keyReason = await page.locator('#key-reason').textContent();
  await page.fill('#key-input', config.apiKey);
  await page.locator('#key-form button[type=submit]').click();
  await page.waitForSelector('#upload-summary [data-count=accepted]');
  seen.upload = await uploadCounts(page);
  seen.uploadProgress = await page.locator('#upload-progress progress').evaluate(p => p.value);
  seen.keyStored = await page.evaluate(() => sessionStorage.getItem('ltv.apiKey') !== null && localStorage.length === 0);
  // The page waits for the read models itself, then redraws: the new leader shows up without a reload.
  await page.waitForFunction(
    id => document.querySelector('#top-table tbody tr:first-child td.customer a')?.textContent === id, config.firstAfterIngest)
    .catch(() => { /* reported below as whatever is first */ });
  seen.firstAfterIngest = await firstCustomer(page);
  await ready(page, panels);

  // A file dropped on the zone as a drag from the desktop delivers it: dragenter, dragover (the page marks the
  // zone), then drop, each carrying a DataTransfer that holds a File. The key is in sessionStorage by now.
  const dropName = basename(config.dropFile);
  const dataTransfer = await page.evaluateHandle(({ name, text }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'application/x-ndjson' }));
    return transfer;
  }, { name: dropName, text: readFileSync(config.dropFile, 'utf8') });
  await page.dispatchEvent('#drop-zone', 'dragenter', { dataTransfer });
  await page.dispatchEvent('#drop-zone', 'dragover', { dataTransfer });
  seen.dropZoneMarked = await page.locator('#drop-zone').evaluate(zone => zone.classList.contains('over'));
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
  await page.waitForSelector(`#upload-summary h3:has-text("${dropName}")`);
  seen.drop = await uploadCounts(page);
  await page.waitForFunction(
    id => document.querySelector('#top-table tbody tr:first-child td.customer a')?.textContent === id, config.firstAfterDrop)
    .catch(() => { /* reported below as whatever is first */ });
  seen.firstAfterDrop = await firstCustomer(page);
  await ready(page, panels);
  await page.locator('#upload-summary').scrollIntoViewIfNeeded();
  await shoot(page, 'dashboard.png');

  const narrow = await open({ width: 390, height: 844 });
  seen.narrow = await narrow.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  await shoot(narrow, 'dashboard-narrow.png');

  // Errors are the page's to explain: the server gone, then one endpoint answering a problem.
  const errorsBefore = seen.consoleErrors.length;
  await page.route('**/api/**', route => route.abort('connectionrefused'));
  await page.route('**/health', route => route.abort('connectionrefused'));
  await page.locator('#refresh').click();
  await page.waitForSelector('#banner:not([hidden])');
  await page.waitForSelector('#refresh:not([disabled])');
  seen.unreachable = { banner: await page.locator('#banner').textContent(), health: await page.locator('#health').textContent() };
  await page.unrouteAll();
  await page.route('**/api/customers/top?*', route => route.fulfill({
    status: 503, contentType: 'application/problem+json',
    body: JSON.stringify({ title: 'Database unavailable', status: 503, detail: 'The event store is unreachable (test).' }),
  }));
  await page.locator('#refresh').click();
  await page.waitForSelector('#top[data-state=error]');
  await page.waitForSelector('#refresh:not([disabled])'); // every panel has answered
  seen.problem = { banner: await page.locator('#banner').textContent(), panel: await page.locator('#top .panel-error').textContent() };
  seen.consoleErrors.splice(errorsBefore); // what the faked failures logged is expected
} catch (e) {
  seen.failure = String(e.stack ?? e);
  const pages = browser.contexts().flatMap(c => c.pages());
  if (pages.length) await shoot(pages[0], 'failure.png').catch(() => {});
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
