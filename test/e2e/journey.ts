// The user journey in a real VS Code (code-server) with the packaged .vsix installed: command
// palette → "Crazyrouter: Verify Setup" → token → Cursor → run against sandbox gateways, one
// healthy and three broken, asserting what the panel shows; screenshots in dark and light themes.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { checkedTargets, filesContaining } from './secretScan';
import { makeFixtureHome } from '../support/fixtureHome';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { startFixture } from '../support/faultProxy';
import { launchWithProfile, openIn } from './browser';
import { REPO, startCodeServer } from './codeServer';

const SCREENSHOTS = path.join(REPO, 'test/e2e/screenshots');
const WRONG_TOKEN = 'sk-WrongWrongWrongWrongWrong0000';
const VSIX = path.join(REPO, 'crazyrouter-doctor.vsix');

export interface JourneyTimings {
  commandToChecklistMs: number;
  runToResultsMs: number;
  /** What "Developer: Show Running Extensions" says of the extension's activation. */
  activation: string;
}

/**
 * Runs a command from the palette. A freshly installed extension's commands appear only once the
 * workbench has scanned it, so the palette is reopened until the command is listed (up to 60 s).
 */
async function runCommand(page: Page, title: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = quickPickRow(page, title);
    try {
      await row.waitFor({ timeout: 2_000 });
      await row.click();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
  }
}

/** The quick-pick row whose label is exactly `label` (Enter would take whatever row is on top). */
function quickPickRow(page: Page, label: string) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
}

async function pickRow(page: Page, label: string): Promise<void> {
  await quickPickRow(page, label).click();
}

function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function fill(frame: FrameLocator, selector: string, value: string): Promise<void> {
  const input = frame.locator(`${selector} input`);
  await input.fill(value);
  await input.dispatchEvent('change');
}

/**
 * Pastes the token into the field and, like a person, leaves it there a moment before saving: long
 * enough for Chromium to write its session state, which must never hold the token.
 */
async function saveToken(frame: FrameLocator, token: string, dwellMs = 0): Promise<void> {
  await frame.locator('#token-input').fill(token);
  if (dwellMs > 0) await new Promise((r) => setTimeout(r, dwellMs));
  await frame.locator('#save-token').click();
  await frame.locator('#token-state', { hasText: `sk-…${token.slice(-4)}` }).waitFor();
}

/**
 * Presses Run and waits for this run's verdict. The banner still shows the previous run's verdict
 * until the host answers, so the wait is for a banner with a run id other than the one before.
 */
async function run(frame: FrameLocator, expected: 'pass' | 'warn' | 'fail'): Promise<number> {
  const previous = (await frame.locator('#verdict').getAttribute('data-run-id')) ?? 'none';
  const started = Date.now();
  await frame.locator('#run').click();
  await newVerdict(frame, previous, expected);
  return Date.now() - started;
}

