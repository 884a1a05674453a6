// The tip intake pages in a real browser (Debian's Chromium, driven by playwright-core), through the gateway:
// every channel, language and screen size a tipster may use, and an axe-core accessibility pass over every page.
//
// Environment: VAKSAM_GATEWAY_URL (required), VAKSAM_BROWSER_RESULT (JSON result file, default
// target/browser-result.json), VAKSAM_CHROMIUM (default /usr/bin/chromium).
// Exit code 0 only when every check passed; the result file says what was checked and what failed.

import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';

const base = (process.env.VAKSAM_GATEWAY_URL || '').replace(/\/$/, '');
if (!base) {
  console.error('VAKSAM_GATEWAY_URL is not set');
  process.exit(64);
}
const resultFile = process.env.VAKSAM_BROWSER_RESULT || 'target/browser-result.json';
const evidenceDir = join(dirname(resultFile), 'browser-evidence');
mkdirSync(evidenceDir, { recursive: true });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const STEP_TIMEOUT = 60_000;

const MEMBER_KEYS = { hotel: 'demo-hotel-key', taxi: 'demo-taxi-key' };
const DEVICES = {
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};
// The status page must say the status in the page's language (tip-intake's messages_*.properties).
const STATUS_WORDS = {
  sv: ['Mottaget', 'Vidarebefordrat', 'Behandlas', 'Avslutat'],
  en: ['Received', 'Forwarded', 'Being handled', 'Closed'],
};
const EXPECTED_CSP = [
  "default-src 'none'", "style-src 'self'", "img-src 'self' data:", "script-src 'self'", "form-action 'self'",
  "frame-ancestors 'none'", "base-uri 'none'",
];

const result = {
  gateway: base,
  journeys: [],
  journeySubmissions: 0,
  axe: {},
  axeSubmissions: 0,
  csp: { pagesChecked: 0, missingOrWeak: [], consoleViolations: [] },
  horizontalOverflow: [],
  failedRequests: [],
  failures: [],
};

function log(message) {
  console.log(`[browser] ${message}`);
}

function fail(where, message) {
  result.failures.push(`${where}: ${message}`);
  log(`FAIL ${where}: ${message}`);
}

function check(condition, where, message) {
  if (!condition) {
    throw new Error(`${where}: ${message}`);
  }
}

// observedAt and trip times are datetime-local fields in Swedish local time.
function swedishLocal(minutesAgo) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() - minutesAgo * 60_000)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const browser = await chromium.launch({
  executablePath: process.env.VAKSAM_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // playwright-core gives each launch a fresh temporary profile (user-data-dir) and removes it on close.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync'],
});
log(`Chromium ${browser.version()} against ${base}`);

async function newContext(lang, device, options = {}) {
  const context = await browser.newContext({
    ...DEVICES[device],
    locale: lang === 'sv' ? 'sv-SE' : 'en-GB',
    timezoneId: 'Europe/Stockholm',
    ...options,
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
  return context;
}

/** Checks every intake page this page loads for the CSP header, CSP reports in the console and broken assets. */
function watch(page, where) {
  page.on('console', message => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) {
      result.csp.consoleViolations.push({ where, text: message.text() });
      fail(where, `CSP violation in the console: ${message.text()}`);
    }
  });
  page.on('pageerror', error => fail(where, `script error on the page: ${error.message}`));
  page.on('response', response => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/intake')) {
      return;
    }
    const redirect = response.status() >= 300 && response.status() < 400;
    if (response.request().isNavigationRequest() && response.request().frame() === page.mainFrame() && !redirect) {
      result.csp.pagesChecked++;
      const csp = response.headers()['content-security-policy'];
      const missing = csp ? EXPECTED_CSP.filter(d => !csp.split(';').map(s => s.trim()).includes(d)) : EXPECTED_CSP;
      if (missing.length > 0) {
        result.csp.missingOrWeak.push({ where, page: url.pathname, status: response.status(), csp: csp ?? null, missing });
        fail(where, `${url.pathname} (${response.status()}) lacks CSP directives ${missing.join(', ')}`);
      }
    } else if (!response.request().isNavigationRequest() && response.status() >= 400) {
      result.failedRequests.push({ where, url: url.pathname, status: response.status() });
      fail(where, `asset ${url.pathname} answered ${response.status()}`);
    }
  });
  page.on('requestfailed', request => {
    if (new URL(request.url()).pathname.startsWith('/intake')) {
      result.failedRequests.push({ where, url: new URL(request.url()).pathname, error: request.failure()?.errorText });
      fail(where, `request ${request.url()} failed: ${request.failure()?.errorText}`);
    }
  });
}

