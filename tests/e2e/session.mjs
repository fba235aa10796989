// What both browser tests (page.mjs, events.mjs) share: PASS/FAIL lines
// as tests/run.sh counts them, Debian's Chromium launched headless
// (playwright-core, no browser download of its own), and one session
// whose exception is a failure, ending the process with the verdict.
import { chromium } from 'playwright-core';

let failures = 0;

export function check(name, ok, detail) {
  if (ok) console.log(`PASS e2e: ${name}`);
  else {
    failures++;
    console.log(`FAIL e2e: ${name}${detail ? ': ' + String(detail).slice(0, 300) : ''}`);
  }
}

// Runs body(browser), then closes the browser and exits: 1 if any check
// failed or body threw.
export async function session(body) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await body(browser);
  } catch (e) {
    check('browser session', false, e.stack || e);
  } finally {
    await browser.close();
  }
  process.exit(failures ? 1 : 0);
}
