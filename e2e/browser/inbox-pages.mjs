// The recipients' inbox as a social services worker meets a possible child, in a real browser (Debian's Chromium,
// driven by playwright-core): log in through the gateway, find the alert among the IMMEDIATE ones, open it, open its
// sealed details with a reason and read the description, acknowledge it, add an internal note and ask the tipster a
// question (an empty one first); then, once the Java test has answered it through the receipt API, reload and see the
// answer arrive; record the outcome. The auditor finds the openings in the log and its CSV export. axe-core (WCAG 2.1
// A and AA) over every distinct page in Swedish and English, and the security headers of every page load.
//
// Environment: as staff-pages.mjs says, and VAKSAM_ALERT_ID (the alert the test's tip made for social services for
// children), VAKSAM_DESCRIPTION (the tip's description), VAKSAM_ANSWER (the tipster's answer the test will send),
// VAKSAM_SIGNAL_DIR (where the test puts the file "answered" once the answer is in the inbox, or "abort"). Exit code
// 0 only when every check passed; the result file says what was seen.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';

import { check, staffPagesRun, TIMEOUT } from './staff-pages.mjs';

const run = staffPagesRun('inbox-pages', ['VAKSAM_ALERT_ID', 'VAKSAM_DESCRIPTION', 'VAKSAM_ANSWER', 'VAKSAM_SIGNAL_DIR']);
const { base, result, log, step, axe, newPage, logIn, finish } = run;
const alertId = process.env.VAKSAM_ALERT_ID;
const description = process.env.VAKSAM_DESCRIPTION;
const answer = process.env.VAKSAM_ANSWER;
const signals = process.env.VAKSAM_SIGNAL_DIR;
const REASON = 'Barnärende e2e';
const QUESTION = 'Hur gammal såg flickan ut att vara?';
const NOTE = 'Socialjouren är på väg till hotellet.';
const alertPath = `/inbox/alerts/${alertId}`;
const openedPath = `${alertPath}?open=true&reason=${encodeURIComponent(REASON)}`;
// Opened content is personal data: no page of the inbox may be kept in a cache.
const noStore = headers => (headers['cache-control'] || '').includes('no-store');

/** Waits, with a deadline, for the file the Java test makes when it has done its part ("abort" when it failed). */
async function signalled(name, timeout) {
  const deadline = Date.now() + timeout;
  while (!existsSync(join(signals, name))) {
    check(!existsSync(join(signals, 'abort')), `the test gave up before "${name}"`);
    check(Date.now() < deadline, `no "${name}" from the test within ${timeout / 1000} s`);
    await pause(200);
  }
}

/** Submits the form of `button` and waits for the page it leads to. */
async function submit(page, button) {
  await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
}

async function text(page, selector) {
  return (await page.locator(selector).innerText()).trim();
}

const worker = await newPage('/inbox', noStore);

