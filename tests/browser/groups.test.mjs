// Support groups in a real browser: two people, with JavaScript off, start a
// group, find it, join it, share anonymously, reply, follow a notification,
// mark a reply as helpful and send a supportive response; the share form
// filled and sent with the keyboard alone; an axe-core audit of every group
// page (as a member and as a facilitator, with a form error, in English and
// in Spanish); and the group and thread pages on a phone-sized screen. The
// whole file runs twice: against a fresh SQLite file and against a fresh
// PostgreSQL database.
//
// Run by ./scripts/test; by hand:
//   HEARTH_BIN=target/debug/hearth HEARTH_TEST_POSTGRES_URL=postgres://... \
//     node --test tests/browser/

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
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

/** A group name nobody has used yet, e.g. "Evening circle 4821". */
function uniqueGroupName(prefix = 'Evening circle') {
  return `${prefix} ${randomInt(1000, 9999)}${randomInt(1000, 9999)}`;
}

/**
 * Starts a group through /groups/new, filling each field by its label, and
 * returns its id once the browser is on the group's page. With `here`, the
 * browser is already on a fresh /groups/new.
 */
async function startGroup(page, base, { name, description, kind = /^Open:/, tag = 'Grief', here = false }) {
  if (!here) await page.goto(`${base}/groups/new`);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('What the group is for', { exact: true }).fill(description);
  await page.getByRole('radio', { name: kind }).check();
  await page.getByRole('checkbox', { name: tag, exact: true }).check();
  const norms = page.getByLabel('Norms', { exact: true });
  assert.match(await norms.inputValue(), /stays here/, 'the norms box starts with the default norms');
  const response = await submit(
    page,
    page.getByRole('button', { name: 'Start the group', exact: true }),
    '/groups/new',
  );
  assertRedirected(response, 'starting a group');
  const match = pathOf(page).match(/^\/groups\/(\d+)$/);
  assert.ok(match, `starting a group lands on its page, not ${pathOf(page)}`);
  assert.equal((await page.locator('h1').innerText()).trim(), name);
  return Number(match[1]);
}

/** Ticks "I agree" on a group's about page and joins. */
async function join(page, base, group) {
  await page.goto(`${base}/groups/${group}/about`);
  await page.getByRole('checkbox', { name: 'I have read these norms and I agree to them.' }).check();
  const response = await submit(
    page,
    page.getByRole('button', { name: 'Join the group', exact: true }),
    `/groups/${group}/join`,
  );
  assertRedirected(response, 'joining');
  assert.equal(pathOf(page), `/groups/${group}`, 'joining lands on the group page');
}

const SHARE_KINDS = { share: 'Share', question: 'Ask the group', celebration: 'Celebration' };

/**
 * Writes a share through the group page's form and returns the new
 * thread's id once the browser is on it.
 */
async function share(page, base, group, { kind = 'share', title = '', body, anonymous = false }) {
  if (pathOf(page) !== `/groups/${group}`) await page.goto(`${base}/groups/${group}`);
  const form = page.locator('section.compose form');
  await form.getByRole('radio', { name: SHARE_KINDS[kind], exact: true }).check();
  await form.getByRole('textbox', { name: /^Title/ }).fill(title);
  await form.getByLabel('What would you like to share?', { exact: true }).fill(body);
  const hide = form.getByRole('checkbox', { name: /^Post as "a member"/ });
  if (anonymous) await hide.check();
  else await hide.uncheck();
  const response = await submit(
    page,
    form.getByRole('button', { name: 'Share', exact: true }),
    `/groups/${group}/shares`,
  );
  assertRedirected(response, 'sharing');
  const match = pathOf(page).match(new RegExp(`^/groups/${group}/threads/(\\d+)$`));
  assert.ok(match, `a share lands on its thread, not ${pathOf(page)}`);
  return Number(match[1]);
}

/** Replies on the thread page the browser is on. */
async function reply(page, group, thread, body) {
  const form = page.locator('section.compose form');
  await form.getByLabel('Your reply', { exact: true }).fill(body);
  const response = await submit(
    page,
    form.getByRole('button', { name: 'Reply', exact: true }),
    `/groups/${group}/threads/${thread}/replies`,
  );
  assertRedirected(response, 'replying');
  assert.equal(pathOf(page), `/groups/${group}/threads/${thread}`, 'a reply lands back on its thread');
}

/** The reply on the current thread page whose text includes `text`. */
function replyArticle(page, text) {
  return page.locator('article.reply').filter({ hasText: text });
}

