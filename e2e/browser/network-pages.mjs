// Göteborg & Co's network desk as a coordinator meets it, in a real browser (Debian's Chromium, driven by
// playwright-core), with a member's staff on a device of their own: the coordinator logs in through the gateway,
// reads the figures and the quarterly report, enrols a member (a refused form first) and gets its key, enrolment link
// and QR code; the member's staff open the link on their device, confirm, and send tips through the form; the
// figures move (more tips, the member no longer among those not reporting); a bulletin to the member's kind of
// business reaches its e-mail and its form page, and leaves the form page when withdrawn; a meeting records that the
// member came. axe-core (WCAG 2.1 A and AA) over every page in Swedish and English, and the security headers of
// every page load.
//
// Environment: as staff-pages.mjs says, and VAKSAM_MAIL_URL (the local mail server's HTTP API). Exit code 0 only
// when every check passed; the result file says what was seen.

import { setTimeout as pause } from 'node:timers/promises';

import { check, staffPagesRun } from './staff-pages.mjs';

const { base, step, axe, newPage, logIn, finish } = staffPagesRun('network-pages', ['VAKSAM_MAIL_URL']);
const mailUrl = process.env.VAKSAM_MAIL_URL.replace(/\/$/, '');
const stamp = Date.now().toString(36);
const MEMBER = `Nöjeshuset ${stamp}`;
const EMAIL = `kontakt-${stamp}@nojeshuset.example`;
const BULLETIN = `Inför helgen ${stamp}`;
const TIPS = 3;
const FIGURES_DEADLINE = 90_000;

// Times and days as the pages take them: Swedish local time.
function swedish(date, withTime) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map(p => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return withTime ? `${day}T${parts.hour}:${parts.minute}` : day;
}

/** A count as the figures show it: a number, or 0 for "< 3" (at most two, so never more than the next count). */
function shownCount(text) {
  const trimmed = text.trim();
  return trimmed.startsWith('<') ? 0 : Number(trimmed.replace(/\s/g, ''));
}

/** Reloads `path` until `condition(page)` holds, or fails after `timeout`. */
async function until(page, path, condition, what, timeout = FIGURES_DEADLINE) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await page.goto(`${base}${path}`);
    if (await condition(page)) {
      return;
    }
    check(Date.now() < deadline, `${what} within ${timeout / 1000} s`);
    await pause(1000);
  }
}

async function send(page, selector) {
  await Promise.all([page.waitForLoadState('load'), page.locator(selector).click()]);
  await page.waitForLoadState('load');
}

const desk = await newPage('/network');
const device = await newPage('/intake');
let memberId;
let enrolmentUrl;
let bulletinPath;
let tipsBefore;

