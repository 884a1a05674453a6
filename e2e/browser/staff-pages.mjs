// What the browser scripts of the staff pages share (lettings-pages.mjs, inbox-pages.mjs): Debian's Chromium driven
// by playwright-core, named steps that record their failures, axe-core (WCAG 2.1 A and AA) over a page, the
// security headers of every page load, the login at identity through the gateway, and the JSON result file the Java
// test reads (BrowserRun).
//
// Environment: VAKSAM_GATEWAY_URL (required, the public base URL), VAKSAM_BROWSER_RESULT (JSON result file),
// VAKSAM_CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { check, log, recorder } from './support.mjs';

export { check } from './support.mjs';
export const TIMEOUT = 60_000;

/**
 * A run of one script: `required` names further environment variables it cannot do without. `result` is what the
 * result file holds: steps passed, axe results by page, page loads checked for headers, failures.
 */
export function staffPagesRun(script, required = []) {
  const base = (process.env.VAKSAM_GATEWAY_URL || '').replace(/\/$/, '');
  const missing = ['VAKSAM_GATEWAY_URL', ...required].filter(name => !process.env[name]);
  if (missing.length > 0) {
    console.error(`${missing.join(' and ')} must be set`);
    process.exit(64);
  }
  const resultFile = process.env.VAKSAM_BROWSER_RESULT || `target/${script}-result.json`;
  mkdirSync(dirname(resultFile), { recursive: true });
  const result = { steps: [], axe: {}, headersChecked: 0, weakHeaders: [], failures: [] };
  const browsers = [];
  const { step, axe } = recorder(result);

  /**
   * A fresh browser context (its own cookies, so its own login) whose page loads under `prefix` are checked for the
   * pages' security headers; `alsoRequire(headers)` names more that every such load must have.
   */
  async function newPage(prefix, alsoRequire = () => true) {
    if (browsers.length === 0) {
      browsers.push(await chromium.launch({
        executablePath: process.env.VAKSAM_CHROMIUM || '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      }));
    }
    // axe is injected as an inline script, which the pages' CSP forbids; the CSP header itself is checked here.
    const context = await browsers[0].newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', bypassCSP: true });
    context.setDefaultTimeout(TIMEOUT);
    context.setDefaultNavigationTimeout(TIMEOUT);
    const page = await context.newPage();
    page.on('response', response => {
      const url = new URL(response.url());
      if (!response.request().isNavigationRequest() || !url.pathname.startsWith(prefix)
          || (response.status() >= 300 && response.status() < 400)) {
        return;
      }
      const headers = response.headers();
      result.headersChecked++;
      const csp = headers['content-security-policy'] || '';
      if (!csp.includes("default-src 'none'") || !csp.includes("frame-ancestors 'none'")
          || headers['x-content-type-options'] !== 'nosniff' || !alsoRequire(headers)) {
        result.weakHeaders.push(`${url.pathname} (${response.status()})`);
      }
    });
    return page;
  }

  /** Opens `path`, logs in on identity's form and lands back on `path` (a pathname) as `user`. */
  async function logIn(page, path, user) {
    await page.goto(`${base}${path}`);
    check(new URL(page.url()).pathname === '/login', `expected identity's login form, got ${page.url()}`);
    await page.locator('input[name="username"]').fill(user);
    await page.locator('input[name="password"]').fill('demo');
    await Promise.all([page.waitForURL(url => url.pathname === path), page.locator('button[type="submit"]').click()]);
    check((await page.locator('#user-name').innerText()).trim() === user, `the page does not name ${user}`);
  }

  /** Closes the browser, writes the result file and exits: 0 only when every check passed. */
  async function finish() {
    await Promise.all(browsers.map(browser => browser.close()));
    if (result.weakHeaders.length > 0) {
      result.failures.push(`pages without the security headers: ${result.weakHeaders.join(', ')}`);
    }
    writeFileSync(resultFile, JSON.stringify(result, null, 2));
    log(`${result.steps.length} steps passed, ${result.failures.length} failures; result in ${resultFile}`);
    process.exit(result.failures.length === 0 ? 0 : 1);
  }

  return { base, result, log, step, axe, newPage, logIn, finish };
}
