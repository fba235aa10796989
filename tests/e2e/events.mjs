// The browser test of the page's live events (newsfuse serve --db): a
// server over a track database of an invented stream, and one without a
// database. Checks the list (paged, newest change first), opening an event
// (what is new, what changed, the sheet, sources, timeline), the keyboard,
// a phone's width, and that the section stays hidden without --db.
// Prints PASS/FAIL lines and saves screenshots.
//
// usage: node events.mjs URL_WITH_DB URL_WITHOUT_DB OUT_DIR
import { check, session } from './session.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [withDb, withoutDb, outDir] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
await session(async (browser) => {
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await desktop.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  await page.goto(withDb, { waitUntil: 'networkidle' });
  await page.waitForSelector('#event-list .event-open', { timeout: 10000 });
  check('live events shown when the server has a database', await page.locator('#events').isVisible());
  const first = await page.locator('#event-list .event-open').count();
  check('the first page lists 20 events', first === 20, first);
  const api = await page.evaluate(async () => (await fetch('/v1/events?limit=100')).json());
  const titles = await page.locator('#event-list .event-title').allInnerTexts();
  check('newest change first, as the API orders them',
        titles.every((t, i) => t === (api.events[i].title || api.events[i].id)), titles.slice(0, 3));
  check('older events offered', await page.locator('#events-more').isVisible());
  await page.click('#events-more');
  await page.waitForFunction((n) => document.querySelectorAll('#event-list .event-open').length > n, first);
  const ids = await page.locator('#event-list .event-open').evaluateAll((bs) => bs.map((b) => b.dataset.id));
  check('the next page adds the older events, each once',
        ids.length === api.events.length && new Set(ids).size === ids.length, ids.length + ' of ' + api.events.length);

  // The event with the most articles: it has updates, revisions, a timeline.
  const big = api.events.slice().sort((a, b) => b.articles - a.articles)[0];
  await page.locator(`#event-list .event-open[data-id="${big.id}"]`).click();
  await page.waitForSelector('#event:not([hidden])');
  check('opening an event shows its title', (await page.locator('#event-h').innerText()) === big.title,
        await page.locator('#event-h').innerText());
  check('the opened event is marked in the list',
        (await page.locator(`#event-list .event-open[data-id="${big.id}"]`).getAttribute('aria-current')) === 'true');
  const detail = await page.evaluate(async (id) => (await fetch('/v1/events/' + id)).json(), big.id);
  const said = await page.locator('#event-summary li.sentence').count();
  check('what is new: the last update summary', said === detail.last_output.summary.length && said > 0, said);
  const sources = await page.locator('#event-sources tbody tr').count();
  check('one source row per article', sources === big.articles, sources + ' vs ' + big.articles);
  const timeline = await page.locator('#event-timeline li').allInnerTexts();
  check('timeline starts with the first report', /first report/.test(timeline[0] || ''), timeline[0]);
  check('timeline shows a revision', timeline.some((t) => /revision/.test(t)), timeline.join(' | ').slice(0, 300));
  const sheetRows = await page.locator('#event-sheet tbody tr').count();
  check('figure sheet shown', sheetRows >= 1, sheetRows);
  const changes = await page.locator('#event-changes li').allInnerTexts();
  check('what changed in the figures listed', changes.length >= 1, changes.join(' | '));
  check('focus moves to the event', await page.evaluate(() => document.activeElement.id === 'event-h'));
  await page.screenshot({ path: join(outDir, 'events-desktop.png'), fullPage: true });
  await page.click('#event-close');
  check('Close hides the event and focus returns to the list',
        (await page.locator('#event').isHidden()) &&
        (await page.evaluate(() => document.activeElement.classList.contains('event-open'))));
  // Keyboard only: Tab to an event, Enter opens it.
  await page.locator('#event-list .event-open').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#event:not([hidden])');
  check('Enter on a focused event opens it', await page.locator('#event').isVisible());
  check('no script errors in the console', consoleErrors.length === 0, consoleErrors.join('; '));
  await desktop.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const ppage = await phone.newPage();
  await ppage.goto(withDb, { waitUntil: 'networkidle' });
  await ppage.waitForSelector('#event-list .event-open');
  await ppage.locator(`#event-list .event-open`).first().tap();
  await ppage.waitForSelector('#event:not([hidden])');
  const overflow = await ppage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('phone width: an open event needs no sideways scrolling', overflow <= 1, overflow);
  await ppage.screenshot({ path: join(outDir, 'events-phone.png'), fullPage: true });
  await phone.close();

  const plain = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const npage = await plain.newPage();
  await npage.goto(withoutDb, { waitUntil: 'networkidle' });
  check('no live events section without --db', await npage.locator('#events').isHidden());
  await plain.close();
  console.log(`e2e screenshots: ${join(outDir, 'events-desktop.png')} ${join(outDir, 'events-phone.png')}`);
});