async function expectLanguage(page, lang, where) {
  const actual = await page.locator('html').getAttribute('lang');
  check(actual === lang, where, `<html lang="${actual}">, expected "${lang}"`);
}

async function expectNoHorizontalScroll(page, device, where) {
  if (device !== 'phone') {
    return;
  }
  // Against the device's width, not innerWidth: a page without a viewport meta tag is laid out 980 px wide.
  const viewport = page.viewportSize().width;
  const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
  if (scrollWidth > viewport) {
    result.horizontalOverflow.push({ where, page: new URL(page.url()).pathname, scrollWidth, viewport });
    fail(where, `scrolls sideways on a ${viewport} px screen (scrollWidth ${scrollWidth})`);
  }
}

/** Clicks a button that submits a form and waits for the page it leads to; returns the POST's status. */
async function submit(page, selector, urlPath) {
  const posted = page.waitForResponse(r => r.request().method() === 'POST'
    && new URL(r.url()).pathname === urlPath && r.request().isNavigationRequest());
  await Promise.all([page.waitForNavigation(), page.locator(selector).click()]);
  return (await posted).status();
}

/** Follows the language switch link, as a person would, to the other language. */
async function switchLanguage(page, lang, where) {
  await Promise.all([page.waitForNavigation(), page.locator(`a[href*="lang=${lang}"]`).first().click()]);
  await expectLanguage(page, lang, `${where} after switching language`);
}

async function choose(page, device, selector) {
  const control = page.locator(selector);
  if (device === 'phone') {
    await control.tap();
  } else {
    await control.check();
  }
  check(await control.isChecked(), selector, 'not checked after choosing it');
}

async function fillTip(page, channel, device, canary) {
  await page.locator('#observedAt').fill(swedishLocal(40));
  if (channel === 'hotel') {
    await choose(page, device, '#ind-SHORT_OR_HOURLY_STAY');
    await choose(page, device, '#ind-MANY_VISITORS_TO_ROOM');
    await page.locator('[id="premises-name"]').fill('Demohotellet Göteborg');
    await page.locator('[id="premises-streetAddress"]').fill('Drottninggatan 3');
    await page.locator('[id="premises-postalCode"]').fill('411 14');
    await page.locator('[id="premises-city"]').fill('Göteborg');
    await page.locator('[id="premises-room"]').fill('412');
  } else {
    await choose(page, device, '#ind-COMPANION_CONTROLS');
    await choose(page, device, '#ind-DOES_NOT_KNOW_DESTINATION');
    await page.locator('[id="trip-pickup-address"]').fill('Nils Ericsonsplatsen 4, 411 03 Göteborg');
    await page.locator('[id="trip-pickup-time"]').fill(swedishLocal(45));
    await page.locator('[id="trip-dropoff-address"]').fill('Första Långgatan 20, 413 27 Göteborg');
    await page.locator('[id="trip-dropoff-time"]').fill(swedishLocal(30));
    await page.locator('[id="trip-passengers"]').fill('2');
    await page.locator('[id="trip-vehicleRef"]').fill('ABC123');
  }
  await choose(page, device, '#suspectedMinor-UNSURE');
  await choose(page, device, '#immediateDanger-false');
  await choose(page, device, '#exploitationType-SEXUAL');
  await page.locator('#description').fill(`Two men kept asking for the same guest, ${canary}`);
  await page.locator('#reporterContact').fill(`night shift ${canary}`);
}

