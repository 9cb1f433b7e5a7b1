import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'mocha';
import { cacheDir, stateDir } from '../../src/cli/userDirs';

test('the CLI’s state and cache folders: the XDG variables first, else each platform’s own place', () => {
  const home = '/home/u';
  assert.equal(stateDir({}, 'linux', home), path.join(home, '.local', 'state', 'crazyrouter-doctor'));
  assert.equal(cacheDir({}, 'linux', home), path.join(home, '.cache', 'crazyrouter-doctor'));
  assert.equal(stateDir({}, 'darwin', home), path.join(home, 'Library', 'Application Support', 'crazyrouter-doctor'));
  assert.equal(cacheDir({}, 'darwin', home), path.join(home, 'Library', 'Caches', 'crazyrouter-doctor'));
  assert.equal(stateDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', home), path.join('C:\\L', 'crazyrouter-doctor'));
  assert.equal(cacheDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', home), path.join('C:\\L', 'crazyrouter-doctor', 'Cache'));
  assert.equal(cacheDir({}, 'win32', home), path.join(home, 'AppData', 'Local', 'crazyrouter-doctor', 'Cache'));
  const xdg = { XDG_STATE_HOME: '/x/state', XDG_CACHE_HOME: '/x/cache' };
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    assert.equal(stateDir(xdg, platform, home), path.join('/x/state', 'crazyrouter-doctor'));
    assert.equal(cacheDir(xdg, platform, home), path.join('/x/cache', 'crazyrouter-doctor'));
  }
});
