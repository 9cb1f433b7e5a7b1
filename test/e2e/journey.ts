// The user journey in a real VS Code (code-server) with the packaged .vsix installed: command
// palette → "Crazyrouter: Verify Setup" → token → Cursor → runs against sandbox gateways, one
// healthy and several broken, asserting what the panel shows (results first, by keyboard, with a
// screen reader's live regions and an axe-core audit); screenshots in dark, light and high-contrast
// themes at 1400×900 and 500 px wide.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse as parseJsonc } from 'jsonc-parser';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { makeFixtureHome, writeFixtureDatabases } from '../support/fixtureHome';
import { startFixture } from '../support/faultProxy';
import { launchWithProfile, openIn } from './browser';
import { REPO, startCodeServer } from './codeServer';
import { axeViolations, keyboardRunMs, layoutColumns, offscreen } from './panelChecks';
import { checkedTargets, filesContaining } from './secretScan';
import { editSetup, expectFinding, expectTidyPanel, fill, run, runButton, saveToken } from './panelDriver';
import { SCREENSHOTS, newVerdict, panelFrame, pickRow, runCommand, runIdOf, shoot } from './workbenchDriver';

const WRONG_TOKEN = 'sk-WrongWrongWrongWrongWrong0000';
const PASTED_CHAT_KEY = 'sk-PastedIntoChatModelsJson000000';
const CHAT_MODELS_FIXTURE = [
  '// My chat models',
  '[',
  '  { "name": "Local", "vendor": "ollama" }, // keep me',
  `  { "name": "Crazyrouter", "vendor": "customendpoint", "apiKey": "${PASTED_CHAT_KEY}",`,
  '    "models": [ { "id": "gpt-5.4", "name": "GPT-5.4", "url": "https://crazyrouter.com/v1", "vision": false, "maxOutputTokens": 16000 } ] }',
  ']',
  '',
].join('\n');
const VSIX = path.join(REPO, 'crazyrouter-doctor.vsix');
const WIDE = { width: 1400, height: 900 };
/** The activity bar takes 48 px: this leaves the panel 500 px wide. */
const NARROW = { width: 548, height: 900 };

export interface JourneyTimings {
  commandToChecklistMs: number;
  /** The first Run → all results, and the median of the three identical runs after it. */
  firstRunMs: number;
  laterRunMs: number;
  /** The same runs as the engine timed them in the host (the verdict's "… ms"): the rest is messages and rendering. */
  firstEngineMs: number;
  laterEngineMs: number;
  /** What "Developer: Show Running Extensions" says of the extension's activation. */
  activation: string;
}

async function chooseTheme(page: Page, label: string, workbenchClass: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(label);
  await pickRow(page, label);
  await page.locator(`.monaco-workbench.${workbenchClass}`).waitFor({ timeout: 15_000 });
}

/** Sends the token to `origin` after VS Code's modal asks (it names the origin). */
async function allowOrigin(page: Page, origin: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 15_000 });
  await dialog.locator('.monaco-button', { hasText: `Send it to ${origin}` }).click();
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One call of each route a full run uses (chat, streaming, tools, the log, status, prices), from the test itself. */
async function warmGateway(baseUrl: string, key: string): Promise<void> {
  const origin = new URL(baseUrl).origin;
  const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
  const chat = (body: object) =>
    fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: 'gpt-5.4', messages: [{ role: 'user', content: 'ping' }], ...body }),
    });
  const tool = { type: 'function', function: { name: 'get_current_time', parameters: { type: 'object', properties: {} } } };
  for (const answer of await Promise.all([
    chat({}),
    chat({ stream: true }),
    chat({ tools: [tool] }),
    fetch(`${origin}/api/status`),
    fetch(`${origin}/api/pricing`),
  ]))
    await answer.text();
}

/** The run's duration as the engine measured it: the verdict's last fact ("1234 ms"). */
async function engineMs(frame: FrameLocator): Promise<number> {
  const text = (await frame.locator('#verdict .facts > span').last().textContent()) ?? '';
  return Number(/(\d+)/.exec(text)?.[1] ?? Number.NaN);
}