async function lookUpReceipt(page, code, where) {
  await page.locator('[name="code"]').fill(code);
  const status = await submit(page, '#receipt-lookup', '/intake/receipt');
  check(status === 200, where, `receipt lookup answered ${status}`);
  check(!page.url().includes(code), where, 'the receipt code is in the URL');
  return page.locator('#receipt-status');
}

async function journey(channel, lang, device) {
  const where = `${channel}/${lang}/${device}`;
  const other = lang === 'sv' ? 'en' : 'sv';
  const record = { channel, lang, device, steps: [] };
  result.journeys.push(record);
  // The browser asks for the other language, so the page starts in it and the switch link is what changes it.
  const context = await newContext(other, device);
  const page = await context.newPage();
  watch(page, where);
  const canary = `canary-${randomUUID()}`;
  try {
    const enrol = await page.goto(`${base}/intake/enrol/${MEMBER_KEYS[channel]}`);
    check(enrol.status() === 200, where, `enrolment page answered ${enrol.status()}`);
    await expectLanguage(page, other, `${where} enrolment page by Accept-Language`);
    await switchLanguage(page, lang, `${where} enrolment page`);
    await expectNoHorizontalScroll(page, device, `${where} enrolment page`);
    record.steps.push('enrolment page');

    const enrolled = await submit(page, '#enrol-confirm', '/intake/enrol');
    check(new URL(page.url()).pathname === `/intake/${channel}`, where, `enrolment led to ${page.url()}`);
    check(enrolled === 303, where, `enrolment answered ${enrolled}, expected 303`);
    await expectLanguage(page, lang, `${where} form`);
    await page.locator('#submit-tip').waitFor();
    await expectNoHorizontalScroll(page, device, `${where} form`);
    record.steps.push('form');

    await fillTip(page, channel, device, canary);
    const sent = await submit(page, '#submit-tip', `/intake/${channel}`);
    check(sent === 201, where, `submitting the form answered ${sent}: ${await errorSummary(page)}`);
    const code = (await page.locator('#receipt-code').innerText()).trim();
    check(/^VK-[A-Z0-9-]+$/.test(code), where, `receipt code "${code}"`);
    check(!page.url().includes(code), where, 'the receipt code is in the URL');
    await expectLanguage(page, lang, `${where} confirmation`);
    await expectNoHorizontalScroll(page, device, `${where} confirmation`);
    result.journeySubmissions++;
    record.steps.push('confirmation');

    await page.goto(`${base}/intake/receipt`);
    await expectLanguage(page, lang, `${where} receipt lookup`);
    await expectNoHorizontalScroll(page, device, `${where} receipt lookup`);
    record.steps.push('receipt lookup');

    const status = await lookUpReceipt(page, code, where);
    const statusText = (await status.innerText()).trim();
    check(STATUS_WORDS[lang].some(word => statusText.includes(word)), where,
      `#receipt-status says "${statusText}", expected one of ${STATUS_WORDS[lang].join(', ')}`);
    check(!(await page.content()).includes(canary), where, 'the receipt page shows what the tipster wrote');
    await expectLanguage(page, lang, `${where} receipt status`);
    await expectNoHorizontalScroll(page, device, `${where} receipt status`);
    record.steps.push('receipt status');
    record.ok = true;
    log(`ok ${where}: receipt status "${statusText}"`);
  } catch (error) {
    record.ok = false;
    fail(where, error.message);
    await keepEvidence(page, where);
  } finally {
    await context.close();
  }
}

async function errorSummary(page) {
  const summary = page.locator('#error-summary');
  return (await summary.count()) > 0 ? (await summary.innerText()).replace(/\s+/g, ' ') : 'no error summary';
}

