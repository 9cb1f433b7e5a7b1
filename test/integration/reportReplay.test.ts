import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { HostMessageSchema, type HostMessage } from '../../src/core/protocol/panelProtocol';
import { replayMessages } from '../../src/extension/panel/reportMessages';
import { runScenario } from '../support/runScenario';

// A status-bar click shows the last result as if the panel had run it: the same messages, marked restored.
suite('a kept report replayed to the panel', () => {
  for (const scenario of ['wrong-token', 'model-not-allowed', 'healthy']) {
    test(scenario, async () => {
      const { report, sandbox } = await runScenario(scenario, { client: 'cursor', models: ['gpt-5.4', 'claude-sonnet-4-6'] });
      const source = { kind: 'status-bar' as const, at: '2026-11-22T14:02:10.000Z', restored: true };
      const messages = replayMessages(report, 7, source);
      for (const message of messages) assert.ok(HostMessageSchema.safeParse(message).success, `${message.type} fits the shared schema`);
      const [started, ...rest] = messages;
      const finished = rest.pop();
      assert.ok(started?.type === 'runStarted' && started.runId === 7 && started.source.restored);
      assert.deepEqual(
        started.checks.map((c) => c.id),
        report.results.map((r) => r.id),
      );
      const checks = rest.filter((m): m is Extract<HostMessage, { type: 'checkFinished' }> => m.type === 'checkFinished');
      assert.equal(checks.length, report.results.length, 'one checkFinished per result');
      for (const finding of report.findings) {
        const shown = checks.find((c) => c.result.id === finding.checkId);
        assert.deepEqual(shown?.finding, finding, `the finding of ${finding.checkId} travels with its check`);
      }
      assert.equal(checks.filter((c) => c.finding).length, report.findings.length, 'and no check gets a finding it does not have');
      assert.ok(finished?.type === 'runFinished' && finished.verdict === report.verdict);
      assert.deepEqual(finished.counts, report.counts);
      assert.ok(!JSON.stringify(messages).includes(sandbox.key), 'no token in what the panel receives');
    });
  }
});
