// Joining, signing out and signing in, as a person does it in a browser with
// JavaScript off; an accessibility audit of the same pages with axe-core; and
// the register page on a phone-sized screen. The whole scenario runs twice:
// against a fresh SQLite file and against a fresh PostgreSQL database.
//
// Run by ./scripts/test; by hand:
//   HEARTH_BIN=target/debug/hearth HEARTH_TEST_POSTGRES_URL=postgres://... \
//     node --test tests/browser/

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
  backends,
  pathOf,
  submit,
  serverForSuite,
} from './support.mjs';

const STEP_TIMEOUT = 120_000;

for (const backend of backends) {
  describe(`accounts on ${backend.name}`, { timeout: 10 * STEP_TIMEOUT }, () => {
    const { withPages } = serverForSuite(backend);
    let base;
    // The handle registered by the no-JavaScript journey, reused by later tests.
    let handle;

    const inContext = (options, fn) =>
      withPages(options, 1, (run) => {
        base = run.base;
        return fn(run.pages[0], run.contexts[0]);
      });
    const noScript = (fn) => inContext({ javaScriptEnabled: false }, fn);

    it('serves pages in English', { timeout: STEP_TIMEOUT }, () =>
      noScript(async (page) => {
        const response = await page.goto(`${base}/`);
        assert.equal(response.status(), 200, 'GET / answers 200');
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
        assert.match(await page.content(), /<html[^>]*\slang="en"/);
      }));

    it('lets a person join, sign out and sign in again without JavaScript', { timeout: STEP_TIMEOUT }, () =>
      noScript(async (page) => {
        const me = uniqueHandle();

        await page.goto(`${base}/`);
        const join = page.getByRole('link', { name: 'Join', exact: true }).first();
        assert.equal(await join.getAttribute('href'), '/register', 'the Join link goes to /register');
        await join.click();
        await page.waitForURL((url) => url.pathname === '/register');

        await page.locator('input[name="handle"]').fill(me);
        await page.locator('input[name="password"]').fill(PASSWORD);
        assert.equal(
          await page.locator('input[name="email"]').count(),
          1,
          'the register form has an email input (left empty: email is optional)',
        );
        await page.getByRole('button', { name: 'Create my account' }).click();
        await page.waitForURL((url) => url.pathname === '/account');
        assert.equal((await page.locator('h1').innerText()).trim(), 'Your account');
        assert.ok((await page.content()).includes(me), `the account page shows the handle ${me}`);
        handle = me;

        // The header's "Sign out" (the account page has other sign-out buttons,
        // one per session).
        const header = page.locator('header').first();
        await header.getByRole('button', { name: 'Sign out', exact: true }).click();
        await page.waitForLoadState('load');
        const signIn = header.getByRole('link', { name: 'Sign in', exact: true });
        assert.equal(await signIn.count(), 1, 'after signing out, the header shows a "Sign in" link');
        assert.ok(await signIn.isVisible(), 'the "Sign in" link is visible');
        assert.equal(
          await header.getByRole('button', { name: 'Sign out', exact: true }).count(),
          0,
          'after signing out, the header has no "Sign out" button',
        );

        await page.goto(`${base}/login`);
        await page.locator('input[name="handle"]').fill(me);
        await page.locator('input[name="password"]').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/account');
        assert.equal((await page.locator('h1').innerText()).trim(), 'Your account');
        assert.ok((await page.content()).includes(me), 'the account page shows the handle again');
      }));

    it('answers a wrong password with an error beside the form, keeping the handle', { timeout: STEP_TIMEOUT }, () =>
      noScript(async (page) => {
        // The handle registered above if that test got so far; the answer for
        // an unknown handle must look the same anyway.
        const who = handle ?? uniqueHandle();
        await page.goto(`${base}/login`);
        const plainText = await page.locator('main').innerText();
        await page.locator('input[name="handle"]').fill(who);
        await page.locator('input[name="password"]').fill('not-the-right-password-1');
        const response = await submit(
          page,
          page.getByRole('button', { name: 'Sign in', exact: true }),
          '/login',
        );
        assert.equal(response.status(), 401, 'a wrong password is answered with 401');
        assert.equal(pathOf(page), '/login', 'the browser stays on /login');

        const form = page.locator('main form:has(input[name="password"])');
        assert.equal(await form.count(), 1, 'the sign-in form is shown again');
        assert.equal(
          await form.locator('input[name="handle"]').getAttribute('value'),
          who,
          'the handle input keeps what was typed',
        );
        assert.equal(
          await form.locator('input[name="password"]').getAttribute('value'),
          null,
          'the password is not sent back',
        );

        // An error message in the page's main part, near the form: text that
        // the plain sign-in page does not have, in an element marked as an alert.
        const errorText = (await page.locator('main').innerText()).trim();
        assert.notEqual(errorText, plainText.trim(), 'the page says something went wrong');
        const alert = page.locator('main [role="alert"], main .error, main .form-error, main .errors');
        assert.ok((await alert.count()) >= 1, 'the error is in an element with role="alert" (or class "error")');
        assert.ok((await alert.first().innerText()).trim().length > 0, 'the error message has text');
        assert.ok(await alert.first().isVisible(), 'the error message is visible');
      }));

    it('switches to Spanish from the footer menu without JavaScript', { timeout: STEP_TIMEOUT }, () =>
      noScript(async (page) => {
        await page.goto(`${base}/help`);
        const footer = page.locator('footer');
        await footer.getByLabel('Language', { exact: true }).selectOption('es');
        await footer.getByRole('button', { name: 'Change language', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/help');
        assert.equal(await page.locator('html').getAttribute('lang'), 'es');
        assert.equal((await page.locator('h1').innerText()).trim(), 'Ayuda inmediata');
        assert.ok((await page.locator('main').innerText()).includes('Marca 2 para hablar en español'));
        // The choice stays: the next page is Spanish too, and so is its menu.
        await page.goto(`${base}/login`);
        assert.equal(await page.locator('html').getAttribute('lang'), 'es');
        assert.equal((await page.locator('h1').innerText()).trim(), 'Iniciar sesión');
        assert.equal(
          await footer.getByRole('button', { name: 'Cambiar idioma', exact: true }).count(),
          1,
          'the language menu speaks Spanish now',
        );
        await footer.getByLabel('Idioma', { exact: true }).selectOption('en');
        await footer.getByRole('button', { name: 'Cambiar idioma', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/login');
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      }));

    it('has no serious or critical accessibility problems (axe-core)', { timeout: 2 * STEP_TIMEOUT }, (t) =>
      inContext({ javaScriptEnabled: true, bypassCSP: true }, async (page) => {
        const findings = [];
        const audit = async (label) => {
          const violations = await axeViolations(page);
          const blocking = violations.filter((v) => BLOCKING_IMPACTS.has(v.impact));
          const minor = violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact));
          if (minor.length) t.diagnostic(formatViolations(`${label} (minor/moderate, not failing)`, minor));
          if (blocking.length) findings.push(formatViolations(label, blocking));
        };
        const visit = async (pathname) => {
          const response = await page.goto(`${base}${pathname}`);
          assert.equal(response.status(), 200, `GET ${pathname} answers 200`);
          await audit(pathname);
        };

        await visit('/');
        await visit('/register');
        await visit('/login');
        await visit('/help');
        await visit('/meetings');
        // The same pages in Spanish: longer words must not break the layout's
        // labels or contrast.
        await page.context().addCookies([{ name: 'hearth_lang', value: 'es', url: base }]);
        await visit('/');
        await visit('/help');
        await visit('/meetings');
        await page.context().clearCookies({ name: 'hearth_lang' });

        // The register page showing its errors.
        await page.goto(`${base}/register`);
        await page.locator('input[name="handle"]').fill('ab');
        await page.locator('input[name="password"]').fill('short');
        const rejected = await submit(
          page,
          page.getByRole('button', { name: 'Create my account' }),
          '/register',
        );
        assert.ok(
          [400, 422].includes(rejected.status()),
          `bad input on /register is answered with 400 or 422, not ${rejected.status()}`,
        );
        assert.equal(pathOf(page), '/register', 'bad input keeps the browser on /register');
        await audit('/register after submitting handle "ab" and password "short"');

        // A second person's account page.
        await page.goto(`${base}/register`);
        const second = uniqueHandle('audit');
        await page.locator('input[name="handle"]').fill(second);
        await page.locator('input[name="password"]').fill(PASSWORD);
        await page.getByRole('button', { name: 'Create my account' }).click();
        await page.waitForURL((url) => url.pathname === '/account');
        await audit('/account');

        assert.equal(
          findings.length,
          0,
          `axe-core found serious or critical accessibility violations:\n\n${findings.join('\n\n')}`,
        );
      }));

    it('fits the register page on a 360px-wide phone screen', { timeout: STEP_TIMEOUT }, (t) =>
      inContext({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } }, async (page) => {
        const response = await page.goto(`${base}/register`);
        assert.equal(response.status(), 200);
        const file = path.join(tmpdir(), `hearth-register-360x740-${backend.name.toLowerCase()}.png`);
        await page.screenshot({ path: file, fullPage: true });
        t.diagnostic(`screenshot: ${file}`);
        const widths = await page.evaluate(() => ({
          document: document.documentElement.scrollWidth,
          body: document.body.scrollWidth,
        }));
        assert.ok(
          widths.document <= 360,
          `the register page scrolls sideways at 360px: document scrollWidth is ${widths.document}`,
        );
        assert.ok(
          widths.body <= 360,
          `the register page scrolls sideways at 360px: body scrollWidth is ${widths.body}`,
        );
      }));
  });
}
