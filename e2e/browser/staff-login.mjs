// A person logs in through the gateway in a real browser (Debian's Chromium, driven by playwright-core): the
// lettings officer opens /lettings, is sent to identity's login form, logs in, and lands back on /lettings with
// their access token relayed to premises-risk. A logout posted from another site is refused; the page's own
// logout ends the gateway's session and identity's, so /lettings asks for the login again.
//
// Environment: VAKSAM_GATEWAY_URL (required; must be the public base URL, i.e. identity's issuer),
// VAKSAM_BROWSER_RESULT (JSON result file, default target/staff-login-result.json), VAKSAM_CHROMIUM (default
// /usr/bin/chromium). Exit code 0 only when every check passed; the result file says what was seen.

import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { postEmptyForm } from './support.mjs';

const base = (process.env.VAKSAM_GATEWAY_URL || '').replace(/\/$/, '');
if (!base) {
  console.error('VAKSAM_GATEWAY_URL is not set');
  process.exit(64);
}
const resultFile = process.env.VAKSAM_BROWSER_RESULT || 'target/staff-login-result.json';
mkdirSync(dirname(resultFile), { recursive: true });
const STEP_TIMEOUT = 60_000;
const USER = 'lettings-officer';
const PASSWORD = 'demo';

// Another site, served by the browser itself, whose page posts the logout form to Vaksam.
const otherSite = 'http://elsewhere.example';

const result = { gateway: base, steps: [], landing: null, navigations: [], failures: [] };

function log(message) {
  console.log(`[browser] ${message}`);
}

function check(condition, step, message) {
  if (!condition) {
    throw new Error(`${step}: ${message}`);
  }
}

/** The main frame's last non-redirect response, for the status of the page the browser shows. */
function trackLanding(page) {
  const seen = { status: null, url: null };
  page.on('response', response => {
    if (response.request().isNavigationRequest()) {
      result.navigations.push(`${response.request().method()} ${response.url()} ${response.status()}`);
    }
    const redirect = response.status() >= 300 && response.status() < 400;
    if (response.request().isNavigationRequest() && response.request().frame() === page.mainFrame() && !redirect) {
      seen.status = response.status();
      seen.url = response.url();
    }
  });
  return seen;
}

async function step(name, action) {
  await action();
  result.steps.push(name);
  log(`ok: ${name}`);
}

/** Posts the bare logout form the pages render, from whatever page the browser is on. */
async function postLogoutForm(page) {
  await Promise.all([page.waitForNavigation(), postEmptyForm(page, `${base}/auth/logout`)]);
}

async function onLoginForm(page) {
  return new URL(page.url()).pathname === '/login' && await page.locator('input[name="username"]').count() === 1;
}

const browser = await chromium.launch({
  executablePath: process.env.VAKSAM_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync'],
});
log(`Chromium ${browser.version()} against ${base}`);

const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
context.setDefaultTimeout(STEP_TIMEOUT);
context.setDefaultNavigationTimeout(STEP_TIMEOUT);
const page = await context.newPage();
const landing = trackLanding(page);

try {
  await step('a page without login leads to identity\'s login form', async () => {
    await page.goto(`${base}/lettings`);
    check(await onLoginForm(page), 'login form', `expected identity's form at ${base}/login, got ${page.url()}`);
    check(new URL(page.url()).origin === new URL(base).origin, 'login form',
      `the form should be reached through the gateway, got ${page.url()}`);
  });

  await step('after the login the browser is back on /lettings with the person\'s token', async () => {
    await page.locator('input[name="username"]').fill(USER);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([page.waitForURL(url => url.pathname === '/lettings'),
      page.locator('button[type="submit"]').click()]);
    await page.waitForLoadState('load');
    check(page.url() === `${base}/lettings`, 'landing', `landed on ${page.url()}`);
    const name = await page.locator('#user-name').count() === 1
      ? (await page.locator('#user-name').innerText()).trim() : null;
    const logoutButton = await page.locator('form[action="/auth/logout"] button').count();
    result.landing = { url: page.url(), status: landing.status, userName: name, logoutButton };
    // The lettings pages greet the person by name; without them premises-risk still tells a relayed, valid token
    // (403: known, but no page here) from none (401).
    check(landing.status === 200 || landing.status === 403, 'landing',
      `premises-risk answered ${landing.status}: the person's token did not reach it`);
    if (landing.status === 200) {
      check(name === USER, 'landing', `the page names ${name}, not ${USER}`);
      check(logoutButton === 1, 'landing', 'no logout form in the page');
    }
  });

  await step('a logout posted from another site is refused and the login stays', async () => {
    await context.route(`${otherSite}/**`, route => route.fulfill({
      contentType: 'text/html', body: '<!DOCTYPE html><html><body><p>Elsewhere</p></body></html>' }));
    const attacker = await context.newPage();
    await attacker.goto(`${otherSite}/`);
    const refused = attacker.waitForResponse(r => r.url() === `${base}/auth/logout`).catch(() => null);
    await postLogoutForm(attacker);
    const response = await refused;
    await attacker.close();
    check(response !== null, 'cross-site logout', 'the form was not posted');
    check(response.status() === 403, 'cross-site logout', `answered ${response.status()}`);
    const again = await page.goto(`${base}/lettings`);
    check(page.url() === `${base}/lettings` && !(await onLoginForm(page)), 'cross-site logout',
      `the login ended: ${page.url()}`);
    check(again.status() === landing.status, 'cross-site logout', `the page now answers ${again.status()}`);
  });

  await step('the page\'s logout ends both logins and lands on the start page', async () => {
    if (result.landing.logoutButton === 1) {
      await Promise.all([page.waitForURL(url => url.pathname === '/intake'),
        page.locator('form[action="/auth/logout"] button').click()]);
    } else {
      await page.goto(`${base}/intake`);
      await postLogoutForm(page);
      await page.waitForURL(url => url.pathname === '/intake');
    }
    check(new URL(page.url()).origin === new URL(base).origin, 'logout', `landed on ${page.url()}`);
    await page.goto(`${base}/lettings`);
    check(await onLoginForm(page), 'logout', `after the logout /lettings showed ${page.url()}, not the login form`);
  });
} catch (error) {
  result.failures.push(`${error.message} (at ${page.url()})`);
  log(`FAIL ${error.message}`);
} finally {
  await browser.close();
}

writeFileSync(resultFile, JSON.stringify(result, null, 2));
log(`${result.steps.length} steps passed, ${result.failures.length} failures; result in ${resultFile}`);
process.exit(result.failures.length === 0 ? 0 : 1);
