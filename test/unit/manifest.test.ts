// package.json's contributed settings are VS Code's copy of lists that live in src/core: the
// clients, the recommended models, the model limit, the base URL and the health-check floor.
// JSON cannot import them, so this holds the two together; and the rest of the manifest to what
// the ecosystem expects (engine floor, categories, palette, tool, walkthrough, links).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'mocha';
import { CONTEXT_KEYS, DOCTOR_TOOL } from '../../src/extension/manifestNames';
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
const REPO = join(__dirname, '../../..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: unknown; altText?: string };
  completionEvents: string[];
}
interface Tool {
  name: string;
  displayName: string;
  modelDescription: string;
  userDescription: string;
  canBeReferencedInPrompt?: boolean;
  toolReferenceName?: string;
  inputSchema: { type: string; properties: Record<string, { type: string; enum?: string[]; maxItems?: number }>; required: string[] };
}
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  categories: string[];
  bugs?: { url?: string };
  homepage?: string;
  repository: { url: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  capabilities?: { untrustedWorkspaces?: { supported: unknown }; virtualWorkspaces?: unknown };
  contributes: {
    configuration: { properties: Record<string, Property> };
    commands: { command: string; title: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    languageModelTools: Tool[];
    walkthroughs: { id: string; title: string; steps: Step[] }[];
  };
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

test('categories put the doctor where AI and chat extensions are found', () => {
  for (const category of ['AI', 'Chat']) assert.ok(manifest.categories.includes(category), category);
});

test('engines.vscode is the floor the APIs need, and @types/vscode is pinned to it so the compiler proves it', () => {
  // lm.registerTool and LanguageModelToolResult were finalized in VS Code 1.95 (vscode-docs
  // release-notes/v1_95.md): the newest API the extension uses. Everything else is older (secrets
  // 1.53, LogOutputChannel 1.74, InputBoxValidationSeverity 1.67, walkthroughs 1.55).
  assert.equal(manifest.engines.vscode, '^1.95.0');
  assert.equal(manifest.devDependencies['@types/vscode'], '1.95.0', 'exactly the floor: a newer API would not compile');
});

test('the palette hides commands where they cannot act', () => {
  const when = Object.fromEntries(manifest.contributes.menus.commandPalette.map((m) => [m.command, m.when]));
  assert.equal(when['crazyrouter.forgetToken'], CONTEXT_KEYS.tokenStored);
  assert.equal(when['crazyrouter.checkHealthNow'], CONTEXT_KEYS.tokenStored);
  // A desktop window on a remote keeps VS Code's chat settings on the local computer (whereThisRuns.ts userDataIsHere).
  assert.equal(when['crazyrouter.addToVsCodeChat'], '!remoteName || isWeb');
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const command of Object.keys(when)) assert.ok(commands.has(command), `${command} is contributed`);
});

test('the language-model tool takes the clients src/core knows, never a token or a base URL', () => {
  const [tool, ...others] = manifest.contributes.languageModelTools;
  assert.equal(others.length, 0);
  assert.equal(tool?.name, DOCTOR_TOOL);
  assert.match(tool.name, /^[a-z]+_[a-zA-Z]+$/, '{verb}_{noun} style, as VS Code recommends');
  assert.equal(tool.canBeReferencedInPrompt, true);
  assert.ok(tool.toolReferenceName && tool.userDescription && tool.modelDescription.length > 200);
  assert.deepEqual(tool.inputSchema.properties.client?.enum, [...CLIENT_IDS]);
  assert.deepEqual(tool.inputSchema.required, ['client']);
  assert.equal(tool.inputSchema.properties.models?.maxItems, PROFILE_LIMITS.maxModels);
  assert.deepEqual(Object.keys(tool.inputSchema.properties).toSorted(), ['client', 'models', 'typedUrl']);
});

test('the walkthrough: five steps, each completing on an event the extension raises, with themed SVG images', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.ok(walkthrough);
  assert.deepEqual(
    walkthrough.steps.map((s) => s.id),
    ['createToken', 'saveToken', 'pickClient', 'run', 'fix'],
  );
  const keys = new Set<string>(Object.values(CONTEXT_KEYS));
  const commands = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const step of walkthrough.steps) {
    assert.ok(step.completionEvents.length > 0, `${step.id} completes itself`);
    for (const event of step.completionEvents) {
      const [kind, value = ''] = event.split(/:(.*)/s);
      if (kind === 'onContext') assert.ok(keys.has(value), `${step.id}: ${value} is a key the extension sets`);
      else assert.equal(kind, 'onLink', `${step.id}: ${event}`);
    }
    for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(command!), `${step.id} links ${command}`);
    assert.ok(step.media.altText && step.media.svg, `${step.id} has an SVG and its alt text`);
    const file = join(REPO, step.media.svg);
    assert.ok(existsSync(file), step.media.svg);
    const svg = readFileSync(file, 'utf8');
    // Every colour is a theme colour (with a fallback for a theme that lacks it): the image follows the theme.
    const colours = [...svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(colours.length > 0);
    for (const colour of colours) assert.match(colour, /^(none|var\(--vscode-[\w-]+, #[0-9a-f]{3,8}\)|url\(#\w+\))$/i, `${step.media.svg}: ${colour}`);
    assert.doesNotMatch(svg, /<text|<script|<foreignObject|href="http/i, 'no text to translate, nothing active');
  }
  assert.deepEqual(
    walkthrough.steps.flatMap((s) => s.completionEvents.filter((e) => e.startsWith('onContext:')).map((e) => e.slice('onContext:'.length))).toSorted(),
    [CONTEXT_KEYS.clientChosen, CONTEXT_KEYS.hasRun, CONTEXT_KEYS.nothingFailing, CONTEXT_KEYS.tokenStored, CONTEXT_KEYS.tokenStored].toSorted(),
  );
});

test('bugs, homepage and capabilities are declared', () => {
  const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  assert.equal(manifest.bugs?.url, `${repository}/issues`);
  assert.equal(manifest.homepage, `${repository}#readme`);
  assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
  assert.equal(manifest.capabilities?.virtualWorkspaces, true);
});