try {
  await step('log in through the gateway and land on the figures', async () => {
    await logIn(desk, '/network', 'coordinator');
  });

  for (const lang of ['sv', 'en']) {
    await step(`the figures and the quarterly report, ${lang}`, async () => {
      await desk.goto(`${base}/network?lang=${lang}`);
      check(await desk.getAttribute('html', 'lang') === lang, `html lang is not ${lang}`);
      check(await desk.locator('#headline-tips').count() === 1, 'no count of tips');
      check(await desk.locator('svg[role="img"]').count() >= 3, 'fewer than three charts');
      check(await desk.locator('#district-map').count() === 1, 'no district map');
      await axe(desk, `dashboard-${lang}`);
      await desk.goto(`${base}/network/reports?lang=${lang}`);
      await axe(desk, `reports-${lang}`);
      await Promise.all([desk.waitForURL(url => /^\/network\/reports\/\d{4}-Q[1-4]$/.test(url.pathname)),
        desk.locator('#quarters a').first().click()]);
      check(await desk.locator('#report-period').count() === 1, 'the report names no period');
      await axe(desk, `report-${lang}`);
    });
  }

  await step('a period that ends before it starts is refused on the page', async () => {
    await desk.goto(`${base}/network?from=2026-12-01&to=2026-11-01&lang=sv`);
    check(await desk.locator('#error-summary').count() === 1, 'no error summary for a backwards period');
    await axe(desk, 'dashboard-errors');
  });

  await step('a member is enrolled (a refused form first) and its key, link and QR code shown once', async () => {
    await desk.goto(`${base}/network/members/new?lang=sv`);
    await axe(desk, 'member-new');
    await desk.locator('#orgNumber').fill('556000-0002');
    await send(desk, '#member-submit');
    check(await desk.locator('#error-summary').count() === 1, 'no error summary for a missing name and a bad number');
    check(await desk.locator('#orgNumber').getAttribute('aria-invalid') === 'true', 'orgNumber not marked invalid');
    await axe(desk, 'member-new-errors');
    await desk.locator('#type').selectOption('VENUE');
    await desk.locator('#name').fill(MEMBER);
    await desk.locator('#orgNumber').fill('556000-0001');
    await desk.locator('#streetAddress').fill('Kungsportsavenyen 36');
    await desk.locator('#postalCode').fill('411 36');
    await desk.locator('#city').fill('Göteborg');
    await desk.locator('#contactName').fill('Kvällsansvarig');
    await desk.locator('#contactEmail').fill(EMAIL);
    await send(desk, '#member-submit');
    enrolmentUrl = (await desk.locator('#enrolment-url').innerText()).trim();
    check(enrolmentUrl.startsWith(`${base}/intake/enrol/vk_`), `the enrolment link is ${enrolmentUrl}`);
    check((await desk.locator('#intake-key').innerText()).trim().startsWith('vk_'), 'no intake key shown');
    check(await desk.locator('#qr svg').count() === 1, 'no QR code');
    const href = await desk.locator('main a[href^="/network/members/"]').first().getAttribute('href');
    memberId = href.split('/').pop();
    await axe(desk, 'member-key');
  });

  await step('the member is listed and has its page; a new member is not counted as not reporting', async () => {
    for (const lang of ['sv', 'en']) {
      await desk.goto(`${base}/network/members?lang=${lang}`);
      check(await desk.locator(`#members tr[data-member-id="${memberId}"]`).count() === 1, 'the member is not listed');
      await axe(desk, `members-${lang}`);
    }
    await desk.goto(`${base}/network/members/${memberId}`);
    check((await desk.locator('#member-status').innerText()).trim().length > 0, 'no status on the member page');
    await axe(desk, 'member');
    await desk.goto(`${base}/network`);
    tipsBefore = shownCount(await desk.locator('#headline-tips').innerText());
  });

  await step(`the member's staff enrol their device with the link and send ${TIPS} tips through the form`, async () => {
    await device.goto(enrolmentUrl);
    await Promise.all([device.waitForURL(url => url.pathname === '/intake/hotel'),
      device.locator('#enrol-confirm').click()]);
    for (let i = 0; i < TIPS; i++) {
      await device.goto(`${base}/intake/hotel`);
      await device.locator('#observedAt').fill(swedish(new Date(Date.now() - 20 * 60_000), true));
      await device.locator('#ind-ASKS_ADULT_SERVICES').check();
      await device.locator('[id="premises-name"]').fill(MEMBER);
      await device.locator('[id="premises-streetAddress"]').fill('Kungsportsavenyen 36');
      await device.locator('[id="premises-postalCode"]').fill('411 36');
      await device.locator('[id="premises-city"]').fill('Göteborg');
      await device.locator('#suspectedMinor-NO').check();
      await device.locator('#immediateDanger-false').check();
      await device.locator('#exploitationType-SEXUAL').check();
      await send(device, '#submit-tip');
      check(/^VK-/.test((await device.locator('#receipt-code').innerText()).trim()), `tip ${i + 1} got no receipt`);
    }
  });

  await step('the figures move: more tips, and the member has reported', async () => {
    await until(desk, '/network', async page => {
      const tips = shownCount(await page.locator('#headline-tips').innerText());
      const listed = await page.locator(`#not-reporting tr[data-member-id="${memberId}"]`).count();
      return tips >= tipsBefore + TIPS && listed === 0;
    }, `${TIPS} more tips counted and the member gone from those not reporting`);
    await axe(desk, 'dashboard-after-tips');
  });

  await step('a bulletin to venues is e-mailed to the member and shown on its form page', async () => {
    await desk.goto(`${base}/network/bulletins/new?lang=sv`);
    await axe(desk, 'bulletin-new');
    await send(desk, '#bulletin-submit');
    check(await desk.locator('#error-summary').count() === 1, 'no error summary for an empty bulletin');
    await axe(desk, 'bulletin-new-errors');
    await desk.locator('#titleSv').fill(BULLETIN);
    await desk.locator('#titleEn').fill(`Before the weekend ${stamp}`);
    await desk.locator('#bodySv').fill('Stor konsert i helgen. Var uppmärksam på tecknen och ring 112 vid fara.');
    await desk.locator('#bodyEn').fill('A big concert this weekend. Watch for the signs and call 112 in danger.');
    await desk.locator('#memberTypes-VENUE').check();
    await desk.locator('#expiresAt').fill(swedish(new Date(Date.now() + 7 * 24 * 3600_000), true));
    await send(desk, '#bulletin-submit');
    bulletinPath = new URL(desk.url()).pathname;
    check(/^\/network\/bulletins\/[^/]+$/.test(bulletinPath), `the bulletin was not created: ${desk.url()}`);
    await until(desk, bulletinPath, async page =>
      await page.locator(`#deliveries tr[data-member-id="${memberId}"][data-status="SENT"]`).count() === 1,
    'the e-mail to the member sent');
    await axe(desk, 'bulletin-detail');
    const mailbox = await (await fetch(`${mailUrl}/api/user/${encodeURIComponent(EMAIL)}/messages/INBOX`)).json();
    check(mailbox.some(mail => (mail.subject || '').includes(BULLETIN)), `no e-mail "${BULLETIN}" in ${EMAIL}'s inbox`);
    await device.goto(`${base}/intake/hotel`);
    check((await device.locator('#bulletins').innerText()).includes(BULLETIN), 'the form page shows no bulletin');
    await desk.goto(`${base}/network/bulletins?lang=en`);
    await axe(desk, 'bulletins-en');
  });

  await step('a withdrawn bulletin leaves the form page', async () => {
    await desk.goto(`${base}${bulletinPath}`);
    await send(desk, '#withdraw-bulletin');
    await until(device, '/intake/hotel', async page => !(await page.locator('main').innerText()).includes(BULLETIN),
      'the bulletin gone from the form page', 30_000);
  });

  await step('a meeting records that the member came', async () => {
    await desk.goto(`${base}/network/meetings/new?lang=sv`);
    await axe(desk, 'meeting-new');
    await desk.locator('#kind-MEETING').check();
    await desk.locator('#title').fill(`Nätverksträff ${stamp}`);
    await desk.locator('#heldOn').fill(swedish(new Date(), false));
    await desk.locator(`[id="attendee-${memberId}"]`).check();
    await send(desk, '#meeting-submit');
    await desk.goto(`${base}/network/meetings?lang=en`);
    check((await desk.locator('#meetings').innerText()).includes(`Nätverksträff ${stamp}`), 'the meeting is not listed');
    await axe(desk, 'meetings-en');
  });
} finally {
  await finish();
}