async function newVerdict(frame: FrameLocator, previousRunId: string, expected: 'pass' | 'warn' | 'fail'): Promise<void> {
  await frame.locator(`#verdict.${expected}:not([data-run-id="${previousRunId}"])`).waitFor({ timeout: 30_000 });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

async function expectFinding(frame: FrameLocator, checkId: string, rowId: string, fix: RegExp): Promise<void> {
  const row = frame.locator(`li.check[data-check-id="${checkId}"][data-status="fail"]`);
  await row.waitFor();
  assert.match((await row.locator('.fix').textContent()) ?? '', fix, `fix shown next to ${checkId}`);
  const tableRow = frame.locator(`tr.symptom-row.matched-fail[data-row-id="${rowId}"]`);
  await tableRow.waitFor();
  assert.match((await tableRow.locator('.fix-cell').textContent()) ?? '', fix, `row ${rowId} holds the fix`);
  assert.ok(await tableRow.isVisible(), `row ${rowId} was scrolled into view`);
}

export async function runJourney(): Promise<JourneyTimings> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const healthy = await startSandbox({ scenario: 'healthy' });
  const narrow = await startSandbox({ scenario: 'model-not-allowed' });
  const echo = await startSandbox({ scenario: 'echo-token', key: healthy.key });
  const sandboxes: Sandbox[] = [healthy, narrow, echo];
  const home = makeFixtureHome();
  // A cloned repository that tries to send the token elsewhere: its settings name a trap server.
  const trap = await startFixture((_req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }), res.end('{"object":"list","data":[]}')));
  const workspaceSettings = { 'crazyrouter.baseUrl': `${trap.origin}/v1`, 'crazyrouter.healthCheck.intervalMinutes': 1 };
  const server = await startCodeServer({ vsix: VSIX, theme: 'Default Dark Modern', home, workspaceSettings });
  const profile = path.join(server.root, 'browser-profile');
  const browser = await launchWithProfile(profile);
  let page: Page | undefined;
  try {
    page = await openIn(browser, `${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.part.statusbar').waitFor();
    await page.waitForTimeout(1500);
    await page.keyboard.press('Control+B'); // hide the side bar: the panel gets the width

    await runCommand(page, 'Crazyrouter: Verify Setup');
    const commandAt = Date.now();
    const frame = panelFrame(page);
    await frame.locator('#checklist li').first().waitFor({ timeout: 30_000 });
    const commandToChecklistMs = Date.now() - commandAt;

    // Set up as a Cursor user: client, base URL, models, token.
    await frame.locator('#client-select').click();
    await frame.locator('#client-select li[role="option"]', { hasText: 'Cursor' }).click();
    await frame.locator('#url-hint', { hasText: 'Override OpenAI Base URL should be exactly https://crazyrouter.com/v1' }).waitFor();
    await fill(frame, '#base-url', healthy.baseUrl);
    await fill(frame, '#models', 'gpt-5.4, claude-sonnet-4-6');
    assert.notEqual(await frame.locator('#base-url input').inputValue(), `${trap.origin}/v1`, 'the repository’s base URL is not used');
    await saveToken(frame, healthy.key, 4_000);

    // With a token stored and the repository's settings naming the trap, 20 s pass (the status bar's
    // first check comes 10 s after start-up), then a Run: the trap receives no token, ever.
    await page.waitForTimeout(20_000);

    // 1. Healthy.
    const runToResultsMs = await run(frame, 'pass');
    assert.equal(await frame.locator('li.check[data-status="pass"]').count(), 10);
    await frame.locator('#checklist li[data-item-id="cursor.first-chat"][data-state="verified"]').waitFor();
    await frame.locator('#offered-models .chip', { hasText: 'gemini-3-pro-preview' }).waitFor();
    const statusItem = page.locator('.statusbar-item', { hasText: 'Crazyrouter' });
    await statusItem.waitFor();
    assert.match((await statusItem.getAttribute('aria-label')) ?? '', /Crazyrouter token health: healthy/);
    await shoot(page, 'healthy-dark');

    // 2. Wrong token.
    await saveToken(frame, WRONG_TOKEN);
    await run(frame, 'fail');
    await expectFinding(frame, 'auth', 'cursor.401', /generate a new token and paste the raw value again/);
    assert.equal(await frame.locator('li.check[data-status="skipped"]').count(), 6, 'everything behind auth is blocked, not repeated');
    await shoot(page, 'wrong-token-dark');

    // 3. A chosen model is not in the token's allowlist.
    await fill(frame, '#base-url', narrow.baseUrl);
    await saveToken(frame, narrow.key);
    await run(frame, 'fail');
    await expectFinding(frame, 'chat:claude-sonnet-4-6', 'cursor.403-model', /allow that model in Crazyrouter token settings/);
    await shoot(page, 'model-not-allowed-dark');

    // 4. Base URL without /v1: the website answers with HTML.
    await fill(frame, '#base-url', healthy.origin);
    await saveToken(frame, healthy.key);
    await run(frame, 'fail');
    await expectFinding(frame, 'base-url', 'cursor.404', /use exactly https:\/\/crazyrouter\.com\/v1/);
    assert.match((await frame.locator('li.check[data-check-id="base-url"] .summary').textContent()) ?? '', /HTML page with status 200/);
    assert.equal(await statusItem.getAttribute('aria-label').then((l) => /failing/.test(l ?? '')), true, 'the status bar follows the last run');
    await shoot(page, 'missing-v1-dark');

    // 4b. A hostile gateway that echoes the token back in every encoding (as model ids, in errors): the
    // chosen models work there, so the run passes, and the disk scan at the end covers the log, the
    // settings, the webview state and the browser profile.
    await fill(frame, '#base-url', echo.baseUrl);
    await saveToken(frame, echo.key);
    await run(frame, 'pass');
    await frame.locator('#offered-models .chip', { hasText: 'sk-[redacted]' }).first().click();
    assert.match(await frame.locator('#models input').inputValue(), /sk-\[redacted\]/, 'the chip added the redacted id, the only form the panel has');
    await fill(frame, '#models', 'gpt-5.4, claude-sonnet-4-6');

    // 5. What is configured on this machine (a fixture HOME): found, judged, nothing written.
    await frame.locator('#discover').click();
    const claudeConfig = frame.locator('#discovered li[data-client="Claude Code"]');
    await claudeConfig.waitFor();
    const claudeText = (await claudeConfig.textContent()) ?? '';
    assert.match(claudeText, /will call https:\/\/crazyrouter\.com\/v1\/v1\/messages\?beta=true/);
    assert.match(claudeText, /set it to https:\/\/crazyrouter\.com\./);
    assert.match(claudeText, /same token as Continue/);
    assert.match(
      (await frame.locator('#discovered li[data-client="Codex"]', { hasText: 'model_providers.old' }).textContent()) ?? '',
      /wire_api = "chat" is no longer supported/,
    );
    await claudeConfig.locator('.copy-snippet').click();
    await frame.locator('#notice', { hasText: 'Corrected snippet copied' }).waitFor();
    await frame.locator('#discovered').scrollIntoViewIfNeeded();
    await shoot(page, 'discovered-dark');

    // 6. The URL doctor for Claude Code: "/v1" typed in ANTHROPIC_BASE_URL becomes /v1/v1/messages.
    await frame.locator('#client-select').click();
    await frame.locator('#client-select li[role="option"]', { hasText: 'Claude Code' }).click();
    await fill(frame, '#base-url', healthy.baseUrl);
    await fill(frame, '#typed-url', `${healthy.origin}/v1`);
    await frame.locator('#typed-prediction', { hasText: `Claude Code will call ${healthy.origin}/v1/v1/messages?beta=true` }).waitFor();
    // The stored token (the echo gateway's) is bound to another origin: VS Code asks, naming both.
    const beforeAsk = (await frame.locator('#verdict').getAttribute('data-run-id')) ?? 'none';
    await frame.locator('#run').click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(
      (await dialog.textContent()) ?? '',
      new RegExp(`Send your Crazyrouter token to ${healthy.origin.replace(/[.:/]/g, '\\$&')}\\?.*saved for ${echo.origin.replace(/[.:/]/g, '\\$&')}`),
    );
    await dialog.locator('.monaco-button', { hasText: `Send it to ${healthy.origin}` }).click();
    await newVerdict(frame, beforeAsk, 'fail');
    const doctor = frame.locator('li.check[data-check-id="client-url"][data-status="fail"] .summary');
    assert.match((await doctor.textContent()) ?? '', new RegExp(`Type exactly ${healthy.origin.replace(/[.:/]/g, '\\$&')} in ANTHROPIC_BASE_URL`));
    await frame.locator('li.check[data-check-id="protocol:messages"][data-status="pass"]').waitFor();
    await frame.locator('li.check[data-check-id="base-url"]').scrollIntoViewIfNeeded();
    await shoot(page, 'claude-code-url-doctor-dark');
    await fill(frame, '#typed-url', '');

    // Light theme, chosen as a user would: the same panel must read well.
    await runCommand(page, 'Preferences: Color Theme');
    await page.locator('.quick-input-widget input').fill('Light Modern');
    await pickRow(page, 'Light Modern');
    await page.locator('.monaco-workbench.vs').waitFor({ timeout: 15_000 });
    await shoot(page, 'missing-v1-light');
    await fill(frame, '#base-url', healthy.baseUrl);
    await run(frame, 'pass');
    await shoot(page, 'healthy-light');

    // After a reload the serializer restores the panel, with the token still only a hint.
    await page.reload();
    await page.waitForSelector('.monaco-workbench');
    await panelFrame(page)
      .locator('#token-state', { hasText: `sk-…${healthy.key.slice(-4)}` })
      .waitFor({ timeout: 30_000 });

    // Activation time as VS Code reports it.
    await runCommand(page, 'Developer: Show Running Extensions');
    const entry = page.locator('.runtime-extensions-editor .extension', { hasText: 'Crazyrouter Doctor' }).first();
    await entry.waitFor({ timeout: 15_000 });
    const activation = ((await entry.locator('.activation-time').textContent()) ?? (await entry.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    // Secret hygiene: no token used in this journey may be in any file code-server or the browser
    // wrote (settings, webview state, logs incl. the Crazyrouter output channel, caches, Chromium's
    // session-restore files), plain, UTF-16 or base64.
    await browser.close();
    const tokens = [healthy.key, narrow.key, WRONG_TOKEN, echo.key, echo.key.slice(3)];
    const leaks = filesContaining(server.root, tokens);
    assert.deepEqual(leaks, [], 'tokens found on disk');
    assert.ok(existsSync(path.join(profile, 'Default')), 'the browser wrote its profile (the search above looked at real files)');
    assert.deepEqual(
      trap.hits.filter((h) => h.authorization),
      [],
      'the repository’s server never received the token',
    );
    // And every check the extension ran in this journey went to this machine only.
    const targets = checkedTargets(server.root);
    assert.ok(targets.length >= 5, `the log names ${targets.length} checks`);
    assert.deepEqual(
      targets.filter((t) => !/^http:\/\/127\.0\.0\.1[:/]/.test(t)),
      [],
      'a check left loopback',
    );
    return { commandToChecklistMs, runToResultsMs, activation };
  } catch (error) {
    await page?.screenshot({ path: path.join(REPO, 'out/e2e-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    await trap.close();
    await Promise.all(sandboxes.map((s) => s.close()));
    rmSync(home, { recursive: true, force: true });
  }
}
