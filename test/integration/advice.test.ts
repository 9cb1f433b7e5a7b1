// Advice never contradicts the run it comes from: a fix never recommends a model that failed in it,
// and a checklist item is never ticked when a check behind it warned or failed.
import assert from 'node:assert/strict';
import { test } from 'mocha';
import type { Report } from '../../src/core/report/report';
import { findScenario, type Faults, type Scenario } from '../../src/sandbox/scenarios';
import { runScenario } from '../support/runScenario';

const withFaults = (id: string, faults: Faults): Scenario => ({ ...findScenario('healthy')!, id, faults });
const fixOf = (report: Report, checkId: string) => report.findings.find((f) => f.checkId === checkId)?.fix ?? '';
const stateOf = (report: Report, itemId: string) => report.checklist.find((c) => c.item.id === itemId)?.state;

test('a fix names a model that passed every check, not the baseline that failed', async () => {
  const { report } = await runScenario(withFaults('baseline-down', { noChannel: ['gpt-5.4'] }));
  assert.equal(report.baseline, 'claude-sonnet-4-6');
  const fix = fixOf(report, 'chat:gpt-5.4');
  assert.match(fix, /claude-sonnet-4-6/);
  assert.doesNotMatch(fix, /gpt-5\.4/);
});

test('when no chosen model passed, the fix says so instead of naming one', async () => {
  const { report } = await runScenario(withFaults('all-down', { noChannel: ['gpt-5.4', 'claude-sonnet-4-6', 'gemini-3-pro-preview'] }));
  assert.equal(report.baseline, null);
  const fix = fixOf(report, 'chat:gpt-5.4');
  assert.match(fix, /none of the chosen models passed every check in this run/);
  assert.doesNotMatch(fix, /gpt-5\.4|claude-sonnet-4-6|gemini/);
  assert.equal(stateOf(report, 'cursor.verify-succeeds'), 'failed', '"Verify succeeds" is not ticked while every chat call fails');
  assert.equal(stateOf(report, 'cursor.first-chat'), 'failed');
});

test('a tool-calling warning leaves "MCP services work" unticked, and the tools fix names another model', async () => {
  const cherry = await runScenario('no-tool-calls', { client: 'cherry-studio' });
  assert.equal(stateOf(cherry.report, 'cherry.mcp'), 'warned');
  const cursor = await runScenario('no-tool-calls');
  const fix = fixOf(cursor.report, 'tools');
  assert.doesNotMatch(fix, /gpt-5\.4/, 'gpt-5.4 answered the tool call in text, so it is not the model to recommend for tools');
  assert.match(fix, /claude-sonnet-4-6/);
});

test('a healthy run recommends the guides’ baseline and ticks what it proved', async () => {
  const { report } = await runScenario('healthy', { client: 'cherry-studio' });
  assert.equal(report.baseline, 'gpt-5.4');
  for (const id of ['cherry.check-succeeds', 'cherry.first-chat', 'cherry.streaming', 'cherry.mcp']) assert.equal(stateOf(report, id), 'verified', id);
});
