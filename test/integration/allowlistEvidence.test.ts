// Issue 9: a model missing from the token's list is "never reported as not in the allowlist when the
// token has no allowlist, and never limited to N models without evidence from /api/usage/token/".
// The sandbox, a real HTTP server, plays a token without an allowlist (model_limits_enabled: false)
// and every gateway version that has no token status route.
import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { BASELINE_MODEL } from '../../src/core/clients/clients';
import type { Report } from '../../src/core/report/report';
import type { GatewaySnapshotId } from '../../src/core/wordings/snapshots';
import { GATEWAYS } from '../../src/sandbox/gatewayVersions';
import { HEALTHY_TOKEN, SCENARIOS, type Scenario } from '../../src/sandbox/scenarios';
import { resultOf, runScenario } from '../support/runScenario';

/** A model id no gateway offers: a typo of the baseline. */
const TYPO = `${BASELINE_MODEL}-turbo`;

/** Every sentence of a report a person reads: summaries, details, and each finding's row and fix. */
const sentences = (report: Report) => [
  ...report.results.flatMap((r) => [r.summary, ...r.details]),
  ...report.findings.flatMap((f) => [f.rowSymptom ?? '', f.cause ?? '', f.fix ?? '']),
];
const ALLOWLIST_CLAIM =
  /not in the (token['’]s )?(model )?allowlist|outside the (token['’]s )?allowlist|limited to \d+ models?|allowlist has \d+|\d+ (models? )?allowed/i;

function assertNoAllowlistClaim(report: Report): void {
  const claims = sentences(report).filter((s) => ALLOWLIST_CLAIM.test(s));
  assert.deepEqual(claims, [], 'a claim about the allowlist that nothing in the run showed');
  const symptoms = report.results.map((r) => r.symptom);
  assert.ok(!symptoms.includes('models.chosen-missing') && !symptoms.includes('model.not-allowed'), symptoms.join(', '));
  assert.ok(!report.findings.some((f) => f.rowId === 'model-not-allowed'), 'no "model not allowed" row');
}

const base = SCENARIOS.find((s) => s.id === 'healthy')!;
const withoutAllowlist: Scenario = { ...base, id: 'no-allowlist', title: 'A token without a model allowlist', token: { ...HEALTHY_TOKEN, allowlist: null } };

suite('a missing model is not called an allowlist problem without evidence', () => {
  test('a token without an allowlist (model_limits_enabled: false): the model is not offered to its group', async () => {
    const { report, sandbox } = await runScenario(withoutAllowlist, { models: [BASELINE_MODEL, TYPO] });
    assert.ok(
      sandbox.state.requests.some((r) => r.path === '/api/usage/token/' && r.status === 200),
      'the token status route answered',
    );
    const models = resultOf(report, 'models');
    assert.equal(models.symptom, 'models.not-offered', models.summary);
    assert.equal(models.metrics.allowlist, false);
    assert.match(models.summary, new RegExp(`^${TYPO} is not offered to the token's group \\(the token has no allowlist`));
    assert.equal(resultOf(report, `chat:${BASELINE_MODEL}`).status, 'pass');
    assertNoAllowlistClaim(report);
  });

  const withoutRoute = (Object.keys(GATEWAYS) as GatewaySnapshotId[]).filter((g) => !GATEWAYS[g].tokenStatusRoute);
  test(`gateways without /api/usage/token/ (${withoutRoute.join(', ')}): the cause stays open, and no model count is made up`, async () => {
    assert.ok(withoutRoute.length >= 2, withoutRoute.join(', '));
    for (const gateway of withoutRoute) {
      // Whether or not the token has an allowlist, the model list alone cannot say which.
      for (const scenario of [withoutAllowlist, base]) {
        const missing = await runScenario(scenario, { models: [BASELINE_MODEL, TYPO] }, { gateway });
        const what = `${gateway}, ${scenario.title}`;
        assert.ok(
          missing.sandbox.state.requests.some((r) => r.path === '/api/usage/token/' && r.status !== 200),
          `${what}: the route was asked and is not there`,
        );
        const models = resultOf(missing.report, 'models');
        assert.equal(models.symptom, 'models.missing', `${what}: ${models.summary}`);
        assert.equal(models.metrics.allowlist, null, `${what}: the allowlist is unknown`);
        assert.equal(models.summary, `${TYPO} is not in the token's model list.`);
        assert.ok(
          models.details.some((d) => /cannot be told/.test(d)),
          `${what}: says why it cannot tell`,
        );
        const finding = missing.report.findings.find((f) => f.checkId === 'models');
        assert.match(finding?.cause ?? '', /cannot say which/, `${what}: the row leaves the cause open`);
        if (scenario === withoutAllowlist) assertNoAllowlistClaim(missing.report);
        // With an allowlist the chat's own 403 ("no access to model") is the gateway's word for it; the model list is not.
        else
          assert.deepEqual(
            [models.summary, ...models.details].filter((s) => ALLOWLIST_CLAIM.test(s)),
            [],
            what,
          );
      }

      const visible = await runScenario('healthy', { models: [BASELINE_MODEL] }, { gateway });
      const passed = resultOf(visible.report, 'models');
      assert.equal(passed.status, 'pass', `${gateway}: ${passed.summary}`);
      assert.equal(passed.summary, "All 1 chosen model is in the token's model list.");
      assertNoAllowlistClaim(visible.report);
    }
  });
});
