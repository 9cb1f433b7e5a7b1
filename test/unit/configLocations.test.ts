// Where Cursor and Cherry Studio keep their databases on each platform: Electron's appData
// (`app.getPath('appData')`) + the app's folder (research-storage.md §1.2, §2).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'mocha';
import { configLocations } from '../../src/core/discovery/configLocations';

const pathsOf = (kind: string, ...args: Parameters<typeof configLocations>) =>
  configLocations(...args)
    .filter((l) => l.kind === kind)
    .map((l) => l.path);

test("Cursor's state.vscdb: ~/.config (or $XDG_CONFIG_HOME), ~/Library/Application Support, %APPDATA%", () => {
  assert.deepEqual(pathsOf('cursor-state', '/home/u', {}, [], 'linux'), ['/home/u/.config/Cursor/User/globalStorage/state.vscdb']);
  assert.deepEqual(pathsOf('cursor-state', '/home/u', { XDG_CONFIG_HOME: '/xdg' }, [], 'linux'), ['/xdg/Cursor/User/globalStorage/state.vscdb']);
  assert.deepEqual(pathsOf('cursor-state', '/Users/u', {}, [], 'darwin'), ['/Users/u/Library/Application Support/Cursor/User/globalStorage/state.vscdb']);
  assert.deepEqual(pathsOf('cursor-state', '/home/u', { APPDATA: '/roaming' }, [], 'win32'), [
    path.join('/roaming', 'Cursor', 'User', 'globalStorage', 'state.vscdb'),
  ]);
});

test('Cherry Studio 2.x: Data/ and the root of every userData folder (the env override, boot-config.json, the default); 1.x beside them', () => {
  const home = '/Users/u';
  const locations = configLocations(home, { CHERRYSTUDIO_USER_DATA_DIR: '/data/cs' }, [], 'darwin', [], ['/Volumes/x/CherryData', '/data/cs']);
  const cherry = locations.filter((l) => l.kind.startsWith('cherry-studio'));
  assert.deepEqual(
    cherry.map((l) => [l.kind, l.path]),
    ['/data/cs', '/Volumes/x/CherryData', '/Users/u/Library/Application Support/CherryStudio'].flatMap((folder) => [
      ['cherry-studio-db', `${folder}/Data/cherrystudio.sqlite`],
      ['cherry-studio-db', `${folder}/cherrystudio.sqlite`],
      ['cherry-studio-leveldb', `${folder}/Local Storage/leveldb`],
    ]),
    'each folder once, in that order',
  );
  const leveldb = cherry.find((l) => l.kind === 'cherry-studio-leveldb')!;
  assert.deepEqual(
    leveldb.unlessExists,
    ['/data/cs/Data/cherrystudio.sqlite', '/data/cs/cherrystudio.sqlite'],
    'named only where no 2.x database is beside it',
  );
  assert.ok(
    cherry.every((l) => l.path.startsWith(l.folder)),
    'no link out of its own folder is followed',
  );
});
