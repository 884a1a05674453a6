// The lettings group's pages as a lettings officer meets them, in a real browser (Debian's Chromium, driven by
// playwright-core): log in through the gateway, see the flagged premises, open a notice and record the landlord's
// action (a refused date first), import a register file (a bad one first), check an address; axe-core (WCAG 2.1
// A and AA) over every page in Swedish and English, and the security headers of every page.
//
// Environment: as staff-pages.mjs says, and VAKSAM_PREMISES_ID (a premises with a notice; the test makes one before
// it starts this script). Exit code 0 only when every check passed; the result file says what was seen.

import { check, staffPagesRun } from './staff-pages.mjs';

const { base, step, axe, newPage, logIn, finish } = staffPagesRun('lettings-pages', ['VAKSAM_PREMISES_ID']);
const premisesId = process.env.VAKSAM_PREMISES_ID;
const HEADER = 'premises_id,property_designation,street_address,postal_code,city,landlord,tenant_org_number,'
  + 'tenant_name,industry_code,lease_start,lease_end\n';

const page = await newPage('/lettings');

try {
  await step('log in through the gateway and land on the flagged premises', async () => {
    await logIn(page, '/lettings', 'lettings-officer');
  });

  for (const lang of ['sv', 'en']) {
    await step(`flagged premises and the notice, ${lang}`, async () => {
      await page.goto(`${base}/lettings?lang=${lang}`);
      check(await page.getAttribute('html', 'lang') === lang, `html lang is not ${lang}`);
      check(await page.locator(`#notices tr[data-premises-id="${premisesId}"]`).count() === 1,
        `${premisesId} is not among the flagged premises`);
      await axe(page, `notices-${lang}`);
      await Promise.all([page.waitForURL(url => url.pathname === `/lettings/notices/${premisesId}`),
        page.locator(`#notices tr[data-premises-id="${premisesId}"] a`).first().click()]);
      check(/\d{4}-\d{2}-\d{2}/.test(await page.locator('#notice-known-since').innerText()), 'no date of knowledge');
      check(Number((await page.locator('#notice-tip-count').innerText()).trim()) >= 1, 'no tip counted');
      await axe(page, `notice-${lang}`);
    });
  }

  await step('a date in the future is refused, then the action is recorded', async () => {
    await page.goto(`${base}/lettings/notices/${premisesId}?lang=sv`);
    await page.locator('#action-TENANT_CONTACTED').check();
    await page.locator('#takenOn').fill('2099-01-01');
    await page.locator('#action-submit').click();
    await page.waitForLoadState('load');
    check(await page.locator('#error-summary').count() === 1, 'no error summary for a date in the future');
    check(await page.locator('#takenOn').getAttribute('aria-invalid') === 'true', 'takenOn not marked invalid');
    await axe(page, 'notice-with-errors');
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    await page.locator('#action-TENANT_CONTACTED').check();
    await page.locator('#takenOn').fill(today);
    await page.locator('#reference').fill('FK 2026/77');
    await page.locator('#action-submit').click();
    await page.waitForLoadState('load');
    check(await page.locator('#action-recorded').count() === 1, 'no confirmation of the recorded action');
    check(await page.locator('#actions tr[data-action-id]').count() >= 1, 'the action is not listed');
    await axe(page, 'notice-action-recorded');
  });

  await step('a bad register file is refused line by line, a good one imported', async () => {
    await page.goto(`${base}/lettings/register?lang=sv`);
    await axe(page, 'register-sv');
    const bad = `${HEADER}BROWSER-BAD-1,Heden 41:1,Skånegatan 101,412 51,Göteborg,Higab AB,556677-8882,`
      + 'Fel AB,96.040,2024-02-30,\n';
    await page.locator('#file').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.locator('#import-submit').click();
    await page.waitForLoadState('load');
    check(await page.locator('#error-summary').count() === 1, 'no error summary for a bad file');
    const errors = await page.locator('#import-errors').innerText();
    check(errors.includes('2'), `the errors do not name line 2: ${errors}`);
    await axe(page, 'register-errors');
    const good = `${HEADER}BROWSER-OK-${Date.now()},Heden 41:2,Skånegatan 103,412 51,Göteborg,Higab AB,556677-8881,`
      + 'Rätt AB,47.110,2024-02-01,\n';
    await page.locator('#file').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.locator('#import-submit').click();
    await page.waitForLoadState('load');
    check(await page.locator('#import-result').count() === 1, 'no import result');
    check((await page.locator('#import-rows').innerText()).trim() === '1', 'the result does not say one row');
    await axe(page, 'register-imported');
  });

  for (const lang of ['sv', 'en']) {
    await step(`an address written the way drivers write it is matched, ${lang}`, async () => {
      await page.goto(`${base}/lettings/match?lang=${lang}`);
      await axe(page, `match-${lang}`);
      await page.locator('#streetAddress').fill('Kungsg. 12');
      await page.locator('#postalCode').fill('41119');
      await page.locator('#city').fill('Gbg');
      await Promise.all([page.waitForLoadState('load'), page.locator('#match-submit').click()]);
      await page.waitForSelector('#match-result');
      check((await page.locator('#match-premises-id').innerText()).trim() === 'GBG-L-0001',
        'Kungsg. 12, 41119 Gbg did not match GBG-L-0001');
      await axe(page, `match-result-${lang}`);
    });
  }
} finally {
  await finish();
}
