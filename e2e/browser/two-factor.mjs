// The second factor in a real browser (Debian's Chromium, driven by playwright-core), through the gateway:
// police-duty, whose authenticator is set up already (the demo's documented secret), logs in with the password
// and then a code this script computes (RFC 6238 with node's crypto), after a wrong one; two-factor-trial sets up
// an authenticator from the page's secret, logs in with a code and with a recovery code, and turns it off again
// with a code, so the next run finds the person as before. axe-core (WCAG 2.1 A and AA) over the login, code,
// recovery and set-up pages in Swedish and English; the security headers of every identity page.
//
// Environment: VAKSAM_GATEWAY_URL (required, the public base URL), VAKSAM_TOTP_SECRET (police-duty's, base32),
// VAKSAM_BROWSER_RESULT (JSON result file), VAKSAM_CHROMIUM (default /usr/bin/chromium). Exit code 0 only when
// every check passed; the result file says what was seen.

import { createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { check, log, openPage, postEmptyForm, recorder } from './support.mjs';

const base = (process.env.VAKSAM_GATEWAY_URL || '').replace(/\/$/, '');
const enrolledSecret = process.env.VAKSAM_TOTP_SECRET || '';
if (!base || !enrolledSecret) {
  console.error('VAKSAM_GATEWAY_URL and VAKSAM_TOTP_SECRET must be set');
  process.exit(64);
}
const resultFile = process.env.VAKSAM_BROWSER_RESULT || 'target/two-factor-result.json';
mkdirSync(dirname(resultFile), { recursive: true });
const TIMEOUT = 60_000;
const PASSWORD = 'demo';
const ENROLLED = 'police-duty';
const TRIAL = 'two-factor-trial';
const IDENTITY_PAGES = ['/login', '/account/'];

const result = { steps: [], axe: {}, landings: {}, headersChecked: 0, weakHeaders: [], failures: [] };

const { step, axe } = recorder(result);

// --- RFC 6238: HMAC-SHA1 over the 30-second step, six digits, as authenticator apps compute it.

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const value = alphabet.indexOf(c);
    check(value >= 0, `not base32: ${c}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) {
    bytes.push(parseInt(bits.slice(i, i + 8), 2));
  }
  return Buffer.from(bytes);
}

function hotp(key, counter) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hash = createHmac('sha1', key).update(message).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * An authenticator: each code it hands out is of a later step than the last one (identity accepts a step once and
 * never an earlier one after it) and within one step of now, so no run has to wait for the clock.
 */
function authenticator(secret) {
  const key = base32Decode(secret);
  let last = -Infinity;
  return {
    next() {
      const now = Math.floor(Date.now() / 30_000);
      const counter = Math.max(last + 1, now - 1);
      check(counter <= now + 1, 'no unused code within the window; the clock stood still');
      last = counter;
      return hotp(key, counter);
    },
    wrong() {
      const now = Math.floor(Date.now() / 30_000);
      const valid = new Set([now - 1, now, now + 1, now + 2].map(counter => hotp(key, counter)));
      let candidate = 0;
      while (valid.has(String(candidate).padStart(6, '0'))) {
        candidate++;
      }
      return String(candidate).padStart(6, '0');
    },
  };
}

// --- Pages.

/** Both languages of the page the browser is on, through axe; it ends in Swedish. */
async function axeBothLanguages(page, name) {
  for (const lang of ['en', 'sv']) {
    const url = new URL(page.url());
    url.searchParams.set('lang', lang);
    await page.goto(url.toString());
    check(await page.getAttribute('html', 'lang') === lang, `${name}: html lang is not ${lang}`);
    await axe(page, `${name}-${lang}`);
  }
}

function path(page) {
  return new URL(page.url()).pathname;
}

/** Clicks a form's button (or a link) and waits for the page it leads to, also when that has the same address. */
async function submit(page, selector, expectedPath) {
  const loaded = page.waitForEvent('load');
  await page.locator(selector).click();
  await loaded;
  check(path(page) === expectedPath, `expected ${expectedPath} after ${selector}, got ${page.url()}`);
}

async function logIn(page, username, expectedPath, start = '/lettings') {
  await page.goto(`${base}${start}`);
  check(path(page) === '/login', `expected identity's login form, got ${page.url()}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await submit(page, '#login-submit', expectedPath);
}

async function typeCode(page, code, button, expectedPath) {
  await page.locator('#code').fill(code);
  await submit(page, button, expectedPath);
}

/** The staff page the login lands on: 200 with the person's name, or 403 for a person it is not for. */
async function landed(page, username, response, expectedPath = '/lettings') {
  check(path(page) === expectedPath, `landed on ${page.url()}`);
  const status = response ? response.status() : null;
  const name = await page.locator('#user-name').count() === 1 ? (await page.locator('#user-name').innerText()).trim() : null;
  result.landings[username] = { url: page.url(), status, userName: name };
  return { status, name };
}

async function logOut(page) {
  await Promise.all([page.waitForURL(url => url.pathname === '/intake'), postEmptyForm(page, `${base}/auth/logout`)]);
}

const { browser, page } = await openPage(TIMEOUT);
let lastLanding = null;
page.on('response', response => {
  if (!response.request().isNavigationRequest() || response.request().frame() !== page.mainFrame()) {
    return;
  }
  const url = new URL(response.url());
  if (url.pathname === '/lettings' || url.pathname === '/inbox') {
    lastLanding = response;
  }
  if (!IDENTITY_PAGES.some(prefix => url.pathname.startsWith(prefix))
      || (response.status() >= 300 && response.status() < 400)) {
    return;
  }
  const headers = response.headers();
  result.headersChecked++;
  const csp = headers['content-security-policy'] || '';
  if (!csp.includes("default-src 'none'") || !csp.includes("frame-ancestors 'none'") || csp.includes('unsafe-inline')
      || headers['x-content-type-options'] !== 'nosniff') {
    result.weakHeaders.push(url.pathname);
  }
});

const police = authenticator(enrolledSecret);
let trial = null;
let recoveryCodes = [];

try {
  await step('the login page, in both languages, and a wrong password tied to the fields', async () => {
    await page.goto(`${base}/lettings`);
    check(path(page) === '/login', `expected identity's login form, got ${page.url()}`);
    await axeBothLanguages(page, 'login');
    await page.locator('#username').fill(ENROLLED);
    await page.locator('#password').fill('not-the-password');
    await submit(page, '#login-submit', '/login');
    check(await page.locator('#error-summary').count() === 1, 'no error summary for a wrong password');
    check(await page.locator('#username').getAttribute('aria-invalid') === 'true', 'username not marked invalid');
    await axe(page, 'login-error-sv');
  });

  await step('police-duty: the password leads to the code page, no further; a wrong code is refused', async () => {
    await logIn(page, ENROLLED, '/login/code', '/inbox');
    await axeBothLanguages(page, 'code');
    const code = page.locator('#code');
    check(await code.getAttribute('autocomplete') === 'one-time-code', 'the code field lacks autocomplete=one-time-code');
    check(await code.getAttribute('inputmode') === 'numeric', 'the code field lacks inputmode=numeric');
    await page.goto(`${base}/inbox`);
    check(path(page) === '/login/code', `without the code /inbox went to ${page.url()}`);
    await typeCode(page, police.wrong(), '#code-submit', '/login/code');
    check(await page.locator('#error-summary').count() === 1, 'no error summary for a wrong code');
    check(await page.locator('#code').getAttribute('aria-describedby') === 'code-hint code-error',
      'the error is not tied to the code field');
    await axe(page, 'code-error-sv');
    await page.locator('#use-recovery').click();
    await page.waitForURL(url => url.pathname === '/login/recovery');
    await axeBothLanguages(page, 'recovery');
  });

  await step('police-duty: the code from the authenticator lands on the police inbox', async () => {
    await page.goto(`${base}/login/code`);
    lastLanding = null;
    await typeCode(page, police.next(), '#code-submit', '/inbox');
    const { status, name } = await landed(page, ENROLLED, lastLanding, '/inbox');
    check(status === 200, `the inbox answered ${status}: the person's token did not reach it`);
    check(name === ENROLLED, `the inbox does not name ${ENROLLED} (${name})`);
    await logOut(page);
  });

  await step('two-factor-trial sets up an authenticator and gets recovery codes', async () => {
    await logIn(page, TRIAL, '/lettings');
    await page.goto(`${base}/account/two-factor`);
    check(await page.locator('main[data-state="setup"]').count() === 1, `not the set-up page: ${page.url()}`);
    await axeBothLanguages(page, 'setup');
    check(await page.locator('svg.qr').count() === 1, 'no QR code');
    trial = authenticator(await page.locator('#secret').innerText());
    check((await page.locator('#otpauth-link').getAttribute('href')).startsWith('otpauth://totp/Vaksam:two-factor-trial?'),
      'no otpauth:// link');
    await typeCode(page, trial.wrong(), '#confirm-submit', '/account/two-factor/confirm');
    check(await page.locator('#error-summary').count() === 1, 'no error summary for a wrong confirmation code');
    await axe(page, 'setup-error-sv');
    await typeCode(page, trial.next(), '#confirm-submit', '/account/two-factor/confirm');
    recoveryCodes = await page.locator('#recovery-codes code').allInnerTexts();
    check(recoveryCodes.length === 10, `${recoveryCodes.length} recovery codes`);
    await axe(page, 'confirmed-sv');
    await submit(page, '#continue', '/account/two-factor');
    check(await page.locator('main[data-state="on"]').count() === 1, 'the page does not say it is on');
    await axeBothLanguages(page, 'on');
  });

  await step('two-factor-trial logs in with the password and a code, then with a recovery code', async () => {
    await logOut(page);
    await logIn(page, TRIAL, '/login/code');
    lastLanding = null;
    await typeCode(page, trial.next(), '#code-submit', '/lettings');
    const withCode = await landed(page, TRIAL, lastLanding);
    check(withCode.status === 200 && withCode.name === TRIAL, `the page answered ${withCode.status} for ${withCode.name}`);
    await logOut(page);
    await logIn(page, TRIAL, '/login/code');
    await submit(page, '#use-recovery', '/login/recovery');
    await typeCode(page, recoveryCodes[0], '#code-submit', '/lettings');
    check((await page.locator('#user-name').innerText()).trim() === TRIAL, 'not logged in with the recovery code');
  });

  await step('two-factor-trial turns it off with a code and logs in with the password alone again', async () => {
    await page.goto(`${base}/account/two-factor`);
    await typeCode(page, trial.next(), '#turn-off-submit', '/account/two-factor/turn-off');
    check(await page.locator('#two-factor-off').count() === 1, 'the page does not say it is off');
    await axe(page, 'off-sv');
    await logOut(page);
    await logIn(page, TRIAL, '/lettings');
    await logOut(page);
  });
} finally {
  await browser.close();
}

if (result.weakHeaders.length > 0) {
  result.failures.push(`identity pages without the security headers: ${result.weakHeaders.join(', ')}`);
}
writeFileSync(resultFile, JSON.stringify(result, null, 2));
log(`${result.steps.length} steps passed, ${result.failures.length} failures; result in ${resultFile}`);
process.exit(result.failures.length === 0 ? 0 : 1);
