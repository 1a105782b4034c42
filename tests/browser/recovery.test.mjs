// A member's own recovery pages in a real browser, on a 360px-wide phone
// screen: the daily check-in filled and sent with the keyboard alone, the
// check-in form's field error, the mood and craving charts over 30, 90 and
// 365 days with their tables of numbers, the private journal (Markdown,
// changing and deleting an entry), and the crisis panel that answers crisis
// words in a check-in or a journal entry. Every page is audited with
// axe-core and must not scroll sideways. (The /recovery counters page
// itself is audited in groups.test.mjs.) The whole file runs twice: against
// a fresh SQLite file and against a fresh PostgreSQL database.
//
// Run by ./scripts/test; by hand:
//   HEARTH_BIN=target/debug/hearth HEARTH_TEST_POSTGRES_URL=postgres://... \
//     node --test tests/browser/recovery.test.mjs

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  BLOCKING_IMPACTS,
  axeViolations,
  formatViolations,
  uniqueHandle,
  PASSWORD,
  assertRedirected,
  backends,
  pathOf,
  looseFieldErrors,
  register,
  submit,
  serverForSuite,
} from './support.mjs';

const STEP_TIMEOUT = 120_000;
const PHONE = { width: 360, height: 740 };
const CRISIS_WORDS = "I don't want to be here anymore. I have the pills ready.";

/** Saves a time zone through the form on /account. */
/** Today's date (YYYY-MM-DD) in the IANA time zone `zone`. */
function todayIn(zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
}

/** The date (YYYY-MM-DD) `days` calendar days before `date`. */
function daysBefore(date, days) {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - days)).toISOString().slice(0, 10);
}

async function setTimeZone(page, base, zone) {
  if (pathOf(page) !== '/account') await page.goto(`${base}/account`);
  const form = page.locator('form[action="/account/time-zone"]');
  await form.locator('input[name="time_zone"]').fill(zone);
  const response = await submit(
    page,
    form.getByRole('button', { name: 'Save the time zone', exact: true }),
    '/account/time-zone',
  );
  assert.ok(response.status() < 400, `saving the time zone answers ${response.status()}`);
  assert.match(await page.locator('main').innerText(), /Your time zone is saved\./);
  assert.equal(
    await page.locator('input[name="time_zone"]').inputValue(),
    zone,
    'the time zone form shows the saved zone',
  );
}

/**
 * Fills today's check-in with the mouse and sends it; returns the POST's
 * response. `mood` and `craving` are numbers, or null to leave them out.
 */
async function checkIn(page, base, { mood = 3, craving = 2, used = null, helped = '', note = '' }) {
  await page.goto(`${base}/recovery/check-in`);
  if (mood !== null) {
    await page.getByRole('group', { name: 'Mood', exact: true }).getByRole('radio', { name: new RegExp(`^${mood} · `) }).check();
  }
  if (craving !== null) {
    await page.getByRole('group', { name: 'Craving', exact: true }).getByRole('radio', { name: String(craving), exact: true }).check();
  }
  if (used !== null) {
    await page.getByRole('group', { name: /^Did you use today\?/ }).getByRole('radio', { name: used, exact: true }).check();
  }
  await page.getByLabel(/^What helped/).fill(helped);
  await page.getByLabel(/^A note for yourself/).fill(note);
  return submit(page, page.getByRole('button', { name: /^Save (my check-in|the changes)$/ }), '/recovery/check-in');
}

/**
 * An axe-core audit and a 360px width check for each page a test looks at;
 * serious and critical violations and sideways scrolling are gathered and
 * reported together by `assertClean()`, minor ones logged.
 */
