// The browser test of the newsfuse page: Playwright (playwright-core, no
// browser download) drives Debian's Chromium headless against a running
// `newsfuse serve`. It pastes the bundled example's four reports, asks for
// a summary with the figure sheet and checks what a reader would look for:
// the summary, its source marks and corroboration counts, the source
// passages (byte offsets converted right, also for non-ASCII text), the
// planted disagreements in the sheet, the refusal message, the keyboard.
// Prints PASS/FAIL lines (tests/run.sh counts them) and saves screenshots.
//
// usage: node page.mjs BASE_URL EXAMPLE_DIR OUT_DIR
import { check, session } from './session.mjs';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, exampleDir, outDir] = process.argv.slice(2);
const files = readdirSync(exampleDir).filter((f) => f.endsWith('.txt')).sort();
const reports = files.map((f) => ({ name: f, text: readFileSync(join(exampleDir, f), 'utf8') }));
mkdirSync(outDir, { recursive: true });

/* Pastes the reports into the page's boxes (adding boxes as needed). */
async function paste(page, list) {
  let boxes = await page.locator('#reports textarea').count();
  while (boxes < list.length) {
    await page.click('#add');
    boxes++;
  }
  for (let i = 0; i < list.length; i++) {
    await page.fill(`#report-${i + 1}`, list[i].text);
    await page.locator('.report-name').nth(i).fill(list[i].name);
  }
}

/* For every summary sentence: opens its passage and compares the
 * highlighted text with the sentence. Returns the mismatches. */
async function passageMismatches(page) {
  const sentences = page.locator('#summary li.sentence');
  const n = await sentences.count();
  const bad = [];
  for (let i = 0; i < n; i++) {
    const s = sentences.nth(i);
    const text = (await s.locator('.text').innerText()).trim();
    await s.locator('button.mark').click();
    const mark = (await page.locator('#passage-body .quote').first().locator('mark').innerText()).trim();
    if (mark !== text) bad.push(`sentence ${i + 1}: "${text}" vs passage "${mark}"`);
  }
  return bad;
}