for (const backend of backends) {
  describe(`support groups on ${backend.name}`, { timeout: 15 * STEP_TIMEOUT }, () => {
    const { withPages } = serverForSuite(backend);
    let base;

    // Each test gets fresh contexts, one per person.
    const inContexts = (options, count, fn) =>
      withPages(options, count, (run) => {
        base = run.base;
        return fn(...run.pages);
      });
    const noScript = (count, fn) => inContexts({ javaScriptEnabled: false }, count, fn);

    it('lets two people start a group, join it, share anonymously and support each other without JavaScript', { timeout: 3 * STEP_TIMEOUT }, () =>
      noScript(2, async (a, b) => {
        const handleA = uniqueHandle('host');
        const handleB = uniqueHandle('joiner');
        const name = uniqueGroupName();

        // Person A registers and starts an open group from the directory.
        await register(a, base, handleA);
        await a.goto(`${base}/groups`);
        await a.getByRole('link', { name: 'Start a group', exact: true }).click();
        await a.waitForURL((url) => url.pathname === '/groups/new');
        const group = await startGroup(a, base, {
          name,
          description: 'An evening group for people grieving a parent. Come as you are.',
          here: true,
        });
        assert.equal(
          await a.getByRole('link', { name: 'Facilitate', exact: true }).count(),
          1,
          'the founder sees the "Facilitate" link on the group page',
        );

        // Person B registers and finds the group by searching for its name.
        await register(b, base, handleB);
        await b.goto(`${base}/groups`);
        const search = b.getByRole('search');
        await search.getByLabel('Words in the name or description', { exact: true }).fill(name);
        await search.getByRole('button', { name: 'Search', exact: true }).click();
        await b.waitForURL((url) => url.pathname === '/groups' && url.searchParams.get('q') === name);
        const found = b.locator('.group-card').filter({ hasText: name });
        assert.equal(await found.count(), 1, `searching for "${name}" lists the group once`);
        assert.match(await found.innerText(), /1 member/, 'the listing counts the founder');
        await found.getByRole('link', { name, exact: true }).click();
        await b.waitForURL((url) => url.pathname === `/groups/${group}/about`);
        assert.equal((await b.locator('h1').innerText()).trim(), name);
        assert.match(await b.locator('.norms').innerText(), /No crosstalk/, 'the about page shows the norms');

        // Join without ticking "I agree": the browser itself keeps the form
        // (the box is required), so nothing is sent and the page stays.
        const agree = b.getByRole('checkbox', { name: 'I have read these norms and I agree to them.' });
        const joinButton = b.getByRole('button', { name: 'Join the group', exact: true });
        let posted = false;
        const watch = (request) => {
          if (request.method() === 'POST') posted = true;
        };
        b.on('request', watch);
        await joinButton.click();
        await b.waitForTimeout(300);
        b.off('request', watch);
        assert.equal(posted, false, 'an unticked "I agree" box stops the form before it is sent');
        assert.equal(pathOf(b), `/groups/${group}/about`, 'the browser stays on the about page');
        assert.equal(await b.locator('input[name="agree"]:invalid').count(), 1, 'the unticked box is marked invalid');
        assert.notEqual(
          await agree.evaluate((box) => box.validationMessage),
          '',
          'the browser has a message to show beside the box',
        );

        // A browser that does not check `required` (old, or with form checks
        // turned off) sends the form: the server answers with its own alert.
        await b.locator(`form[action="/groups/${group}/join"]`).evaluate((form) => {
          form.noValidate = true;
        });
        const refused = await submit(b, joinButton, `/groups/${group}/join`);
        assert.equal(refused.status(), 422, 'joining without agreeing is answered with 422');
        assert.equal(pathOf(b), `/groups/${group}/join`, 'the answer is the about page again');
        const alert = b.locator('main [role="alert"]');
        assert.equal(await alert.count(), 1, 'the page has one alert');
        assert.ok(await alert.isVisible(), 'the alert is visible');
        assert.match(await alert.innerText(), /tick the box/, 'the alert says to tick the box');
        assert.equal(
          await b.getByRole('link', { name: 'Go to the group', exact: true }).count(),
          0,
          'B is not a member yet',
        );

        // Ticks the box and joins.
        await agree.check();
        const joined = await submit(b, joinButton, `/groups/${group}/join`);
        assertRedirected(joined, 'joining after agreeing');
        assert.equal(pathOf(b), `/groups/${group}`, 'joining lands on the group page');
        assert.equal((await b.locator('h1').innerText()).trim(), name);

        // B asks the group a question, anonymously.
        const title = 'How do you get through the anniversary?';
        const question = await share(b, base, group, {
          kind: 'question',
          title,
          body: 'It is a year on Sunday. How did you get through the first anniversary?',
          anonymous: true,
        });
        assert.equal((await b.locator('h1').innerText()).trim(), title);
        assert.match(
          await b.locator('article.share .meta').innerText(),
          /Ask the group · You \(shown to others as "a member"\)/,
          'the author sees their own anonymous question as theirs',
        );

        // A sees it on the group page, marked new, by "A member".
        await a.goto(`${base}/groups/${group}`);
        const row = a.locator('.thread-list > li').filter({ hasText: title });
        assert.equal(await row.count(), 1, 'the question is listed on the group page');
        assert.match(await row.getAttribute('class'), /\bunread\b/, 'the question is marked unread');
        assert.equal(await row.locator('.badge', { hasText: 'New' }).count(), 1, 'the question has a "New" badge');
        const rowMeta = await row.locator('.meta').innerText();
        assert.match(rowMeta, /A member/, 'the list shows the question as by "A member"');
        assert.ok(!rowMeta.includes(handleB), 'the list does not name the anonymous author');

        await row.getByRole('link', { name: title, exact: true }).click();
        await a.waitForURL((url) => url.pathname === `/groups/${group}/threads/${question}`);
        assert.match(await a.locator('article.share .meta').innerText(), /Ask the group · A member/);
        assert.ok(
          !(await a.content()).includes(handleB),
          "the thread page does not carry the anonymous author's handle anywhere",
        );
        assert.equal(
          await a.getByRole('button', { name: 'This helped me', exact: true }).count(),
          0,
          'only the one who asked may mark a reply as helpful',
        );

        // A replies.
        const answer = 'The first one was hard. I spent it with people who knew her, and told stories.';
        await reply(a, group, question, answer);
        const answerArticle = replyArticle(a, answer);
        assert.equal(await answerArticle.count(), 1, "A's reply is on the thread");
        assert.match(await answerArticle.locator('.meta').first().innerText(), new RegExp(handleA));

        // B sees the notification and follows it to the thread.
        await b.goto(`${base}/notifications`);
        const notice = b.locator('.notification-list > li.unread').filter({ hasText: 'replied to your share' });
        assert.equal(await notice.count(), 1, 'B has one unread "replied to your share" notification');
        const noticeLink = notice.getByRole('link');
        assert.equal(
          (await noticeLink.innerText()).trim(),
          `${handleA} replied to your share in ${name}.`,
        );
        await noticeLink.click();
        await b.waitForURL((url) => url.pathname === `/groups/${group}/threads/${question}`);
        assert.match(new URL(b.url()).hash, /^#post-\d+$/, 'the link points at the reply itself');

        // B marks A's reply "This helped me".
        const forB = replyArticle(b, answer);
        assert.equal(await forB.count(), 1, "B sees A's reply");
        const helped = await submit(
          b,
          forB.getByRole('button', { name: 'This helped me', exact: true }),
          await forB.locator('form[action$="/helpful"]').getAttribute('action'),
        );
        assertRedirected(helped, 'marking a reply as helpful');
        const marked = replyArticle(b, answer);
        assert.match(await marked.getAttribute('class'), /\bhelpful\b/, 'the reply is marked helpful');
        assert.match(await marked.innerText(), /This helped the person who asked/);
        assert.equal(
          await marked.getByRole('button', { name: 'Unmark as helpful', exact: true }).count(),
          1,
          'the asker can take the mark back',
        );

        // A sees the mark, and sends strength to the question.
        await a.goto(`${base}/groups/${group}/threads/${question}`);
        assert.match(await replyArticle(a, answer).innerText(), /This helped the person who asked/);
        const questionArticle = a.locator('article.share');
        assert.equal(await questionArticle.locator('.supports').count(), 0, 'no response has been given yet');
        const strength = await submit(
          a,
          questionArticle.getByRole('button', { name: 'Sending strength', exact: true }),
          `/groups/${group}/posts/${question}/support`,
        );
        assertRedirected(strength, 'sending strength');
        const given = a.locator('article.share .supports .support.mine');
        assert.equal(await given.count(), 1, "A's response shows on the question, as A's");
        assert.equal((await given.innerText()).trim(), 'Sending strength');
        // The buttons are toggles, and say so to a screen reader.
        assert.equal(
          await questionArticle.getByRole('button', { name: 'Sending strength', exact: true, pressed: true }).count(),
          1,
          'the "Sending strength" button is pressed for A',
        );
        assert.equal(
          await questionArticle.getByRole('button', { name: 'Me too', exact: true, pressed: false }).count(),
          1,
          'the other responses are not pressed',
        );

        // And B sees it too, as someone else's.
        await b.goto(`${base}/groups/${group}/threads/${question}`);
        const seen = b.locator('article.share .supports .support');
        assert.equal(await seen.count(), 1, 'B sees the response on the question');
        assert.equal((await seen.innerText()).trim(), 'Sending strength');
        assert.doesNotMatch(await seen.getAttribute('class'), /\bmine\b/, "it is not marked as B's own");
        assert.equal(
          await b
            .locator('article.share')
            .getByRole('button', { name: 'Sending strength', exact: true, pressed: false })
            .count(),
          1,
          'the "Sending strength" button is not pressed for B, who has not given it',
        );
      }));

    it('lets a keyboard user fill in and send the share form', { timeout: 2 * STEP_TIMEOUT }, () =>
      noScript(1, async (page) => {
        await register(page, base, uniqueHandle('keys'));
        const group = await startGroup(page, base, {
          name: uniqueGroupName('Keyboard circle'),
          description: 'For the keyboard test.',
        });
        await page.goto(`${base}/groups/${group}`);

        const focused = page.locator(':focus');
        const describeFocus = async () =>
          (await focused.count()) === 0
            ? '(nothing)'
            : focused.evaluate((el) => el.outerHTML.slice(0, 160));

        // The skip link comes first and leads to the main content.
        await page.keyboard.press('Tab');
        assert.equal(
          (await focused.innerText()).trim(),
          'Skip to main content',
          'the first Tab reaches the skip link',
        );
        await page.keyboard.press('Enter');

        // Tab through the group's own links to the kind of post: a radio
        // group, reached once, on the chosen kind ("Share").
        const tabTo = async (selector, label, most = 15) => {
          for (let i = 0; i < most; i += 1) {
            await page.keyboard.press('Tab');
            if (await focused.evaluate((el, s) => el.matches(s), selector)) return;
          }
          assert.fail(`${most} presses of Tab from the skip link did not reach ${label}; focus is on ${await describeFocus()}`);
        };
        await tabTo('input[type="radio"][name="kind"]', 'the kind of post');
        assert.equal(await focused.getAttribute('value'), 'share', 'Tab lands on the chosen kind, "Share"');
        // Arrow keys move the choice within the group; Space keeps it.
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Space');
        assert.equal(await focused.getAttribute('value'), 'question');
        assert.ok(await page.getByRole('radio', { name: 'Ask the group', exact: true }).isChecked());

        // The next stops are, in order: the title, the text, the "post
        // anonymously" box and the Share button.
        await page.keyboard.press('Tab');
        assert.equal(await focused.getAttribute('name'), 'title', `after the kinds, Tab reaches the title, not ${await describeFocus()}`);
        await page.keyboard.type('Typed without a mouse');
        await page.keyboard.press('Tab');
        assert.equal(await focused.getAttribute('name'), 'body', `after the title, Tab reaches the text, not ${await describeFocus()}`);
        await page.keyboard.type('Every step of this was a key press.');
        await page.keyboard.press('Tab');
        assert.equal(await focused.getAttribute('name'), 'anonymous', `after the text, Tab reaches "post anonymously", not ${await describeFocus()}`);
        await page.keyboard.press('Space');
        assert.ok(await focused.isChecked(), 'Space ticks "post anonymously"');
        await page.keyboard.press('Tab');
        assert.equal(
          (await focused.innerText()).trim(),
          'Share',
          `after the box, Tab reaches the Share button, not ${await describeFocus()}`,
        );

        const threadPath = new RegExp(`^/groups/${group}/threads/\\d+$`);
        const [response] = await Promise.all([
          page.waitForResponse(
            (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/groups/${group}/shares`,
          ),
          page.waitForURL((url) => threadPath.test(url.pathname)),
          page.keyboard.press('Enter'),
        ]);
        assertRedirected(response, 'sharing with the keyboard');
        assert.equal((await page.locator('h1').innerText()).trim(), 'Typed without a mouse');
        assert.match(await page.locator('article.share .body').innerText(), /Every step of this was a key press\./);
        assert.match(
          await page.locator('article.share .meta').innerText(),
          /Ask the group · You \(shown to others as "a member"\)/,
          'the kind and "anonymously" chosen by keyboard were sent',
        );
      }));

    it('has no serious or critical accessibility problems on the group pages (axe-core)', { timeout: 5 * STEP_TIMEOUT }, (t) =>
      inContexts({ javaScriptEnabled: true, bypassCSP: true }, 2, async (host, member) => {
        const findings = [];
        const audit = async (page, label) => {
          const violations = await axeViolations(page);
          const blocking = violations.filter((v) => BLOCKING_IMPACTS.has(v.impact));
          const minor = violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact));
          if (minor.length) t.diagnostic(formatViolations(`${label} (minor/moderate, not failing)`, minor));
          if (blocking.length) findings.push(formatViolations(label, blocking));
        };
        const visit = async (page, who, pathname, status = 200) => {
          const response = await page.goto(`${base}${pathname}`);
          assert.equal(response.status(), status, `GET ${pathname} as ${who} answers ${status}`);
          await audit(page, `${pathname} as ${who}${language}`);
        };
        let language = '';
        const tiedErrors = async (page, label) => {
          const loose = await looseFieldErrors(page);
          if (loose.length) findings.push(`${label}${language}: field errors not tied to their fields:\n  ${loose.join('\n  ')}`);
        };

        // The host: starting a group, with a problem first.
        await register(host, base, uniqueHandle('host'));
        await host.goto(`${base}/groups/new`);
        await audit(host, '/groups/new');
        await host.getByLabel('Name', { exact: true }).fill('ab');
        await host.getByLabel('Language (a code such as en or es)', { exact: true }).fill('x1');
        await host.getByLabel('Norms', { exact: true }).fill('Be kind.');
        const rejected = await submit(
          host,
          host.getByRole('button', { name: 'Start the group', exact: true }),
          '/groups/new',
        );
        assert.equal(rejected.status(), 422, 'a two-letter name is refused with 422');
        for (const field of ['name', 'language', 'norms']) {
          assert.equal(await host.locator(`#${field}-error`).count(), 1, `the ${field} has an error beside it`);
        }
        await audit(host, '/groups/new with a short name, a wrong language and short norms');
        await tiedErrors(host, '/groups/new with a short name, a wrong language and short norms');
        const name = uniqueGroupName('Audit circle');
        const group = await startGroup(host, base, { name, description: 'For the accessibility audit.' });
        await audit(host, '/groups/ID as the founder, no threads yet');
        const hostShare = await share(host, base, group, {
          title: 'A good week',
          body: 'Ninety days today. *Thank you* all.\n\n> One day at a time.',
        });

        // The member: the directory, the about page, joining, a question.
        const memberHandle = uniqueHandle('member');
        await register(member, base, memberHandle);
        await visit(member, 'someone signed in', `/groups?q=${encodeURIComponent(name)}`);
        await visit(member, 'someone not yet in it', `/groups/${group}/about`);
        // The about page with the server's "tick the box" alert (the form
        // sent as a browser that does not check `required` would).
        await member.locator(`form[action="/groups/${group}/join"]`).evaluate((form) => {
          form.noValidate = true;
        });
        const unagreed = await submit(
          member,
          member.getByRole('button', { name: 'Join the group', exact: true }),
          `/groups/${group}/join`,
        );
        assert.equal(unagreed.status(), 422, 'joining without agreeing is answered with 422');
        assert.equal(await member.locator('main [role="alert"]').count(), 1, 'the about page shows an alert');
        await audit(member, '/groups/ID/about after joining without ticking "I agree"');
        await join(member, base, group);
        const question = await share(member, base, group, {
          kind: 'question',
          title: 'Mornings',
          body: 'What helps you in the first hour of the day?',
          anonymous: true,
        });
        await member.goto(`${base}/groups/${group}/threads/${hostShare}`);
        await reply(member, group, hostShare, 'So glad for you. Ninety days!');
        assertRedirected(
          await submit(
            member,
            member.locator('article.share').getByRole('button', { name: 'Proud of you', exact: true }),
            `/groups/${group}/posts/${hostShare}/support`,
          ),
          'responding "Proud of you"',
        );
        assert.equal(
          await member
            .locator('article.share')
            .getByRole('button', { name: 'Proud of you', exact: true, pressed: true })
            .count(),
          1,
          'the response given shows as a pressed button',
        );

        // The host answers the question; the member marks it helpful.
        await host.goto(`${base}/groups/${group}/threads/${question}`);
        assert.equal(
          await host.getByRole('group', { name: 'Facilitator tools', exact: true }).count(),
          1,
          'the facilitator tools are a group named "Facilitator tools"',
        );
        await reply(host, group, question, 'A glass of water and a short walk, before the phone.');
        // An invitation link and an audited look-up of who wrote the
        // anonymous question, so that the manage page shows both tables.
        await host.goto(`${base}/groups/${group}/manage`);
        const invited = await submit(
          host,
          host.getByRole('button', { name: 'Make a link', exact: true }),
          `/groups/${group}/invites`,
        );
        // The link is shown once, on the page that answers the POST.
        assert.equal(invited.status(), 201, 'making an invitation link answers 201');
        await audit(host, '/groups/ID/manage with a new invitation link');
        await host.goto(`${base}/groups/${group}/posts/${question}/reveal`);
        await host.getByLabel('Why (kept in the audit log)', { exact: true }).fill('A worried message from a member.');
        const revealed = await submit(
          host,
          host.getByRole('button', { name: 'Show me who wrote it', exact: true }),
          `/groups/${group}/posts/${question}/reveal`,
        );
        assert.equal(revealed.status(), 200);
        assert.match(await host.locator('main [role="status"]').innerText(), new RegExp(memberHandle));
        await audit(host, '/groups/ID/posts/ID/reveal showing the author');
        await member.goto(`${base}/groups/${group}/threads/${question}`);
        const helpful = member.locator('article.reply form[action$="/helpful"]');
        assertRedirected(
          await submit(member, helpful.getByRole('button'), await helpful.getAttribute('action')),
          'marking a reply as helpful',
        );

        // The group page showing a form error: a body of spaces gets past
        // the browser's `required` and is refused by the server.
        const showError = async (page, who) => {
          await page.goto(`${base}/groups/${group}`);
          // By id: the label is in English or Spanish.
          await page.locator('section.compose textarea#body').fill('   ');
          const response = await submit(
            page,
            page.locator('section.compose form button[type="submit"]'),
            `/groups/${group}/shares`,
          );
          assert.equal(response.status(), 422, `an empty share is refused with 422${language}`);
          assert.equal(await page.locator('#body-error').count(), 1, 'the text has an error beside it');
          await audit(page, `/groups/ID as ${who} after sending an empty share${language}`);
          await tiedErrors(page, `/groups/ID as ${who} after sending an empty share`);
        };
        const showReplyError = async (page, who, thread) => {
          await page.goto(`${base}/groups/${group}/threads/${thread}`);
          await page.locator('section.compose textarea#body').fill('   ');
          const response = await submit(
            page,
            page.locator('section.compose form button[type="submit"]'),
            `/groups/${group}/threads/${thread}/replies`,
          );
          assert.equal(response.status(), 422, `an empty reply is refused with 422${language}`);
          await audit(page, `/groups/ID/threads/ID as ${who} after sending an empty reply${language}`);
          await tiedErrors(page, `/groups/ID/threads/ID as ${who} after sending an empty reply`);
        };

        const everyPage = async () => {
          await visit(host, 'the founder', '/groups');
          await visit(host, 'the founder', '/groups/new');
          await visit(host, 'the founder', `/groups/${group}`);
          await showError(host, 'the founder');
          await visit(host, 'the founder', `/groups/${group}/about`);
          await visit(host, 'the founder', `/groups/${group}/threads/${hostShare}`);
          await visit(host, 'the founder', `/groups/${group}/threads/${question}`);
          await showReplyError(host, 'the founder', question);
          await visit(host, 'the founder', `/groups/${group}/norms`);
          await visit(host, 'the founder', `/groups/${group}/members`);
          await visit(host, 'the founder', `/groups/${group}/manage`);
          await visit(host, 'the founder', `/groups/${group}/posts/${question}/reveal`);
          await visit(host, 'the founder', '/notifications');
          assert.ok(
            (await host.locator('.notification-list > li').count()) > 0,
            'the founder has a notification to show (the reply to their share)',
          );
          await visit(member, 'a member', '/groups');
          await visit(member, 'a member', `/groups/${group}`);
          await showError(member, 'a member');
          await visit(member, 'a member', `/groups/${group}/threads/${hostShare}`);
          await visit(member, 'a member who asked', `/groups/${group}/threads/${question}`);
          await showReplyError(member, 'a member', hostShare);
          await visit(member, 'a member', `/groups/${group}/norms`);
          await visit(member, 'a member', `/groups/${group}/members`);
          await visit(member, 'a member', '/notifications');
          assert.ok(
            (await member.locator('.notification-list > li').count()) > 0,
            'the member has a notification to show (the reply to their question)',
          );
        };

        await everyPage();
        // The same pages in Spanish.
        for (const page of [host, member]) {
          await page.context().addCookies([{ name: 'hearth_lang', value: 'es', url: base }]);
        }
        language = ' (Spanish)';
        await host.goto(`${base}/groups/${group}`);
        assert.equal(await host.locator('html').getAttribute('lang'), 'es', 'the cookie switches to Spanish');
        await everyPage();

        assert.equal(
          findings.length,
          0,
          `axe-core found serious or critical accessibility violations:\n\n${findings.join('\n\n')}`,
        );
      }));

    it('fits the group, thread and manage pages on a 360px-wide phone screen', { timeout: 2 * STEP_TIMEOUT }, (t) =>
      inContexts({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } }, 2, async (host, member) => {
        await register(host, base, uniqueHandle('narrowhost'));
        const group = await startGroup(host, base, {
          name: uniqueGroupName('Narrow screen circle'),
          description: 'For people reading on a phone on the bus home.',
        });
        const thread = await share(host, base, group, {
          title: 'A long title to see how it wraps on a narrow phone screen',
          body:
            'Some days are long. A link someone gave me: ' +
            'https://example.org/a/very/long/path/that/does/not/break/easily/on/a/phone\n\n' +
            '> A quote from the meeting.\n\n- one\n- two',
        });
        await reply(host, group, thread, 'A reply of my own, to see the reply layout.');
        await register(member, base, uniqueHandle('narrowmember'));
        await join(member, base, group);
        await member.goto(`${base}/groups/${group}/threads/${thread}`);
        await reply(member, group, thread, 'Thank you for writing this. I read it on the bus too.');
        // For the manage page's tables: an invitation link, and an entry in
        // the audit log (who wrote an anonymous share).
        const secret = await share(member, base, group, { body: 'Something I only say here.', anonymous: true });
        await host.goto(`${base}/groups/${group}/manage`);
        const invited = await submit(
          host,
          host.getByRole('button', { name: 'Make a link', exact: true }),
          `/groups/${group}/invites`,
        );
        // The link is shown once, on the page that answers the POST.
        assert.equal(invited.status(), 201, 'making an invitation link answers 201');
        await host.goto(`${base}/groups/${group}/posts/${secret}/reveal`);
        await host.getByLabel('Why (kept in the audit log)', { exact: true }).fill('Checking on a member who seemed to be in danger.');
        await submit(
          host,
          host.getByRole('button', { name: 'Show me who wrote it', exact: true }),
          `/groups/${group}/posts/${secret}/reveal`,
        );

        const fits = async (page, who, pathname) => {
          const response = await page.goto(`${base}${pathname}`);
          assert.equal(response.status(), 200, `GET ${pathname} answers 200`);
          const slug = `${who}-${pathname.replace(/\W+/g, '-')}-${lang}`.replace(/\W+/g, '-');
          const file = path.join(tmpdir(), `hearth-groups-360-${backend.name.toLowerCase()}-${slug}.png`);
          await page.screenshot({ path: file, fullPage: true });
          t.diagnostic(`screenshot: ${file}`);
          const widths = await page.evaluate(() => ({
            document: document.documentElement.scrollWidth,
            body: document.body.scrollWidth,
          }));
          assert.ok(
            widths.document <= 360 && widths.body <= 360,
            `${pathname} as ${who} (${lang}) scrolls sideways at 360px: document scrollWidth ` +
              `${widths.document}, body scrollWidth ${widths.body}`,
          );
        };
        let lang = 'en';
        const everyPage = async () => {
          // The founder sees the facilitators' tools as well.
          await fits(host, 'the founder', `/groups/${group}`);
          await fits(host, 'the founder', `/groups/${group}/threads/${thread}`);
          await fits(host, 'the founder', `/groups/${group}/manage`);
          await fits(member, 'a member', `/groups/${group}`);
          await fits(member, 'a member', `/groups/${group}/threads/${thread}`);
          await fits(member, 'a member', '/notifications');
        };
        await everyPage();
        // Spanish words are longer.
        for (const page of [host, member]) {
          await page.context().addCookies([{ name: 'hearth_lang', value: 'es', url: base }]);
        }
        lang = 'es';
        await everyPage();
      }));

    it('answers crisis words with the panel at once, one key press from the facilitators, on a phone (axe-core too)', { timeout: 3 * STEP_TIMEOUT }, (t) =>
      inContexts({ javaScriptEnabled: true, bypassCSP: true, viewport: { width: 360, height: 740 } }, 2, async (host, member) => {
        const findings = [];
        const check = async (page, label) => {
          const violations = await axeViolations(page);
          const blocking = violations.filter((v) => BLOCKING_IMPACTS.has(v.impact));
          const minor = violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact));
          if (minor.length) t.diagnostic(formatViolations(`${label} (minor/moderate, not failing)`, minor));
          if (blocking.length) findings.push(formatViolations(label, blocking));
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `${label} scrolls sideways at 360px (scrollWidth ${width})`);
        };
        await register(host, base, uniqueHandle('safehost'));
        const group = await startGroup(host, base, {
          name: uniqueGroupName('Late night circle'),
          description: 'For the hours when the meetings are closed.',
        });
        await register(member, base, uniqueHandle('safemember'));
        await join(member, base, group);

        // The words are posted, and the panel is there before anything else.
        const thread = await share(member, base, group, {
          body: "I don't want to be here anymore. I have the pills ready.",
          anonymous: true,
        });
        const panel = member.locator('section#crisis');
        assert.equal((await panel.locator('h2').innerText()).trim(), "You're not alone");
        assert.ok((await panel.locator('a[href^="tel:"]').count()) >= 3, 'several crisis lines, one tap each');
        assert.match(await member.locator('article.share .body').innerText(), /I have the pills ready/);
        await check(member, 'the crisis panel');

        // "Tell my facilitators": reached and pressed with the keyboard.
        const tell = member.getByRole('button', { name: 'Tell my facilitators I need support', exact: true });
        await tell.focus();
        const [told] = await Promise.all([
          member.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/ask-for-support')),
          member.keyboard.press('Enter'),
        ]);
        assertRedirected(told, 'asking for support');
        await member.waitForLoadState('load');
        assert.match(await member.locator('section#crisis').innerText(), /Your facilitators have been told/);
        assert.equal(pathOf(member), `/groups/${group}/threads/${thread}`);

        // The host's queue: the priority items first, a decision needs a why.
        await host.goto(`${base}/moderation`);
        assert.ok((await host.locator('article.report.crisis').count()) >= 2, 'the detector\'s report and the ask for support');
        assert.match(await host.locator('article.report').first().innerText(), /Priority/);
        await check(host, '/moderation');
        const first = host.locator('article.report').first();
        await first.getByLabel('What to do', { exact: true }).selectOption('warn');
        const refused = await submit(host, first.getByRole('button', { name: 'Decide', exact: true }), new URL(await first.locator('form').getAttribute('action'), base).pathname);
        assert.equal(refused.status(), 422, 'a warning needs a reason');
        const loose = await looseFieldErrors(host);
        assert.deepEqual(loose, [], 'the reason\'s error is tied to its field');
        await check(host, '/moderation with an error');
        const again = host.locator('article.report').first();
        await again.getByLabel('Why (kept in the audit log)', { exact: true }).fill('Checking in: we are here for you, and here are the lines.');
        const decided = await submit(host, again.getByRole('button', { name: 'Decide', exact: true }), new URL(await again.locator('form').getAttribute('action'), base).pathname);
        assertRedirected(decided, 'deciding');
        assert.match(await host.locator('main').innerText(), /Done\. It is in the audit log\./);
        await host.goto(`${base}/moderation/audit`);
        await check(host, '/moderation/audit');

        await member.goto(`${base}/account/reports`);
        assert.match(await member.locator('main').innerText(), /we are here for you/);
        await check(member, '/account/reports');

        // Their own recovery space: a counter started from the form.
        await member.goto(`${base}/recovery`);
        await check(member, '/recovery');
        await member.getByLabel('What it counts', { exact: true }).fill('Evening wine');
        await member.getByLabel('The day you started', { exact: true }).fill('2026-01-01');
        await member.getByLabel('Milestones', { exact: true }).selectOption('na_keytags');
        const started = await submit(member, member.getByRole('button', { name: 'Start the counter', exact: true }), '/recovery/counters');
        assertRedirected(started, 'starting a counter');
        assert.match(await member.locator('main').innerText(), /orange key tag/);
        await check(member, 'a counter');

        assert.equal(
          findings.length,
          0,
          `axe-core found serious or critical accessibility violations:\n\n${findings.join('\n\n')}`,
        );
      }));
  });
}
