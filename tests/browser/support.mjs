// Shared helpers for the browser tests: the real `hearth` binary on a fresh
// database, a headless Chromium, and an axe-core audit.

import assert from 'node:assert/strict';
import { after } from 'node:test';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomInt } from 'node:crypto';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** The server binary: $HEARTH_BIN, else the debug build in the target folder. */
export function hearthBin() {
  const bin =
    process.env.HEARTH_BIN ||
    path.resolve(repoRoot, process.env.CARGO_TARGET_DIR || 'target', 'debug', 'hearth');
  if (!existsSync(bin)) {
    throw new Error(
      `The hearth binary is not at ${bin}. Build it (cargo build -p hearth) and set ` +
        'HEARTH_BIN to its path, or run ./scripts/test, which does both.',
    );
  }
  return bin;
}

/** A handle nobody has used yet, e.g. walker_48213907. */
export function uniqueHandle(prefix = 'walker') {
  return `${prefix}_${randomInt(10_000_000, 99_999_999)}`;
}

// --- Databases ---------------------------------------------------------------

/** A fresh SQLite database in its own temporary folder. */
export function freshSqlite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-browser-'));
  return {
    url: `sqlite://${path.join(dir, 'hearth.db')}`,
    describe: `SQLite in ${dir}`,
    drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `postgres://u@h:p/postgres?x` with `name` -> `postgres://u@h:p/name?x`. */
export function withDatabaseName(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function psql(serverUrl, sql) {
  return execFileSync('psql', [serverUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
}

/**
 * A fresh database on the PostgreSQL server named by HEARTH_TEST_POSTGRES_URL.
 * Without that variable this throws: the PostgreSQL run must fail, not be skipped.
 */
export function freshPostgres() {
  const server = process.env.HEARTH_TEST_POSTGRES_URL;
  if (!server) {
    throw new Error(
      'HEARTH_TEST_POSTGRES_URL is not set, so the PostgreSQL run of the browser tests cannot ' +
        'run. Run ./scripts/test, which starts a throw-away PostgreSQL server, or set it to a ' +
        'server where you may CREATE DATABASE (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
    );
  }
  const name = `hearth_browser_${process.pid}_${randomInt(1_000_000, 9_999_999)}`;
  try {
    psql(server, `CREATE DATABASE ${name}`);
  } catch (err) {
    throw new Error(
      `Could not create database ${name} on HEARTH_TEST_POSTGRES_URL (${server}): ` +
        `${err.stderr || err.message}`,
    );
  }
  return {
    url: withDatabaseName(server, name),
    describe: `PostgreSQL database ${name}`,
    drop() {
      try {
        psql(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // A throw-away server goes away anyway; a leftover database is harmless.
      }
    },
  };
}

// --- The server --------------------------------------------------------------

const LISTENING = /Hearth is listening on (http:\/\/127\.0\.0\.1:\d+)/;
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `hearth serve --addr 127.0.0.1:0 --database URL` and waits for it to
 * say where it listens. Returns { baseUrl, output(), stop() }.
 */
export async function startServer(databaseUrl, { timeoutMs = 60_000 } = {}) {
  const bin = hearthBin();
  const args = ['serve', '--addr', '127.0.0.1:0', '--database', databaseUrl];
  // The data key file goes beside an SQLite file; for PostgreSQL it would
  // land in the working folder, so it gets a throw-away folder of its own.
  const keyFile = databaseUrl.startsWith('postgres')
    ? { HEARTH_DATA_KEY_FILE: path.join(mkdtempSync(path.join(tmpdir(), 'hearth-key-')), 'hearth-data.key') }
    : {};
  const child = spawn(bin, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...keyFile },
  });
  running.add(child);

  let log = '';
  const append = (chunk) => {
    log += chunk;
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', append);
  child.stdout.setEncoding('utf8');

  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  const baseUrl = await new Promise((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `hearth did not print "Hearth is listening on http://127.0.0.1:PORT" within ` +
            `${timeoutMs / 1000}s.\n${describeOutput(log)}`,
        ),
      );
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      append(chunk);
      pending += chunk;
      const match = pending.match(LISTENING);
      if (match) {
        clearTimeout(timer);
        pending = '';
        resolve(match[1]);
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${bin}: ${err.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(
          `hearth exited (code ${code}, signal ${signal}) before it was listening.\n` +
            `command: ${bin} ${args.join(' ')}\n${describeOutput(log)}`,
        ),
      );
    });
  });

  return {
    baseUrl,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

function describeOutput(log, lines = 60) {
  const tail = log.trimEnd().split('\n').slice(-lines).join('\n');
  return `--- hearth's output (last ${lines} lines) ---\n${tail || '(none)'}\n--- end ---`;
}

/**
 * Runs `fn`; if it throws, adds the end of the server's output to the error so
 * a failing test shows what the server said.
 */
export async function withServerLog(server, fn) {
  try {
    return await fn();
  } catch (err) {
    if (server && err instanceof Error && !err.hearthLogAdded) {
      err.message += `\n${describeOutput(server.output())}`;
      err.hearthLogAdded = true;
    }
    throw err;
  }
}

/**
 * One server and one browser for a `describe` block, on a fresh database of
 * `backend`, stopped and dropped after it. They start with the first test
 * that asks, so that a setup failure (no binary, no PostgreSQL) fails every
 * test with its message rather than cancelling them.
 *
 * Returns `withPages(options, count, fn)`: runs `fn({ base, pages, contexts })`
 * with `count` fresh browser contexts made with `options` (one page each),
 * closed afterwards, and the server's output attached to its error if it
 * fails.
 */
export function serverForSuite(backend) {
  let setup;
  let database;
  let server;
  let browser;
  const ready = () =>
    (setup ??= (async () => {
      database = backend.fresh();
      server = await startServer(database.url);
      browser = await launchBrowser();
    })());
  after(async () => {
    await browser?.close();
    await server?.stop();
    database?.drop();
  });
  async function withPages(options, count, fn) {
    await ready();
    const contexts = [];
    try {
      const pages = [];
      for (let i = 0; i < count; i += 1) {
        const context = await browser.newContext(options);
        contexts.push(context);
        pages.push(await context.newPage());
      }
      return await withServerLog(server, () => fn({ base: server.baseUrl, pages, contexts }));
    } finally {
      for (const context of contexts) await context.close();
    }
  }
  return { withPages };
}

// --- The browser -------------------------------------------------------------

export const CHROMIUM_PATH = process.env.HEARTH_CHROMIUM || '/usr/bin/chromium';

// Playwright adds --headless itself. The rest keep Chromium, run as root on a
// machine with no network, from trying (and failing) to reach Google.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}: install Debian's chromium package ` +
        '(apt-get install chromium), or set HEARTH_CHROMIUM to its path.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

// --- Accessibility -----------------------------------------------------------

/**
 * Runs axe-core on the page (whose context must have JavaScript enabled and
 * bypassCSP set) and returns its violations, slimmed down for reporting.
 */
export async function axeViolations(page) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        html: n.html,
        summary: n.failureSummary,
      })),
    }));
  });
}