await session(async (browser) => {
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await desktop.newPage();
  const consoleErrors = [];
  // The refusal test's 422 is logged by the browser as a failed load: expected.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 422/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  await page.goto(base, { waitUntil: 'networkidle' });
  check('page loads with its title', (await page.title()).includes('newsfuse'));
  check('methods listed from /version',
        (await page.locator('#method option').count()) > 1, await page.locator('#method').innerHTML());

  await paste(page, reports);
  await page.fill('#words', '120');
  await page.click('#go');
  await page.waitForSelector('#summary li.sentence', { timeout: 20000 });

  const sentences = await page.locator('#summary li.sentence .text').allInnerTexts();
  check('summary shown', sentences.length >= 2, sentences.length);
  const words = sentences.join(' ').split(/\s+/).filter(Boolean).length;
  check('summary within the 120 words asked', words > 20 && words <= 120, words);
  check('summary tells the event', /bridge|footbridge/i.test(sentences.join(' ')), sentences.join(' | '));
  check('no debris in the summary', !/Related content|Share Tweet|Image copyright/.test(sentences.join(' ')));

  const marks = await page.locator('#summary li.sentence button.mark').allInnerTexts();
  check('every sentence has a source mark 1-4',
        marks.length === sentences.length && marks.every((m) => /^[1-4]$/.test(m.trim())), marks);
  const supports = await page.locator('#summary .support').allInnerTexts();
  check('corroboration counts shown', supports.length >= 1 && supports.every((s) => /^\+\d+$/.test(s)), supports);

  const bad = await passageMismatches(page);
  check('each source passage is the sentence itself', bad.length === 0, bad.join('; '));
  check('passage names its report',
        /Report [1-4] · \d-[a-z-]+\.txt/.test(await page.locator('#passage-h').innerText()),
        await page.locator('#passage-h').innerText());

  const revised = (await page.locator('#facts-table tr.revised').allInnerTexts()).join(' | ');
  check('planted revision: five then six missing Estmarkians (Sunday, then Monday)',
        /missing/.test(revised) && /estmark/i.test(revised) && /five|\b5\b/i.test(revised) && /six|\b6\b/i.test(revised), revised);
  check('planted revision: deaths 12 then 14', /killed/.test(revised) && /12/.test(revised) && /14/.test(revised), revised);
  check('planted revision: injured 37 then 41', /injured/.test(revised) && /37/.test(revised) && /41/.test(revised), revised);
  check('the sheet says why', /newer than every other value/.test(revised), revised);
  const firstRow = await page.locator('#facts-table tbody tr').first().getAttribute('class');
  check('disagreements listed first in the sheet', /conflict|revised/.test(firstRow || ''), firstRow);
  const revisedBg = await page.locator('#facts-table tr.revised').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  check('disagreement rows stand out', revisedBg !== 'rgba(0, 0, 0, 0)' && revisedBg !== 'rgb(255, 255, 255)', revisedBg);

  await page.locator('#summary li.sentence button.mark').first().click();
  await page.screenshot({ path: join(outDir, 'page-desktop.png'), fullPage: true });

  // Keyboard: focus a mark, the passage opens; Escape closes it and keeps focus.
  await page.locator('#passage-close').click();
  await page.locator('#summary button.mark').nth(1).focus();
  check('focusing a mark opens its passage',
        (await page.locator('#passage').getAttribute('data-open')) === 'true' &&
        (await page.locator('#passage-body mark').count()) >= 1);
  await page.keyboard.press('Escape');
  check('Escape closes the passage', (await page.locator('#passage').getAttribute('data-open')) === 'false' &&
        (await page.locator('#passage-body mark').count()) === 0);
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.className);
  check('focus returns to the mark', /mark/.test(focused || ''), focused);

  // Non-ASCII reports: byte offsets must still land on the sentences.
  const accents = [
    { name: 'é.txt', text: 'Zoë Dupré — the mayor’s aide — said the “Lantern” footbridge fell at 9.40 p.m. into the harbour.\n\nRescuers in Port Avelin pulled 23 people from the water before midnight, said Åsa Lindqvist.' },
    { name: 'ø.txt', text: 'Søren Ølgaard, a fisherman, said the footbridge fell into the harbour at 9.40 p.m. on Saturday.\n\nThe governor ordered an inquiry into the collapse of the Lantern footbridge on Sunday.' },
  ];
  await page.reload({ waitUntil: 'networkidle' });
  await paste(page, accents);
  await page.fill('#words', '200');
  await page.click('#go');
  await page.waitForSelector('#summary li.sentence', { timeout: 20000 });
  const bad2 = await passageMismatches(page);
  check('offsets right for non-ASCII text (UTF-8 bytes)', bad2.length === 0 &&
        (await page.locator('#summary li.sentence').count()) >= 2, bad2.join('; '));

  // Files: each is read on the server as newsfuse summarize reads it (POST
  // /v1/read): an HTML page keeps its article text, without scripts and
  // menus (its title and date go with it); a text file is taken as it is;
  // each fills one report box.
  await page.reload({ waitUntil: 'networkidle' });
  await page.setInputFiles('#files', [
    { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(
      '<html><head><title>T</title><script>var tracker = 1;</script></head><body>' +
      '<nav>Home | World | Sport</nav><article><h1>Bridge falls</h1>' +
      '<p>The footbridge fell into the harbour at 9.40 p.m., officials said.</p>' +
      '<p>Divers searched the dark water through the night for the missing.</p></article>' +
      '<footer>Copyright</footer></body></html>') },
    { name: 'wire.txt', mimeType: 'text/plain', buffer: Buffer.from(reports[0].text) },
  ]);
  await page.waitForFunction(() => document.querySelector('#report-2') && document.querySelector('#report-2').value.length > 0);
  const fromHtml = await page.inputValue('#report-1');
  check('HTML file: article text kept, menus and scripts dropped',
        /footbridge fell into the harbour/.test(fromHtml) && /Divers searched/.test(fromHtml) &&
        !/tracker|Home \| World|Copyright/.test(fromHtml), fromHtml);
  check('text file taken as it is', (await page.inputValue('#report-2')) === reports[0].text);
  check('file names become report names',
        (await page.locator('.report-name').nth(0).inputValue()) === 'page.html');

  // A refusal is said clearly: nothing pasted gives the server's 422.
  await page.reload({ waitUntil: 'networkidle' });
  await page.click('#go');
  await page.waitForSelector('#error:not([hidden])', { timeout: 10000 });
  const err = await page.locator('#error').innerText();
  check('refusal shown with status and reason', /HTTP 422/.test(err) && /document/i.test(err), err);
  check('no script errors in the console', consoleErrors.length === 0, consoleErrors.join('; '));
  await desktop.close();

  // Phone width: one column, nothing wider than the screen.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const ppage = await phone.newPage();
  await ppage.goto(base, { waitUntil: 'networkidle' });
  await paste(ppage, reports);
  await ppage.click('#go');
  await ppage.waitForSelector('#summary li.sentence', { timeout: 20000 });
  const overflow = await ppage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('phone width: no sideways scrolling', overflow <= 1, overflow);
  await ppage.locator('#summary li.sentence button.mark').first().tap();
  await ppage.screenshot({ path: join(outDir, 'page-phone.png'), fullPage: true });
  await ppage.screenshot({ path: join(outDir, 'page-phone-passage.png') });
  await ppage.locator('#passage-close').tap();
  check('phone width: Close hides the passage', await ppage.locator('#passage').isHidden());
  await ppage.locator('#sheet').scrollIntoViewIfNeeded();
  await ppage.screenshot({ path: join(outDir, 'page-phone-sheet.png') });
  await phone.close();
  console.log(`e2e screenshots: ${join(outDir, 'page-desktop.png')} ${join(outDir, 'page-phone.png')}`);
});