export async function runJourney(): Promise<JourneyTimings> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const healthy = await startSandbox({ scenario: 'healthy' });
  const narrow = await startSandbox({ scenario: 'model-not-allowed' });
  const echo = await startSandbox({ scenario: 'echo-token', key: healthy.key });
  // Chat answers held 3 s: long enough to press Copy report and Cancel while a run is going.
  const slow = await startSandbox({ scenario: 'slow-headers', key: healthy.key });
  const sandboxes: Sandbox[] = [healthy, narrow, echo, slow];
  const home = makeFixtureHome();
  // A cloned repository that tries to send the token elsewhere: its settings name a trap server.
  const trap = await startFixture((_req, res) => (res.writeHead(200, { 'Content-Type': 'application/json' }), res.end('{"object":"list","data":[]}')));
  const workspaceSettings = { 'crazyrouter.baseUrl': `${trap.origin}/v1`, 'crazyrouter.healthCheck.intervalMinutes': 1 };
  const server = await startCodeServer({ vsix: VSIX, theme: 'Default Dark Modern', home, workspaceSettings });
  // The window's own profile (code-server keeps it in its user-data-dir): VS Code chat with the key
  // pasted into the file and a model missing from agent mode, beside another provider's group.
  const chatModels = path.join(server.userDataDir, 'User', 'chatLanguageModels.json');
  writeFileSync(chatModels, CHAT_MODELS_FIXTURE);
  // Cursor's and Cherry Studio's databases where the extension host looks: its $XDG_CONFIG_HOME.
  writeFixtureDatabases(path.join(server.root, 'xdg'));
  const profile = path.join(server.root, 'browser-profile');
  const browser = await launchWithProfile(profile);
  let page: Page | undefined;
  try {
    page = await openIn(browser, `${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.setViewportSize(WIDE);
    await page.locator('.part.statusbar').waitFor();
    await page.waitForTimeout(1500);
    await page.keyboard.press('Control+B'); // hide the side bar: the panel gets the width

    await runCommand(page, 'Crazyrouter: Verify Setup');
    const commandAt = Date.now();
    const frame = panelFrame(page);
    await frame.locator('#checklist li').first().waitFor({ timeout: 30_000 });
    const commandToChecklistMs = Date.now() - commandAt;

    // Before the first run the form leads; nothing offers models yet ("Also allowed" stays hidden).
    assert.equal(await frame.locator('#offered-models').isVisible(), false, '"Also allowed for this token:" is hidden with nothing after it');
    assert.equal(await frame.locator('#setup-summary').isVisible(), false);
    // Every field has an accessible name of its own (not its placeholder), inside the web components too.
    await frame.getByRole('combobox', { name: 'Client you are setting up', exact: true }).waitFor();
    await frame.getByRole('textbox', { name: 'Base URL', exact: true }).waitFor();
    await frame.getByRole('textbox', { name: 'Models to check, separated by commas', exact: true }).waitFor();
    await frame.getByLabel('Crazyrouter token', { exact: true }).waitFor();

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

    // 1. Healthy: the first run, then three more by keyboard only (Edit → Tab → Run again → Enter).
    // The test's gateway runs in this process and its routes are cold until something calls them
    // (a real gateway is warm): call each once, so the first Run's figure is the extension's alone.
    await warmGateway(healthy.baseUrl, healthy.key);
    // Started by keyboard like the later runs and timed in the webview (keyboardRunMs), so first and later runs are measured alike.
    const firstRunMs = await keyboardRunMs(page, frame, '#run', 'pass');
    const firstEngineMs = await engineMs(frame);
    assert.equal(await frame.locator('li.check[data-status="pass"]').count(), 16);
    // The gateway's own records: the log item ticked, the run's cost, and the token's recent usage as two charts, each with its table.
    await frame.locator('#checklist li[data-item-id="cursor.in-logs"][data-state="verified"]').waitFor();
    await frame.locator('#run-cost', { hasText: /^This run cost \$[\d.]+ \(\d+ requests\)/ }).waitFor();
    assert.equal(await frame.locator('#spend svg[role="img"]').count(), 2, 'two charts');
    assert.match((await frame.locator('#chart-time-title').textContent()) ?? '', /^Spend per hour, oldest first\. \d+ bars, one per hour, from .* Peak \$/);
    assert.match((await frame.locator('#chart-model-title').textContent()) ?? '', /^Spend by model, the most first: claude-sonnet-4-6 \$/);
    assert.equal(await frame.locator('#spend table caption', { hasText: 'Spend by model' }).count(), 1, 'the chart’s numbers as a table');
    await frame.locator('#spend').scrollIntoViewIfNeeded();
    await shoot(page, 'cost-usage-dark');
    await frame.locator('#verdict').scrollIntoViewIfNeeded();
    assert.equal(await frame.locator('#setup-form').isVisible(), false, 'after a result the setup folds into one line');
    assert.match((await frame.locator('#setup-summary').textContent()) ?? '', new RegExp(`Cursor · ${healthy.baseUrl.replace(/[.:/]/g, '\\$&')} · sk-…`));
    await frame
      .locator('#checklist li[data-item-id="cursor.first-chat"][data-state="verified"]', { hasText: 'verified by the doctor (a chat per model)' })
      .waitFor();
    await frame.locator('#offered-models .chip', { hasText: 'gemini-3-pro-preview' }).waitFor({ state: 'attached' });
    const statusItem = page.locator('.statusbar-item', { hasText: 'Crazyrouter' });
    await statusItem.waitFor();
    assert.match((await statusItem.getAttribute('aria-label')) ?? '', /Crazyrouter token health: healthy/);
    await expectTidyPanel(frame);
    await frame.locator('#runs-on', { hasText: /^Checked from the VS Code server .+ \(opened in a browser\)\.$/ }).waitFor({ state: 'attached' });
    const laterRuns: number[] = [];
    const laterEngine: number[] = [];
    for (let i = 0; i < 3; i++) {
      await frame.locator('#edit-setup').focus();
      await page.keyboard.press('Tab');
      assert.equal(await frame.locator('body').evaluate(() => document.activeElement?.id), 'run-again', 'Tab from Edit reaches Run again');
      laterRuns.push(await keyboardRunMs(page, frame, '#run-again', 'pass'));
      laterEngine.push(await engineMs(frame));
      await frame.locator('#verdict:focus').waitFor({ timeout: 5_000 });
    }
    assert.equal(await frame.locator('body').evaluate(() => document.activeElement?.id), 'verdict', 'after a keyboard run focus is on the verdict, not <body>');
    await shoot(page, 'healthy-dark');

    // 2. Wrong token, pasted but not saved: Run saves it, then runs.
    await editSetup(frame);
    await frame.locator('#token-input').fill(WRONG_TOKEN);
    await run(frame, 'fail');
    await frame.locator('#setup-summary', { hasText: `sk-…${WRONG_TOKEN.slice(-4)}` }).waitFor();
    assert.equal(await frame.locator('#notice').isVisible(), false, 'no "save it first"');
    await expectFinding(frame, 'auth', 'cursor.401', /generate a new token and paste the raw value again/);
    assert.equal(await frame.locator('li.check[data-status="skipped"]').count(), 12, 'everything behind auth is blocked, not repeated');
    assert.equal(await frame.locator('#spend').isVisible(), false, 'no cost or usage without a log');
    assert.match((await frame.locator('#verdict').textContent()) ?? '', /1 check failed\./);
    await expectTidyPanel(frame);
    await shoot(page, 'wrong-token-dark');

    // 2b. The status bar's own check fails too; the panel is closed; a click on the status bar
    // opens it with that result and its fix, marked as the status bar's (no token in it).
    const tab = page.locator('.tab', { hasText: 'Crazyrouter: Verify Setup' });
    await tab.hover();
    await tab.locator('.codicon-close').click();
    await tab.waitFor({ state: 'detached' });
    await runCommand(page, 'Crazyrouter: Check Token Health Now');
    await page.locator('.statusbar-item[aria-label*="Crazyrouter token health: failing"]').waitFor({ timeout: 15_000 });
    await statusItem.click();
    await frame.locator('#verdict.fail #restored-note', { hasText: "The status bar's check at" }).waitFor({ timeout: 30_000 });
    await expectFinding(frame, 'auth', 'cursor.401', /generate a new token and paste the raw value again/);
    await shoot(page, 'status-bar-result-dark');

    // 3. A chosen model is not in the token's allowlist: the result-first layout, measured.
    await fill(frame, '#base-url', narrow.baseUrl);
    await saveToken(frame, narrow.key);
    await run(frame, 'fail');
    await expectFinding(frame, 'chat:claude-sonnet-4-6', 'cursor.403-model', /allow that model in Crazyrouter token settings/);
    await expectTidyPanel(frame);
    assert.deepEqual(
      await offscreen(page, frame, '#verdict, li.check[data-status="fail"]'),
      [],
      'at 1400×900 the verdict and every failing check with its fix are in view without scrolling',
    );
    await shoot(page, 'results-first-dark-1400');
    const resultsFirst = async (theme: string) => {
      assert.deepEqual(await axeViolations(page!), [], `axe-core: no serious or critical violation (${theme}, ${page!.viewportSize()!.width} px)`);
      await shoot(page!, `results-first-${theme}-1400`);
      await page!.setViewportSize(NARROW);
      await page!.waitForTimeout(300);
      const layout = await layoutColumns(frame);
      assert.equal(layout.columns, 1, `one column at ${layout.width} px`);
      assert.ok(layout.overflow <= 0, `nothing wider than the panel at ${layout.width} px (${layout.overflow} px over)`);
      await expectTidyPanel(frame);
      await frame.locator('#verdict').scrollIntoViewIfNeeded();
      await shoot(page!, `results-first-${theme}-500`);
      await page!.setViewportSize(WIDE);
    };
    await resultsFirst('dark');

    // 4. A base URL without /v1: the website answers.
    await fill(frame, '#base-url', healthy.origin);
    await saveToken(frame, healthy.key);
    await run(frame, 'fail');
    await expectFinding(frame, 'base-url', 'cursor.404', /use exactly https:\/\/crazyrouter\.com\/v1/);
    assert.match((await frame.locator('li.check[data-check-id="base-url"] .summary').textContent()) ?? '', /HTML page with status 200/);
    assert.equal(await statusItem.getAttribute('aria-label').then((l) => /failing/.test(l ?? '')), true, 'the status bar follows the last run');
    await expectTidyPanel(frame);
    await shoot(page, 'missing-v1-dark');

    // 4b. A hostile gateway that echoes the token back in every encoding (as model ids, in errors):
    // the chosen models work there, so the run passes, and the disk scan at the end covers the log,
    // the settings, the webview state and the browser profile.
    await fill(frame, '#base-url', echo.baseUrl);
    await saveToken(frame, echo.key);
    await run(frame, 'pass');
    await editSetup(frame);
    await frame.locator('#offered-models .chip', { hasText: 'sk-[redacted]' }).first().click();
    assert.match(await frame.locator('#models input').inputValue(), /sk-\[redacted\]/, 'the chip added the redacted id, the only form the panel has');
    await fill(frame, '#models', 'gpt-5.4, claude-sonnet-4-6');

    // 4c. A slow gateway, with less motion asked for: Copy report during the run leaves the run
    // alone (Cancel stays, Run stays disabled), spinners stand still, and Cancel ends it.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await fill(frame, '#base-url', slow.baseUrl);
    const beforeSlow = await runIdOf(frame);
    await runButton(frame).click();
    await allowOrigin(page, slow.origin);
    await frame.locator('#verdict.running').waitFor();
    assert.equal(
      await frame.locator('#verdict.running .codicon-modifier-spin').evaluate((e) => getComputedStyle(e).animationName),
      'none',
      'the spinner stands still under prefers-reduced-motion',
    );
    await frame.locator('#copy-report').click();
    await frame.locator('#notice', { hasText: /Report copied|Run the checks first/ }).waitFor();
    assert.equal(await frame.locator('#cancel').isVisible(), true, 'a notice leaves Cancel in place');
    assert.equal(await frame.locator('#run-again').getAttribute('disabled'), '', 'and Run disabled while the run goes on');
    await frame.locator('#cancel').click();
    await newVerdict(frame, beforeSlow, 'cancelled');
    assert.equal(await frame.locator('li.check[data-status="running"], li.check[data-status="pending"]').count(), 0, 'after a cancel no row keeps spinning');
    await frame.locator('li.check[data-status="skipped"]', { hasText: 'Not finished: the run was cancelled.' }).first().waitFor();
    await page.emulateMedia({ reducedMotion: 'no-preference' });

    // 5. What is configured on this machine (a fixture HOME): found, judged, nothing written.
    await frame.locator('#discover').click();
    const claudeConfig = frame.locator('#discovered li[data-client="Claude Code"]');
    await claudeConfig.waitFor();
    assert.match(
      (await frame.locator('#discovered-status').textContent()) ?? '',
      / on the VS Code server .+ \(opened in a browser\)/,
      'the scan says whose files it read',
    );
    const claudeText = (await claudeConfig.textContent()) ?? '';
    assert.match(claudeText, /will call https:\/\/crazyrouter\.com\/v1\/v1\/messages\?beta=true/);
    assert.match(claudeText, /set it to https:\/\/crazyrouter\.com\./);
    assert.match(claudeText, /same token as Continue/);
    assert.match(
      (await frame.locator('#discovered li[data-client="Codex"]', { hasText: 'model_providers.old' }).textContent()) ?? '',
      /wire_api = "chat" is no longer supported/,
    );
    // VS Code's own chat, in the window's profile: the pasted key and the missing toolCalling, named.
    const chatConfig = frame.locator('#discovered li[data-client="VS Code (Copilot Chat)"]', { hasText: 'Crazyrouter · gpt-5.4' }).first();
    await chatConfig.waitFor({ state: 'attached' });
    const chatText = (await chatConfig.textContent()) ?? '';
    assert.match(chatText, /apiKey is the key itself: VS Code reads it as the name of a secret and sends an empty key/);
    assert.match(chatText, /"toolCalling" is not set: this model is not offered in agent mode/);
    assert.doesNotMatch(chatText, /PastedIntoChat/, 'the pasted key is never shown');
    // Cursor's state.vscdb and Cherry Studio's databases (real SQLite files in the fixture HOME): judged, and
    // the Cursor checklist ticked by the scan, against the gateway the settings name (a sandbox here).
    const cursorText = (await frame.locator('#discovered li[data-client="Cursor"]').textContent()) ?? '';
    assert.match(cursorText, /will call https:\/\/crazyrouter\.com\/chat\/completions/);
    assert.match(cursorText, /Token from Cursor’s encrypted secret storage/);
    assert.match(
      (await frame.locator('#discovered li[data-client="Cherry Studio"]', { hasText: 'Crazyrouter (' }).textContent()) ?? '',
      /The provider is switched off/,
    );
    assert.match(
      (await frame.locator('#discovered li[data-client="Cherry Studio"].not-read').textContent()) ?? '',
      /Not read: Cherry Studio 1\.x keeps its settings in a LevelDB store/,
    );
    const baseUrlItem = frame.locator('#checklist li[data-item-id="cursor.base-url"][data-state="failed"][data-scan="failed"]');
    await baseUrlItem.waitFor();
    assert.match(
      (await baseUrlItem.textContent()) ?? '',
      /Scan this machine: Override OpenAI Base URL is https:\/\/crazyrouter\.com, not the gateway being checked \(http:\/\/127\.0\.0\.1:\d+\)/,
    );
    await claudeConfig.locator('.copy-snippet').click();
    await frame.locator('#notice', { hasText: 'Corrected snippet copied' }).waitFor();
    await frame.locator('#discovered').scrollIntoViewIfNeeded();
    await shoot(page, 'discovered-dark');
    await frame.locator('#discovered li[data-client="Cursor"]').scrollIntoViewIfNeeded();
    await shoot(page, 'discovered-databases-dark');
    await baseUrlItem.scrollIntoViewIfNeeded();
    await shoot(page, 'checklist-scanned-dark');

    // 5b. Add Crazyrouter to VS Code chat: the change as a diff beside the panel, asked in a modal,
    // then written keeping the other group and its comment, the pasted key gone and no key written.
    await editSetup(frame);
    await frame.locator('#client-select').click();
    await frame.locator('#client-select li[role="option"]', { hasText: 'VS Code (Copilot Chat)' }).click();
    await fill(frame, '#models', 'gpt-5.4, claude-sonnet-4-6');
    const chatOrigin = new URL(await frame.locator('#base-url input').inputValue()).origin;
    await frame.locator('#add-to-chat').click();
    const proposal = page.locator('.monaco-diff-editor').first();
    await proposal.waitFor({ timeout: 15_000 });
    const addDialog = page.locator('.monaco-dialog-box');
    await addDialog.waitFor({ timeout: 15_000 });
    assert.match((await addDialog.textContent()) ?? '', /Replace the Crazyrouter group in chatLanguageModels\.json\?/);
    await shoot(page, 'vscode-chat-add-diff-dark');
    const shown = (await proposal.locator('.view-lines').allTextContents()).join(' ').replace(/\s+/g, ' ');
    assert.match(shown, /"name": "Crazyrouter"/, `the diff shows the group that will be written: ${shown.slice(0, 400)}`);
    await addDialog.locator('.monaco-button', { hasText: 'Replace the Crazyrouter group' }).click();
    await frame.locator('#notice', { hasText: 'Crazyrouter is in VS Code chat (gpt-5.4, claude-sonnet-4-6)' }).waitFor();
    await proposal.waitFor({ state: 'detached', timeout: 15_000 });
    const written = readFileSync(chatModels, 'utf8');
    assert.ok(written.startsWith('// My chat models\n[\n  { "name": "Local", "vendor": "ollama" }, // keep me'), written);
    assert.doesNotMatch(written, /sk-|apiKey/, 'the pasted key is gone and no key is written');
    const crazyrouter = (parseJsonc(written) as { name: string; models?: { id: string; toolCalling: boolean; url: string }[] }[]).find(
      (g) => g.name === 'Crazyrouter',
    );
    assert.deepEqual(
      crazyrouter?.models?.map((m) => [m.id, m.toolCalling, m.url]),
      [
        ['gpt-5.4', true, `${chatOrigin}/v1`],
        ['claude-sonnet-4-6', true, `${chatOrigin}/v1`],
      ],
    );
    await runCommand(page, 'Notifications: Clear All Notifications');

    // 6. The URL doctor for Claude Code: "/v1" typed in ANTHROPIC_BASE_URL becomes /v1/v1/messages.
    await editSetup(frame);
    await frame.locator('#client-select').click();
    await frame.locator('#client-select li[role="option"]', { hasText: 'Claude Code' }).click();
    await fill(frame, '#base-url', healthy.baseUrl);
    await fill(frame, '#typed-url', `${healthy.origin}/v1`);
    await frame.locator('#typed-prediction', { hasText: `Claude Code will call ${healthy.origin}/v1/v1/messages?beta=true` }).waitFor();
    // The stored token (the echo gateway's) is bound to another origin: VS Code asks, naming both.
    const beforeAsk = await runIdOf(frame);
    await runButton(frame).click();
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
    await expectTidyPanel(frame);
    await shoot(page, 'claude-code-url-doctor-dark');
    await fill(frame, '#typed-url', '');

    // Light and high-contrast themes, chosen as a user would: the same result-first panel must read well.
    await fill(frame, '#base-url', narrow.baseUrl);
    await saveToken(frame, narrow.key);
    await run(frame, 'fail');
    await chooseTheme(page, 'Light Modern', 'vs');
    await resultsFirst('light');
    await chooseTheme(page, 'Dark High Contrast', 'hc-black');
    await resultsFirst('high-contrast');
    await chooseTheme(page, 'Light High Contrast', 'hc-light');
    await resultsFirst('high-contrast-light');
    await chooseTheme(page, 'Light Modern', 'vs');
    await fill(frame, '#base-url', healthy.baseUrl);
    await saveToken(frame, healthy.key);
    await run(frame, 'pass');
    await shoot(page, 'healthy-light');

    // After a reload the serializer restores the panel with the last result, the token still only
    // a hint, and the client's own hint (Claude Code, not Cursor).
    await page.reload();
    await page.waitForSelector('.monaco-workbench');
    const reloaded = panelFrame(page);
    await reloaded.locator('#verdict.pass').waitFor({ timeout: 30_000 });
    await editSetup(reloaded);
    await reloaded.locator('#token-state', { hasText: `sk-…${healthy.key.slice(-4)}` }).waitFor();
    await reloaded
      .locator('#url-hint', { hasText: 'In Claude Code, ANTHROPIC_BASE_URL (in ~/.claude/settings.json "env" or the shell) should be exactly' })
      .waitFor();
    assert.match((await reloaded.locator('#typed-url-label').textContent()) ?? '', /^What you typed in Claude Code: ANTHROPIC_BASE_URL/);
    assert.equal(await reloaded.locator('#cherry-legacy').isVisible(), false, 'the Cherry Studio 1.6 option is for Cherry Studio only');

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
    return { commandToChecklistMs, firstRunMs, laterRunMs: median(laterRuns), firstEngineMs, laterEngineMs: median(laterEngine), activation };
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