export const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** A readable report of violations, for an assertion message or a log. */
export function formatViolations(label, violations) {
  const parts = [];
  for (const v of violations) {
    parts.push(`  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}`);
    for (const n of v.nodes) {
      parts.push(`    at ${n.target.join(' ')}\n      ${n.html}`);
      if (n.summary) parts.push(`      ${n.summary.replace(/\n/g, '\n      ')}`);
    }
  }
  return `${label}:\n${parts.join('\n')}`;
}

// What the page tests share.

/** The password every test person signs in with. */
export const PASSWORD = 'kettle-on-the-hob-42';

export const backends = [
  { name: 'SQLite', fresh: freshSqlite },
  { name: 'PostgreSQL', fresh: freshPostgres },
];

/** The path of the page's current URL. */
export function pathOf(page) {
  return new URL(page.url()).pathname;
}

/** Clicks `locator` and returns the response to the form's POST to `action`. */
export async function submit(page, locator, action) {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action,
    ),
    locator.click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** Asserts that a POST was answered with a redirect (303 See Other, or 302). */
export function assertRedirected(response, what) {
  assert.ok(
    [302, 303].includes(response.status()),
    `${what}: expected a redirect, got ${response.status()} from POST ${new URL(response.url()).pathname}`,
  );
}

/** Registers `handle` through /register and waits for /account. */
export async function register(page, base, handle) {
  await page.goto(`${base}/register`);
  await page.locator('input[name="handle"]').fill(handle);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForURL((url) => url.pathname === '/account');
}

/**
 * What is wrong with the way the page's field errors are tied to their
 * fields: each `.field-error` needs an id that a control (or its fieldset)
 * names in aria-describedby, and a described input must be aria-invalid, so
 * that a screen reader reads the error with the field.
 */
export async function looseFieldErrors(page) {
  return page.evaluate(() => {
    const problems = [];
    const errors = document.querySelectorAll('main .field-error');
    for (const error of errors) {
      const text = error.textContent.trim();
      if (!error.id) {
        problems.push(`the error "${text}" has no id, so no field can point to it`);
        continue;
      }
      const owners = [...document.querySelectorAll('[aria-describedby]')].filter((el) =>
        el.getAttribute('aria-describedby').split(/\s+/).includes(error.id),
      );
      if (owners.length === 0) problems.push(`no field has aria-describedby="${error.id}" ("${text}")`);
      for (const owner of owners) {
        const control = ['INPUT', 'TEXTAREA', 'SELECT'].includes(owner.tagName);
        if (control && owner.getAttribute('aria-invalid') !== 'true') {
          problems.push(`#${owner.id} is described by #${error.id} but is not aria-invalid="true"`);
        }
      }
    }
    if (errors.length === 0) problems.push('the page shows no field error at all');
    return problems;
  });
}
