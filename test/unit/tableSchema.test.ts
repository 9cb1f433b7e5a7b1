// The SQLite reader's reading of CREATE TABLE statements, as sqlite_schema keeps them: the
// statements Cherry Studio 2.x (drizzle) and VS Code/Cursor really write, and the forms that
// decide which column is the rowid (https://www.sqlite.org/lang_createtable.html#rowid).
import assert from 'node:assert/strict';
import { test } from 'mocha';
import { parseTableSchema } from '../../src/core/sqlite/tableSchema';

const names = (sql: string) => parseTableSchema(sql).columns.map((c) => c.name);

test("Cherry Studio 2.x's user_provider (kangfenmao/cherry-studio@5dbff79d migrations/sqlite-drizzle): backticks, defaults, no rowid alias", () => {
  const schema = parseTableSchema(
    "CREATE TABLE `user_provider` (\n\t`provider_id` text PRIMARY KEY NOT NULL,\n\t`preset_provider_id` text,\n\t`name` text NOT NULL,\n\t`endpoint_configs` text,\n\t`default_chat_endpoint` text,\n\t`api_keys` text DEFAULT '[]',\n\t`auth_config` text,\n\t`api_features` text,\n\t`provider_settings` text,\n\t`is_enabled` integer DEFAULT false NOT NULL,\n\t`order_key` text NOT NULL,\n\t`created_at` integer NOT NULL,\n\t`updated_at` integer NOT NULL\n)",
  );
  assert.deepEqual(
    schema.columns.map((c) => c.name),
    [
      'provider_id',
      'preset_provider_id',
      'name',
      'endpoint_configs',
      'default_chat_endpoint',
      'api_keys',
      'auth_config',
      'api_features',
      'provider_settings',
      'is_enabled',
      'order_key',
      'created_at',
      'updated_at',
    ],
  );
  assert.equal(schema.rowidAlias, undefined, 'a text primary key is not the rowid');
  assert.equal(schema.columns[5]!.missing, '[]');
  assert.equal(schema.columns[9]!.missing, 0, 'DEFAULT false');
  assert.equal(schema.columns[1]!.missing, null);
});

test("VS Code's ItemTable (microsoft/vscode src/vs/base/parts/storage/node/storage.ts)", () => {
  assert.deepEqual(names('CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB)'), ['key', 'value']);
});

test('the rowid alias: exactly INTEGER and PRIMARY KEY, not DESC in the column; a one-column table PRIMARY KEY counts', () => {
  assert.equal(parseTableSchema('CREATE TABLE t (a, id integer primary key, b)').rowidAlias, 1);
  assert.equal(parseTableSchema('CREATE TABLE t (id INTEGER PRIMARY KEY ASC, b)').rowidAlias, 0);
  assert.equal(parseTableSchema('CREATE TABLE t (id INTEGER PRIMARY KEY DESC, b)').rowidAlias, undefined);
  assert.equal(parseTableSchema('CREATE TABLE t (id INT PRIMARY KEY, b)').rowidAlias, undefined, 'INT is not INTEGER');
  assert.equal(parseTableSchema('CREATE TABLE t (id INTEGER(8) PRIMARY KEY, b)').rowidAlias, undefined, 'nor is INTEGER(8)');
  assert.equal(parseTableSchema('CREATE TABLE t (b TEXT, id INTEGER, PRIMARY KEY (id DESC))').rowidAlias, 1);
  assert.equal(parseTableSchema('CREATE TABLE t (a INTEGER, b INTEGER, PRIMARY KEY (a, b))').rowidAlias, undefined);
});

test('quoting, comments, and expressions with AS or commas inside parentheses', () => {
  assert.deepEqual(
    names(
      'CREATE TABLE "t" ( -- a comment, with a comma\n "my ""col""" TEXT, [b c] /* x, y */ NUMERIC(10, 2), `d` TEXT CHECK (CAST(d AS TEXT) <> \'a,b\'), e DEFAULT (1 + 2), CONSTRAINT u UNIQUE (b, e))',
    ),
    ['my "col"', 'b c', 'd', 'e'],
  );
  const schema = parseTableSchema(
    "CREATE TABLE t (a DEFAULT -5, b DEFAULT 'it''s', c DEFAULT 2.5e3, d DEFAULT (7), e DEFAULT (1 + 2), f DEFAULT NULL, g DEFAULT TRUE)",
  );
  assert.deepEqual(
    schema.columns.map((c) => c.missing),
    [-5, "it's", 2500, 7, undefined, null, 1],
  );
});

test('what it will not misread: WITHOUT ROWID, generated columns, CREATE TABLE … AS', () => {
  assert.throws(() => parseTableSchema('CREATE TABLE t (k TEXT PRIMARY KEY) WITHOUT ROWID'), /WITHOUT ROWID/);
  assert.throws(() => parseTableSchema('CREATE TABLE t (a, b GENERATED ALWAYS AS (a + 1) VIRTUAL)'), /generated columns/);
  assert.throws(() => parseTableSchema('CREATE TABLE t (a, b AS (a * 2))'), /generated columns/);
  assert.throws(() => parseTableSchema('CREATE TABLE t AS SELECT 1'), /CREATE TABLE … AS/);
  assert.throws(() => parseTableSchema('CREATE TABLE t AS SELECT (1) AS x'), /CREATE TABLE … AS/);
});
