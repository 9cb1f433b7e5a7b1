import assert from 'node:assert/strict';
import { test } from 'mocha';
import { describeMachine } from '../../src/core/machine';

// vscode.env.remoteName values: microsoft/vscode src/vs/platform/remote/common/remoteHosts.ts getRemoteName
// (the part before `+`, or the whole authority such as `localhost:8000`), and the Remote extensions' authorities.
test('the machine the checks ran on, in words: this computer, a browser-hosted server, or the remote', () => {
  assert.equal(describeMachine('laptop'), 'this computer (laptop)');
  assert.equal(describeMachine('build-box', 'ssh-remote'), 'SSH remote build-box');
  assert.equal(describeMachine('DESKTOP-1', 'wsl'), 'WSL DESKTOP-1');
  assert.equal(describeMachine('a1b2c3', 'dev-container'), 'dev container a1b2c3');
  assert.equal(describeMachine('cs-1', 'codespaces'), 'Codespace cs-1');
  assert.equal(describeMachine('h', 'tunnel'), 'tunnel h', 'an unknown remote keeps its own name');
  assert.equal(describeMachine('srv', '127.0.0.1:8080'), 'the VS Code server srv (opened in a browser)', 'code-server: the authority itself');
  assert.equal(describeMachine('srv', 'localhost:8000'), 'the VS Code server srv (opened in a browser)');
  assert.equal(describeMachine('srv', '[::1]:443'), 'the VS Code server srv (opened in a browser)');
});