async function keepEvidence(page, where) {
  const name = where.replace(/[^a-z0-9]+/gi, '-');
  try {
    await page.screenshot({ path: join(evidenceDir, `${name}.png`), fullPage: true });
    writeFileSync(join(evidenceDir, `${name}.html`), await page.content());
    log(`evidence in ${evidenceDir}/${name}.{png,html}`);
  } catch (error) {
    log(`no evidence for ${where}: ${error.message}`);
  }
}

async function axe(page, name) {
  await page.addScriptTag({ content: axeSource });
  const outcome = await page.evaluate(async tags => {
    const run = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return run.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.slice(0, 10).map(n => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  result.axe[name] = { page: new URL(page.url()).pathname, violations: outcome.length, details: outcome };
  if (outcome.length > 0) {
    fail(`axe ${name}`, outcome.map(v => `${v.id} (${v.impact}) at ${v.nodes.map(n => n.target).join(' | ')}`)
      .join('; '));
  } else {
    log(`axe ${name}: no violations`);
  }
}

/**
 * Every intake page through axe-core. Injecting axe is an inline script, which the pages' CSP forbids, so only
 * this pass runs in a context that bypasses CSP; the journeys above check the CSP itself.
 */
async function axePass(lang) {
  const where = `axe/${lang}`;
  const context = await newContext(lang, 'desktop', { bypassCSP: true });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/intake?lang=${lang}`);
    await expectLanguage(page, lang, `${where} start page`);
    await axe(page, `start-${lang}`);

    await page.goto(`${base}/intake/enrol/${MEMBER_KEYS.hotel}`);
    await axe(page, `enrol-${lang}`);
    await submit(page, '#enrol-confirm', '/intake/enrol');
    await page.locator('#submit-tip').waitFor();
    await expectLanguage(page, lang, `${where} hotel form`);
    await axe(page, `hotel-form-${lang}`);

    const refused = await submit(page, '#submit-tip', '/intake/hotel');
    check(refused === 400, where, `an empty form answered ${refused}`);
    await page.locator('#error-summary').waitFor();
    await axe(page, `form-with-errors-${lang}`);

    await fillTip(page, 'hotel', 'desktop', `canary-${randomUUID()}`);
    const sent = await submit(page, '#submit-tip', '/intake/hotel');
    check(sent === 201, where, `submitting the corrected form answered ${sent}: ${await errorSummary(page)}`);
    result.axeSubmissions++;
    const code = (await page.locator('#receipt-code').innerText()).trim();
    await axe(page, `confirmation-${lang}`);

    await page.goto(`${base}/intake/receipt`);
    await axe(page, `receipt-lookup-${lang}`);
    await (await lookUpReceipt(page, code, where)).waitFor();
    await axe(page, `receipt-status-${lang}`);

    await page.goto(`${base}/intake/enrol/${MEMBER_KEYS.taxi}`);
    await submit(page, '#enrol-confirm', '/intake/enrol');
    await page.locator('#submit-tip').waitFor();
    check(new URL(page.url()).pathname === '/intake/taxi', where, `taxi enrolment led to ${page.url()}`);
    await axe(page, `taxi-form-${lang}`);
  } catch (error) {
    fail(where, error.message);
    await keepEvidence(page, where);
  } finally {
    await context.close();
  }
}

try {
  for (const channel of ['hotel', 'taxi']) {
    for (const lang of ['sv', 'en']) {
      for (const device of ['phone', 'desktop']) {
        await journey(channel, lang, device);
      }
    }
  }
  for (const lang of ['sv', 'en']) {
    await axePass(lang);
  }
} catch (error) {
  fail('run', error.stack || String(error));
} finally {
  await browser.close();
}

result.axePages = Object.keys(result.axe).length;
writeFileSync(resultFile, JSON.stringify(result, null, 2));
log(`${result.journeySubmissions} tips sent through the forms, ${result.axePages} pages checked with axe, `
  + `${result.csp.pagesChecked} page loads checked for CSP, ${result.failures.length} failures; result in ${resultFile}`);
process.exit(result.failures.length === 0 ? 0 : 1);