function checker(t, backendName) {
  const findings = [];
  let shots = 0;
  return {
    async check(page, label) {
      const violations = await axeViolations(page);
      const blocking = violations.filter((v) => BLOCKING_IMPACTS.has(v.impact));
      const minor = violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact));
      if (minor.length) t.diagnostic(formatViolations(`${label} (minor/moderate, not failing)`, minor));
      if (blocking.length) findings.push(formatViolations(label, blocking));
      const widths = await page.evaluate(() => ({
        document: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
      }));
      if (widths.document > PHONE.width || widths.body > PHONE.width) {
        shots += 1;
        const slug = label.replace(/\W+/g, '-').slice(0, 60);
        const file = path.join(tmpdir(), `hearth-recovery-360-${backendName.toLowerCase()}-${shots}-${slug}.png`);
        await page.screenshot({ path: file, fullPage: true });
        findings.push(
          `${label} scrolls sideways at ${PHONE.width}px: document scrollWidth ${widths.document}, ` +
            `body scrollWidth ${widths.body} (screenshot: ${file})`,
        );
      }
    },
    assertClean() {
      assert.equal(
        findings.length,
        0,
        `accessibility or layout problems:\n\n${findings.join('\n\n')}`,
      );
    },
  };
}

for (const backend of backends) {
  describe(`recovery check-ins, charts and journal on ${backend.name}`, { timeout: 12 * STEP_TIMEOUT }, () => {
    const { withPages } = serverForSuite(backend);
    let base;

    // Each test gets a fresh context on a phone-sized screen (JavaScript on
    // only so that axe-core can run: the pages have none of their own).
    const onPhone = (fn) =>
      withPages({ javaScriptEnabled: true, bypassCSP: true, viewport: PHONE }, 1, (run) => {
        base = run.base;
        return fn(run.pages[0]);
      });

    it('lets a member set a time zone and fill in the daily check-in with the keyboard alone', { timeout: 2 * STEP_TIMEOUT }, (t) =>
      onPhone(async (page) => {
        const pages = checker(t, backend.name);
        await register(page, base, uniqueHandle('checkin'));
        await setTimeZone(page, base, 'Europe/Madrid');

        await page.goto(`${base}/recovery`);
        assert.equal(
          await page.getByText('Days are counted in UTC').count(),
          0,
          'with a time zone saved, /recovery no longer asks for one',
        );
        await page.getByRole('link', { name: 'Check in for today', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/recovery/check-in');
        assert.equal((await page.locator('h1').innerText()).trim(), "Today's check-in");
        assert.match(
          await page.locator('main').innerText(),
          /Check in whenever you like/,
          'before the first check-in, the page has no streak yet',
        );
        await pages.check(page, '/recovery/check-in, the empty form');
        // Start again from the top of a freshly loaded page, as a keyboard
        // user arriving would.
        await page.reload();

        const focused = page.locator(':focus');
        const describeFocus = async () =>
          (await focused.count()) === 0
            ? '(nothing)'
            : focused.evaluate((el) => el.outerHTML.slice(0, 160));

        await page.keyboard.press('Tab');
        assert.equal((await focused.innerText()).trim(), 'Skip to main content', 'the first Tab reaches the skip link');
        await page.keyboard.press('Enter');
        const tabTo = async (selector, label, most = 10) => {
          for (let i = 0; i < most; i += 1) {
            await page.keyboard.press('Tab');
            if (await focused.evaluate((el, s) => el.matches(s), selector)) return;
          }
          assert.fail(`${most} presses of Tab did not reach ${label}; focus is on ${await describeFocus()}`);
        };

        // Mood: none is chosen yet, so Tab lands on the first, "1"; the
        // arrow keys move the choice along the group.
        await tabTo('input[type="radio"][name="mood"]', 'the mood radio group');
        assert.equal(await focused.getAttribute('value'), '1', 'Tab lands on the first mood');
        for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
        assert.equal(await focused.getAttribute('value'), '4', 'three presses of ArrowDown reach mood 4');
        const mood = page.getByRole('group', { name: 'Mood', exact: true });
        assert.ok(await mood.getByRole('radio', { name: '4 · Good', exact: true }).isChecked(), 'the arrows chose "4 · Good"');

        // Craving: the next Tab leaves the mood group for the craving group.
        await page.keyboard.press('Tab');
        assert.equal(await focused.getAttribute('name'), 'craving', `after the moods, Tab reaches the craving group, not ${await describeFocus()}`);
        assert.equal(await focused.getAttribute('value'), '0');
        for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Space');
        assert.equal(await focused.getAttribute('value'), '3');
        assert.ok(
          await page.getByRole('group', { name: 'Craving', exact: true }).getByRole('radio', { name: '3', exact: true }).isChecked(),
          'the arrows chose craving 3',
        );

        // "Did you use today?": "I'd rather not say" is chosen already.
        await page.keyboard.press('Tab');
        assert.equal(await focused.getAttribute('name'), 'used', `after the cravings, Tab reaches "Did you use today?", not ${await describeFocus()}`);
        assert.equal(await focused.getAttribute('value'), '', 'Tab lands on the chosen answer, "I\'d rather not say"');
        await page.keyboard.press('ArrowDown');
        assert.equal(await focused.getAttribute('value'), 'no');

        const helped = 'A call with my sponsor, and a walk by the river.';
        const note = 'Slept badly but the morning was *kind*.';
        await page.keyboard.press('Tab');
        assert.equal(await focused.getAttribute('name'), 'helped', `then "What helped", not ${await describeFocus()}`);
        await page.keyboard.type(helped);
        await page.keyboard.press('Tab');
        assert.equal(await focused.getAttribute('name'), 'note', `then the note, not ${await describeFocus()}`);
        await page.keyboard.type(note);
        await page.keyboard.press('Tab');
        assert.equal((await focused.innerText()).trim(), 'Save my check-in', `then the button, not ${await describeFocus()}`);

        const [response] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/recovery/check-in'),
          page.waitForURL((url) => url.pathname === '/recovery/check-in' && url.searchParams.get('saved') === '1'),
          page.keyboard.press('Enter'),
        ]);
        assertRedirected(response, 'saving the check-in with the keyboard');

        const status = page.locator('main [role="status"]');
        assert.equal(await status.count(), 1, 'the saved page has one status message');
        assert.ok(await status.isVisible());
        assert.equal((await status.innerText()).trim(), 'Saved. Only you can see your check-ins.');
        assert.match(await page.locator('main').innerText(), /You have checked in 1 day in a row\./);
        assert.equal(await page.locator('#crisis').count(), 0, 'ordinary words bring no crisis panel');
        // The form now changes today's check-in, with what was sent.
        assert.equal(await page.getByRole('heading', { name: 'You checked in today. Change it if you like.' }).count(), 1);
        assert.ok(await mood.getByRole('radio', { name: '4 · Good', exact: true }).isChecked(), 'mood 4 was saved');
        assert.ok(await page.getByRole('group', { name: 'Craving', exact: true }).getByRole('radio', { name: '3', exact: true }).isChecked(), 'craving 3 was saved');
        assert.ok(await page.getByRole('group', { name: /^Did you use today\?/ }).getByRole('radio', { name: 'No', exact: true }).isChecked(), '"No" was saved');
        assert.equal(await page.getByLabel(/^What helped/).inputValue(), helped);
        assert.equal(await page.getByLabel(/^A note for yourself/).inputValue(), note);
        assert.equal(await page.getByRole('button', { name: 'Save the changes', exact: true }).count(), 1);
        await pages.check(page, '/recovery/check-in?saved=1');

        await page.goto(`${base}/recovery`);
        assert.equal(
          await page.getByRole('link', { name: "Today's check-in (done)", exact: true }).count(),
          1,
          '/recovery says today\'s check-in is done',
        );
        pages.assertClean();
      }));

    it('shows the field error beside the mood group when no mood is chosen, keeping what was typed', { timeout: STEP_TIMEOUT }, (t) =>
      onPhone(async (page) => {
        const pages = checker(t, backend.name);
        await register(page, base, uniqueHandle('nomood'));
        const note = 'Tired today. I will try again tomorrow.';
        const response = await checkIn(page, base, { mood: null, craving: 6, helped: 'Tea', note });
        assert.equal(response.status(), 422, 'a check-in without a mood is refused with 422');
        assert.equal(pathOf(page), '/recovery/check-in');

        const mood = page.getByRole('group', { name: 'Mood', exact: true });
        const error = mood.locator('#mood-error');
        assert.equal(await error.count(), 1, 'the error is inside the mood fieldset');
        assert.ok(await error.isVisible(), 'the error is visible');
        assert.equal((await error.innerText()).trim(), 'Choose how you feel, from 1 to 5.');
        assert.equal(await error.getAttribute('role'), 'alert');
        assert.equal(
          await mood.getAttribute('aria-describedby'),
          'mood-error',
          'the mood group is described by its error',
        );
        // Next to the group: right after its legend, before the first choice.
        const nextToLegend = await mood.evaluate((fieldset) => {
          const legend = fieldset.querySelector('legend');
          return legend.nextElementSibling?.id === 'mood-error';
        });
        assert.ok(nextToLegend, 'the error follows the legend "Mood", before the choices');
        assert.equal(await page.locator('main .field-error').count(), 1, 'only the mood has an error');
        assert.deepEqual(await looseFieldErrors(page), [], 'the error is tied to its field');

        assert.equal(await page.getByLabel(/^A note for yourself/).inputValue(), note, 'the typed note is kept');
        assert.equal(await page.getByLabel(/^What helped/).inputValue(), 'Tea', '"What helped" is kept');
        assert.ok(
          await page.getByRole('group', { name: 'Craving', exact: true }).getByRole('radio', { name: '6', exact: true }).isChecked(),
          'the chosen craving is kept',
        );
        assert.equal(await page.locator('main [role="status"]').count(), 0, 'nothing says "Saved"');
        await pages.check(page, '/recovery/check-in with no mood chosen');

        // Choosing a mood now saves it, with the note.
        await mood.getByRole('radio', { name: '2 · Low', exact: true }).check();
        const saved = await submit(page, page.getByRole('button', { name: 'Save my check-in', exact: true }), '/recovery/check-in');
        assertRedirected(saved, 'saving after choosing a mood');
        assert.equal((await page.locator('main [role="status"]').innerText()).trim(), 'Saved. Only you can see your check-ins.');
        assert.equal(await page.getByLabel(/^A note for yourself/).inputValue(), note);
        pages.assertClean();
      }));

    it('draws the mood and craving charts over 30, 90 and 365 days, with their numbers a key press away', { timeout: 2 * STEP_TIMEOUT }, (t) =>
      onPhone(async (page) => {
        const pages = checker(t, backend.name);
        await register(page, base, uniqueHandle('charts'));
        assertRedirected(
          await checkIn(page, base, { mood: 3, craving: 7, used: 'No', helped: 'A meeting', note: 'A long day.' }),
          'checking in',
        );

        const focused = page.locator(':focus');
        const describeFocus = async () =>
          (await focused.count()) === 0
            ? '(nothing)'
            : focused.evaluate((el) => el.outerHTML.slice(0, 160));
        const tabToSummary = async (label, most = 40) => {
          for (let i = 0; i < most; i += 1) {
            await page.keyboard.press('Tab');
            const on = await focused.evaluate((el) => el.tagName === 'SUMMARY' && el.textContent.trim() === 'Show the numbers');
            if (on) return;
          }
          assert.fail(`${most} presses of Tab did not reach ${label}; focus is on ${await describeFocus()}`);
        };

        for (const [query, days] of [['', 30], ['?range=90', 90], ['?range=365', 365]]) {
          const pathname = `/recovery/check-ins${query}`;
          const response = await page.goto(`${base}${pathname}`);
          assert.equal(response.status(), 200, `GET ${pathname} answers 200`);
          assert.equal((await page.locator('h1').innerText()).trim(), 'My check-ins');
          const current = page.getByRole('navigation', { name: 'How far back' }).locator('[aria-current="page"]');
          assert.equal((await current.innerText()).trim(), `${days} days`, `${pathname} marks "${days} days" as the current range`);

          // The charts: images with a name that says what they show.
          const line = page.getByRole('img', { name: /Mood and craving/ });
          assert.equal(await line.count(), 1, `${pathname} has one image named "Mood and craving…"`);
          assert.ok(await line.isVisible(), `the mood and craving chart is visible on ${pathname}`);
          assert.equal(await line.evaluate((el) => el.tagName.toLowerCase()), 'svg');
          const lineName = await line.evaluate((svg) =>
            svg.getAttribute('aria-labelledby').split(/\s+/).map((id) => document.getElementById(id)?.textContent.trim()).join(' '),
          );
          assert.match(lineName, new RegExp(`^Mood and craving over the last ${days} days`));
          assert.match(lineName, new RegExp(`1 check-in in the last ${days} days\\. Mood: average 3 of 5`), 'the name says the numbers in words');
          const box = await line.boundingBox();
          assert.ok(box && box.width > 200 && box.x + box.width <= PHONE.width, `the line chart fits the screen (${JSON.stringify(box)})`);
          const calendar = page.getByRole('img', { name: new RegExp(`^Check-ins over the last ${days} days`) });
          assert.equal(await calendar.count(), 1, `${pathname} has the calendar of check-ins, named`);
          assert.ok(await calendar.isVisible());

          // "Show the numbers", reached with Tab and opened with Enter; the
          // calendar's with Space.
          const numbers = page.locator('details.chart-numbers');
          assert.equal(await numbers.count(), 2, 'each chart has its "Show the numbers"');
          for (const details of await numbers.all()) {
            assert.equal(await details.getAttribute('open'), null, 'the numbers start hidden');
          }
          await tabToSummary(`the mood chart's "Show the numbers" on ${pathname}`);
          await page.keyboard.press('Enter');
          assert.notEqual(await numbers.nth(0).getAttribute('open'), null, 'Enter opens the mood chart\'s numbers');
          const moodTable = page.getByRole('table', {
            name: days === 365 ? /^Average mood and craving each week/ : /^Mood and craving on each day you checked in/,
          });
          assert.ok(await moodTable.isVisible(), 'the table of moods and cravings shows');
          assert.deepEqual(
            await moodTable.locator('thead th').allInnerTexts(),
            [days === 365 ? 'Week starting' : 'Day', 'Mood (1 to 5)', 'Craving (0 to 10)'],
          );
          const rows = await moodTable.locator('tbody tr').allInnerTexts();
          assert.equal(rows.length, 1, `one check-in, one row (${rows.join(' | ')})`);
          assert.match(rows[0], /\b3\s+7$/, 'the row has the mood and craving sent');

          await tabToSummary(`the calendar's "Show the numbers" on ${pathname}`);
          await page.keyboard.press('Space');
          assert.notEqual(await numbers.nth(1).getAttribute('open'), null, 'Space opens the calendar\'s numbers');
          const weeks = page.getByRole('table', { name: 'Check-ins each week' });
          assert.ok(await weeks.isVisible(), 'the table of weeks shows');
          assert.ok((await weeks.locator('tbody tr').count()) >= Math.floor(days / 7), 'a row for each week');

          // The list of check-ins under the charts.
          assert.match(await page.locator('.check-in-list').innerText(), /Craving 7 of 10\. Did not use\./);

          const file = path.join(tmpdir(), `hearth-recovery-charts-${days}-360-${backend.name.toLowerCase()}.png`);
          await page.screenshot({ path: file, fullPage: true });
          t.diagnostic(`screenshot: ${file}`);
          await pages.check(page, `${pathname} with both tables of numbers open`);
        }
        pages.assertClean();
      }));

    it('keeps a journal entry in Markdown, changes it and deletes it', { timeout: 2 * STEP_TIMEOUT }, (t) =>
      onPhone(async (page) => {
        const pages = checker(t, backend.name);
        await register(page, base, uniqueHandle('journal'));
        await page.goto(`${base}/recovery`);
        await page.getByRole('link', { name: 'My journal', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/recovery/journal');
        assert.equal((await page.locator('h1').innerText()).trim(), 'My journal');
        assert.match(await page.locator('main').innerText(), /Nothing written yet\./);
        await pages.check(page, '/recovery/journal, no entries yet');

        // An empty entry is refused, beside the box.
        const refused = await submit(page, page.getByRole('button', { name: 'Keep this entry', exact: true }), '/recovery/journal');
        assert.equal(refused.status(), 422, 'an empty entry is refused with 422');
        assert.equal((await page.locator('#body-error').innerText()).trim(), 'Write a few words first.');
        assert.deepEqual(await looseFieldErrors(page), [], 'the error is tied to the box');
        await pages.check(page, '/recovery/journal after keeping an empty entry');

        const first = 'Today was *hard*, but I made it to the meeting.\n\n- called Sam\n- **no drink**';
        await page.getByLabel("Today's entry", { exact: true }).fill(first);
        const kept = await submit(page, page.getByRole('button', { name: 'Keep this entry', exact: true }), '/recovery/journal');
        assertRedirected(kept, 'keeping an entry');
        const match = pathOf(page).match(/^\/recovery\/journal\/(\d+)$/);
        assert.ok(match, `keeping an entry lands on its page, not ${pathOf(page)}`);
        const entryPath = match[0];
        assert.match((await page.locator('h1').innerText()).trim(), /^Written /);
        assert.equal((await page.locator('main [role="status"]').innerText()).trim(), 'Kept. Only you can read it.');
        const body = page.locator('article.journal-entry .body');
        assert.equal((await body.locator('em').innerText()).trim(), 'hard', '*hard* is shown as emphasis');
        assert.equal((await body.locator('strong').innerText()).trim(), 'no drink', '**no drink** is shown in bold');
        assert.equal(await body.locator('li').count(), 2, 'the list is a list');
        assert.doesNotMatch(await body.innerText(), /\*/, 'no Markdown asterisks are left in the text');
        const edit = page.locator('details').filter({ has: page.locator('summary', { hasText: 'Change this entry' }) });
        assert.equal(await edit.getAttribute('open'), null, '"Change this entry" starts closed');
        await pages.check(page, '/recovery/journal/ID just kept');

        // The list names it.
        await page.goto(`${base}/recovery/journal`);
        const listed = page.locator(`.journal-list a[href="${entryPath}"]`);
        assert.equal(await listed.count(), 1, 'the journal lists the entry');
        await pages.check(page, '/recovery/journal with one entry');
        await listed.click();
        await page.waitForURL((url) => url.pathname === entryPath);
        assert.equal(await page.locator('main [role="status"]').count(), 0, 'reading it again says nothing about keeping it');

        // "Change this entry": opened from its summary, the box holds the
        // Markdown as written.
        await edit.locator('summary').click();
        assert.notEqual(await edit.getAttribute('open'), null, 'the summary opens the form');
        const box = edit.getByLabel("Today's entry", { exact: true });
        assert.ok(await box.isVisible());
        assert.equal(await box.inputValue(), first, 'the box holds the entry as it was written');
        const second = 'Today was *hard*, and then it got _better_ after the call.';
        await box.fill(second);
        const changed = await submit(page, edit.getByRole('button', { name: 'Save the changes', exact: true }), entryPath);
        assertRedirected(changed, 'changing the entry');
        assert.equal(pathOf(page), entryPath, 'changing an entry lands back on it');
        assert.deepEqual(
          (await page.locator('article.journal-entry .body em').allInnerTexts()).map((s) => s.trim()),
          ['hard', 'better'],
          'the changed entry is shown, with its emphasis',
        );
        assert.doesNotMatch(await page.locator('article.journal-entry').innerText(), /no drink/, 'the old words are gone');
        await pages.check(page, '/recovery/journal/ID after changing it');

        // Deleting it.
        const deleted = await submit(page, page.getByRole('button', { name: 'Delete this entry', exact: true }), `${entryPath}/delete`);
        assertRedirected(deleted, 'deleting the entry');
        assert.equal(pathOf(page), '/recovery/journal', 'deleting lands on the journal');
        assert.equal(await page.locator(`.journal-list a[href="${entryPath}"]`).count(), 0, 'the entry is no longer listed');
        assert.match(await page.locator('main').innerText(), /Nothing written yet\./);
        const gone = await page.goto(`${base}${entryPath}`);
        assert.equal(gone.status(), 404, 'the deleted entry is not found');
        pages.assertClean();
      }));

    it('answers crisis words in a check-in note, or in the journal, with the "You\'re not alone" panel at the top', { timeout: 2 * STEP_TIMEOUT }, (t) =>
      onPhone(async (page) => {
        const pages = checker(t, backend.name);
        await register(page, base, uniqueHandle('crisis'));
        const saved = await checkIn(page, base, { mood: 1, craving: 9, note: CRISIS_WORDS });
        assertRedirected(saved, 'saving a check-in with crisis words');
        const url = new URL(page.url());
        assert.equal(url.pathname, '/recovery/check-in');
        assert.equal(url.searchParams.get('saved'), 'crisis');
        assert.equal(url.hash, '#crisis', 'the answer points the browser at the panel');

        const panel = page.locator('section#crisis');
        assert.equal(await panel.count(), 1, 'the crisis panel is on the page');
        assert.equal(
          await page.getByRole('region', { name: "You're not alone", exact: true }).count(),
          1,
          'the panel is a region named "You\'re not alone"',
        );
        assert.equal((await panel.locator('h2').innerText()).trim(), "You're not alone");
        const calls = panel.locator('a[href^="tel:"]');
        assert.ok((await calls.count()) >= 1, 'at least one crisis line, one tap away');
        assert.ok(await calls.first().isVisible());
        assert.match(await panel.innerText(), /Your check-in is saved, and only you can see it\./);
        assert.equal(await page.locator('main [role="status"]').count(), 0, 'the panel replaces the plain "Saved"');
        // At the top: before the form, and on the screen as the page opens.
        const before = await panel.evaluate((el) => {
          const form = document.querySelector('form[action="/recovery/check-in"]');
          return Boolean(el.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        assert.ok(before, 'the panel comes before the check-in form');
        const where = await panel.evaluate((el) => {
          const rect = el.getBoundingClientRect();
          return { top: rect.top, focused: document.activeElement === el };
        });
        assert.ok(where.top >= 0 && where.top < PHONE.height / 2, `the panel is at the top of the screen (top ${where.top}px)`);
        t.diagnostic(`the crisis panel is ${where.focused ? '' : 'not '}focused after the redirect (visible at ${where.top}px)`);
        assert.equal(await page.getByLabel(/^A note for yourself/).inputValue(), CRISIS_WORDS, 'the note is saved');
        await pages.check(page, '/recovery/check-in?saved=crisis#crisis');

        // The panel answers the words just written; the page opened again
        // later, or by a link, does not raise it.
        await page.goto(`${base}/recovery/check-in`);
        assert.equal(await page.locator('#crisis').count(), 0, 'the plain page has no panel');

        // The same words in the journal.
        await page.goto(`${base}/recovery/journal`);
        await page.getByLabel("Today's entry", { exact: true }).fill(CRISIS_WORDS);
        assertRedirected(
          await submit(page, page.getByRole('button', { name: 'Keep this entry', exact: true }), '/recovery/journal'),
          'keeping a journal entry with crisis words',
        );
        assert.match(pathOf(page), /^\/recovery\/journal\/\d+$/);
        assert.equal(new URL(page.url()).hash, '#crisis');
        const journalPanel = page.locator('section#crisis');
        assert.equal((await journalPanel.locator('h2').innerText()).trim(), "You're not alone");
        assert.ok((await journalPanel.locator('a[href^="tel:"]').count()) >= 1, 'at least one crisis line');
        assert.match(await journalPanel.innerText(), /Your entry is kept, and only you can read it\./);
        const journalTop = await journalPanel.evaluate((el) => el.getBoundingClientRect().top);
        assert.ok(journalTop >= 0 && journalTop < PHONE.height / 2, `the panel is at the top of the screen (top ${journalTop}px)`);
        await pages.check(page, '/recovery/journal/ID?written=crisis#crisis');
        pages.assertClean();
      }));

    it('keeps the meeting log, goals, a milestone to celebrate and a partner\'s view accessible on a phone', { timeout: 3 * STEP_TIMEOUT }, (t) =>
      onPhone(async (page) => {
        const pages = checker(t, backend.name);
        const partner = uniqueHandle('partner');
        // The partner first, so the member can invite them; then sign out.
        await register(page, base, partner);
        await page.getByRole('button', { name: 'Sign out' }).first().click();
        await page.waitForLoadState('load');
        const member = uniqueHandle('member');
        await register(page, base, member);
        await setTimeZone(page, base, 'America/Chicago');

        // Meeting log: one meeting in the member's words, and a 90-in-90 goal.
        await page.goto(`${base}/recovery/meetings`);
        await page.getByLabel('Which meeting', { exact: false }).fill('Tuesday night speaker');
        assertRedirected(
          await submit(page, page.getByRole('button', { name: 'Add to my log', exact: true }), '/recovery/meetings'),
          'logging a meeting',
        );
        assertRedirected(
          await submit(page, page.getByRole('button', { name: 'Start the goal', exact: true }), '/recovery/meetings/goals'),
          'starting 90 in 90',
        );
        assert.match(await page.locator('main').innerText(), /Tuesday night speaker/);
        await pages.check(page, '/recovery/meetings with a meeting, a goal and the calendar');

        // Goals: one with two steps, one of them done.
        await page.goto(`${base}/recovery/goals`);
        await page.getByLabel('Your goal', { exact: true }).fill('Call my sponsor every week');
        await page.getByLabel('Steps', { exact: false }).fill('Save the number\nCall on Sunday');
        assertRedirected(
          await submit(page, page.getByRole('button', { name: 'Set the goal', exact: true }), '/recovery/goals'),
          'setting a goal',
        );
        await pages.check(page, '/recovery/goals/ID');
        await page.goto(`${base}/recovery/goals`);
        await pages.check(page, '/recovery/goals');

        // A counter 30 days old, offered to no group yet: 30 days before the
        // member's today in Chicago, which is not UTC's for six hours a day.
        const start = daysBefore(todayIn('America/Chicago'), 30);
        await page.goto(`${base}/recovery`);
        await page.getByLabel('What it counts', { exact: true }).fill('Alcohol');
        await page.getByLabel('The day you started', { exact: true }).fill(start);
        assertRedirected(
          await submit(page, page.getByRole('button', { name: 'Start the counter', exact: true }), '/recovery/counters'),
          'starting a counter',
        );
        await pages.check(page, '/recovery/counters/ID with "Celebrate with your groups"');

        // The partner: invited with notes unticked, then accepted.
        await page.goto(`${base}/recovery/partners`);
        await page.getByLabel('Their handle', { exact: true }).fill(partner);
        assertRedirected(
          await submit(page, page.getByRole('button', { name: 'Send the invitation', exact: true }), '/recovery/partners'),
          'inviting a partner',
        );
        assert.match(await page.locator('main').innerText(), /Waiting for them to accept/);
        await pages.check(page, '/recovery/partners, an invitation sent');
        await page.getByRole('button', { name: 'Sign out' }).first().click();
        await page.waitForLoadState('load');

        await page.goto(`${base}/login`);
        await page.locator('input[name="handle"]').fill(partner);
        await page.locator('input[name="password"]').fill(PASSWORD);
        await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
        await page.waitForLoadState('load');
        await page.goto(`${base}/recovery/partners`);
        await pages.check(page, '/recovery/partners, an invitation received');
        await page.getByRole('button', { name: 'Accept', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/recovery/partners' && url.search === '?done=accepted');
        await page.locator('main').getByRole('link', { name: member, exact: true }).click();
        await page.waitForLoadState('load');
        assert.match(pathOf(page), /^\/recovery\/partners\/\d+$/);
        assert.match(await page.locator('main').innerText(), /Alcohol: 30 days/);
        await pages.check(page, '/recovery/partners/ID, the partner\'s view');
        pages.assertClean();
      }));
  });
}
