// package.json's contributed settings are VS Code's copy of lists that live in src/core: the
// clients, the recommended models, the model limit, the base URL and the health-check floor.
// JSON cannot import them, so this holds the two together.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'mocha';
import { CLIENT_IDS, CLIENTS, DEFAULT_CLIENT, GATEWAY_OPENAI_BASE, RECOMMENDED_MODELS } from '../../src/core/clients/clients';
import { PROFILE_LIMITS } from '../../src/core/profileLimits';
import { MIN_HEALTH_INTERVAL_MINUTES } from '../../src/extension/settingsLimits';

interface Property {
  default?: unknown;
  enum?: string[];
  enumItemLabels?: string[];
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: { const?: number; minimum?: number }[];
}
const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const setting = (name: string) => {
  const property = manifest.contributes.configuration.properties[`crazyrouter.${name}`];
  assert.ok(property, `crazyrouter.${name} is contributed`);
  return property;
};

test('the client setting offers exactly the clients src/core knows, by name, with its default', () => {
  const client = setting('client');
  assert.deepEqual(client.enum, [...CLIENT_IDS]);
  assert.deepEqual(
    client.enumItemLabels,
    CLIENT_IDS.map((id) => CLIENTS[id].name),
  );
  assert.equal(client.default, DEFAULT_CLIENT);
});

test('the models setting defaults to the recommended models, at most the profile limit', () => {
  assert.deepEqual(setting('models').default, [...RECOMMENDED_MODELS]);
  assert.equal(setting('models').maxItems, PROFILE_LIMITS.maxModels);
});

test('the base URL, health interval and timeout settings agree with what the code enforces', () => {
  assert.equal(setting('baseUrl').default, GATEWAY_OPENAI_BASE);
  assert.deepEqual(setting('healthCheck.intervalMinutes').anyOf, [{ const: 0 }, { minimum: MIN_HEALTH_INTERVAL_MINUTES }]);
  const timeout = setting('requestTimeoutSeconds');
  assert.ok((timeout.minimum ?? 0) * 1000 >= PROFILE_LIMITS.minTimeoutMs && (timeout.maximum ?? 0) * 1000 <= PROFILE_LIMITS.maxTimeoutMs);
});