try {
  await step('log in through the gateway and land on the inbox', async () => {
    await logIn(worker, '/inbox', 'social-children-worker');
    check((await text(worker, '#user-organisation')).length > 0, 'the page does not name the organisation');
  });

  await step('filter by priority IMMEDIATE and find the alert', async () => {
    await worker.goto(`${base}/inbox?lang=en`);
    await axe(worker, 'alerts-en');
    await worker.goto(`${base}/inbox?lang=sv`);
    await axe(worker, 'alerts-sv');
    await worker.locator('#priority').selectOption('IMMEDIATE');
    await submit(worker, '#filter-submit');
    check(new URL(worker.url()).searchParams.get('priority') === 'IMMEDIATE', `not filtered: ${worker.url()}`);
    const row = worker.locator(`#alerts tr[data-alert-id="${alertId}"]`);
    check(await row.count() === 1, `${alertId} is not among the IMMEDIATE alerts`);
    check((await row.locator('.priority').innerText()).trim().toLowerCase() === 'omedelbar', 'the priority is not shown as text');
    await axe(worker, 'alerts-filtered-sv');
    await worker.goto(`${base}/inbox?priority=IMMEDIATE&lang=en`);
    check(await worker.getAttribute('html', 'lang') === 'en', 'html lang is not en');
    await axe(worker, 'alerts-filtered-en');
  });

  for (const lang of ['sv', 'en']) {
    await step(`an empty list and a refused filter, ${lang}`, async () => {
      await worker.goto(`${base}/inbox?age=older&lang=${lang}`);
      check(await worker.locator('#alerts-empty').count() === 1, 'no alert older than 7 days, yet no empty state');
      await axe(worker, `alerts-empty-${lang}`);
      await worker.goto(`${base}/inbox?status=LOST&lang=${lang}`);
      check(await worker.locator('#error-summary a[href="#status"]').count() === 1, 'no error on the status filter');
      await axe(worker, `alerts-error-${lang}`);
    });
  }

  await step('open the alert: the routing facts, nothing sealed opened', async () => {
    await worker.goto(`${base}/inbox?priority=IMMEDIATE&lang=sv`);
    await Promise.all([worker.waitForURL(url => url.pathname === alertPath),
      worker.locator(`#alerts tr[data-alert-id="${alertId}"] a`).first().click()]);
    check(await text(worker, '#alert-minor') === 'Ja', 'the possible minor is not shown');
    check(await worker.locator('#alert-deadline').count() === 1, 'no deadline for a new alert');
    check(await worker.locator('#details').count() === 0, 'details opened just by viewing');
    check((await text(worker, '#priority-suggested')).includes('Misstänkt minderårig'), 'no reason for the priority');
    await axe(worker, 'alert-sv');
    await worker.goto(`${base}${alertPath}?lang=en`);
    await axe(worker, 'alert-en');
  });

  await step('open the details with a reason and read the description', async () => {
    await worker.goto(`${base}${alertPath}?lang=sv`);
    await worker.locator('#reason').fill(REASON);
    await submit(worker, '#open-submit');
    check(new URL(worker.url()).searchParams.get('open') === 'true', `not opened: ${worker.url()}`);
    check((await text(worker, '#opening-recorded')).includes(REASON), 'the page does not say the opening was recorded');
    check(await text(worker, '#details-description') === description, 'the description is not shown');
    await axe(worker, 'alert-opened-sv');
    await worker.goto(`${base}${openedPath}&lang=en`);
    await axe(worker, 'alert-opened-en');
  });

  await step('acknowledge the alert', async () => {
    await worker.goto(`${base}${openedPath}&lang=sv`);
    await submit(worker, '#acknowledge-submit');
    check(await worker.locator('#confirmation').count() === 1, 'no confirmation of the acknowledgement');
    check(await text(worker, '#alert-status') === 'Kvitterad', 'the alert is not acknowledged');
    check(await worker.locator('#details').count() === 1, 'the details did not stay open');
    await axe(worker, 'alert-acknowledged-sv');
    await worker.goto(`${worker.url()}&lang=en`);
    check(await worker.locator('#confirmation').count() === 1, 'no confirmation in English');
    await axe(worker, 'alert-acknowledged-en');
  });

  await step('add an internal note', async () => {
    await worker.locator('#note-text').fill(NOTE);
    await submit(worker, '#note-submit');
    check((await text(worker, '#notes')).includes(NOTE), 'the note is not listed');
  });

  for (const lang of ['sv', 'en']) {
    await step(`an empty question is refused on the form, ${lang}`, async () => {
      await worker.goto(`${base}${openedPath}&lang=${lang}`);
      await worker.locator('#question-text').fill('   ');
      await submit(worker, '#question-submit');
      check(await worker.locator('#error-summary a[href="#question-text"]').count() === 1, 'no error summary');
      check(await worker.locator('#question-text').getAttribute('aria-invalid') === 'true', 'not marked invalid');
      await axe(worker, `alert-question-error-${lang}`);
    });
  }

  await step('ask the tipster a question', async () => {
    await worker.goto(`${base}${openedPath}&lang=sv`);
    await worker.locator('#question-text').fill(QUESTION);
    await submit(worker, '#question-submit');
    check((await text(worker, '#confirmation')).length > 0, 'no confirmation of the question');
    check((await text(worker, '#messages')).includes(QUESTION), 'the question is not listed');
    writeFileSync(join(signals, 'asked'), alertId);
  });

  await step('reload and see the answer arrive', async () => {
    await signalled('answered', 4 * TIMEOUT);
    await worker.reload();
    const answers = worker.locator('#messages li[data-direction="ANSWER"]');
    check(await answers.count() === 1, 'the answer is not shown');
    check((await answers.innerText()).includes(answer), 'the answer is not the tipster\'s');
    await axe(worker, 'alert-answered-sv');
    await worker.goto(`${base}${openedPath}&lang=en`);
    await axe(worker, 'alert-answered-en');
  });

  await step('record the outcome', async () => {
    await worker.goto(`${base}${alertPath}?lang=sv`);
    await worker.locator('#outcome-ACTED').check();
    await submit(worker, '#outcome-submit');
    check(await text(worker, '#alert-status') === 'Stängd', 'the alert is not closed');
    check(await worker.locator('#alert-outcome').count() === 1, 'the outcome is not shown');
    await axe(worker, 'alert-closed-sv');
    await worker.goto(`${base}${alertPath}?lang=en`);
    await axe(worker, 'alert-closed-en');
  });

  for (const lang of ['sv', 'en']) {
    await step(`a missing alert and the auditors' page are refused with pages, ${lang}`, async () => {
      const missing = await worker.goto(`${base}/inbox/alerts/no-such-alert?lang=${lang}`);
      check(missing.status() === 404, `a missing alert answered ${missing.status()}`);
      await axe(worker, `not-found-${lang}`);
      const refused = await worker.goto(`${base}/inbox/audit?lang=${lang}`);
      check(refused.status() === 403, `the openings log answered ${refused.status()} to a case worker`);
      await axe(worker, `not-allowed-${lang}`);
    });
  }

  const auditor = await newPage('/inbox', noStore);
  await step('the auditor logs in and finds the openings of the alert', async () => {
    await logIn(auditor, '/inbox/audit', 'auditor');
    await auditor.goto(`${base}/inbox/audit?lang=en`);
    await axe(auditor, 'audit-en');
    await auditor.goto(`${base}/inbox/audit?lang=sv`);
    await axe(auditor, 'audit-sv');
    await auditor.locator('#alertId').fill(alertId);
    await submit(auditor, '#audit-submit');
    const rows = auditor.locator('#openings tr[data-subject="social-children-worker"]');
    check(await rows.count() >= 2, `${await rows.count()} openings by the worker listed`);
    check((await text(auditor, '#openings')).includes(REASON), 'the reason is not in the log');
    await axe(auditor, 'audit-filtered-sv');
    await auditor.goto(`${base}/inbox/audit?alertId=${alertId}&lang=en`);
    await axe(auditor, 'audit-filtered-en');
    const csv = await auditor.context().request.get(`${base}${await auditor.locator('#audit-csv').getAttribute('href')}`);
    check(csv.status() === 200, `the CSV export answered ${csv.status()}`);
    check((csv.headers()['content-type'] || '').startsWith('text/csv'), 'the export is not CSV');
    check((await csv.text()).includes(alertId), 'the export does not list the alert');
    result.csvChecked = true;
  });

  for (const lang of ['sv', 'en']) {
    await step(`a refused day on the auditors' form, ${lang}`, async () => {
      await auditor.goto(`${base}/inbox/audit?from=27/11&lang=${lang}`);
      check(await auditor.locator('#error-summary a[href="#from"]').count() === 1, 'no error on the from day');
      await axe(auditor, `audit-error-${lang}`);
    });
  }
} catch (error) {
  result.failures.push(`${error.message}`);
  log(`FAIL ${error.message}`);
} finally {
  await finish();
}
