// What the browser scripts share: their log lines, checks, named steps that record how they went (a failed step is
// recorded and the script goes on), axe-core (WCAG 2.1 A and AA) runs, and the bare logout form Vaksam's pages post.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Debian's Chromium (VAKSAM_CHROMIUM, default /usr/bin/chromium), headless, with one page in Swedish and Stockholm
 * time. The context bypasses the pages' CSP, which forbids the inline script axe is injected as; the scripts check
 * the CSP header itself.
 */
export async function openPage(timeout) {
  const browser = await chromium.launch({
    executablePath: process.env.VAKSAM_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', bypassCSP: true });
  context.setDefaultTimeout(timeout);
  context.setDefaultNavigationTimeout(timeout);
  return { browser, page: await context.newPage() };
}

export function log(message) {
  console.log(`[browser] ${message}`);
}

export function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/**
 * step(name, action) and axe(page, name) for one script's result: steps passed go to result.steps, failed ones to
 * result.failures, axe's findings per page to result.axe.
 */
export function recorder(result) {
  return {
    async step(name, action) {
      try {
        await action();
        result.steps.push(name);
        log(`ok: ${name}`);
      } catch (error) {
        result.failures.push(`${name}: ${error.message}`);
        log(`FAIL ${name}: ${error.message}`);
      }
    },

    /** axe-core over the page the browser is on; a violation fails the step. Needs a context with bypassCSP. */
    async axe(page, name) {
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async tags => {
        const run = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return run.violations.map(v => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')}`);
      }, AXE_TAGS);
      result.axe[name] = { page: new URL(page.url()).pathname, violations: violations.length, details: violations };
      check(violations.length === 0, `axe ${name}: ${violations.join('; ')}`);
    },
  };
}

/** Posts a form without fields to {@code action} from the page the browser is on, as the pages' logout does. */
export function postEmptyForm(page, action) {
  return page.evaluate(target => {
    const form = document.createElement('form');
    form.method = 'post';
    form.action = target;
    document.body.appendChild(form);
    form.submit();
  }, action);
}
