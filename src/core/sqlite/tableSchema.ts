import * as l10n from '@vscode/l10n';
import type { SqlValue } from './record';
import { UnreadableDatabase } from './unreadableDatabase';

export interface Column {
  name: string;
  /**
   * The value rows written before an `ALTER TABLE … ADD COLUMN` get (their records are shorter):
   * the column's literal DEFAULT, NULL without one, undefined when the default is an expression.
   */
  missing: SqlValue | undefined;
}

export interface TableSchema {
  columns: Column[];
  /** The column that is the rowid under another name (`x INTEGER PRIMARY KEY`): its record holds NULL. */
  rowidAlias?: number;
}

type Token = { text: string; quoted: boolean };

const CONSTRAINT_START = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);
const unsupported = (what: string) => new UnreadableDatabase(l10n.t('a table in it uses {feature}, which this reader does not read', { feature: what }));

/** SQL tokens (https://www.sqlite.org/lang_keywords.html for the quoting forms), comments dropped. */
function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const closing: Record<string, string> = { '"': '"', '`': '`', '[': ']', "'": "'" };
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) i++;
    else if (sql.startsWith('--', i)) i = sql.includes('\n', i) ? sql.indexOf('\n', i) + 1 : sql.length;
    else if (sql.startsWith('/*', i)) i = sql.includes('*/', i) ? sql.indexOf('*/', i) + 2 : sql.length;
    else if (c in closing) {
      const end = closing[c]!;
      let text = '';
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (sql[j] !== end) text += sql[j];
        else if (end !== ']' && sql[j + 1] === end) text += sql[j++];
        else break;
      }
      // A string literal keeps its quotes so it is not taken for a name.
      tokens.push(c === "'" ? { text: `'${text}'`, quoted: false } : { text, quoted: true });
      i = j + 1;
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(sql[i + 1] ?? ''))) {
      const number = /^(0x[0-9a-f]+|(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?)/i.exec(sql.slice(i))![0];
      tokens.push({ text: number, quoted: false });
      i += number.length;
    } else if (/[\w$\u0080-\uffff]/.test(c)) {
      const word = /^[\w$\u0080-\uffff]+/.exec(sql.slice(i))![0];
      tokens.push({ text: word, quoted: false });
      i += word.length;
    } else {
      tokens.push({ text: c, quoted: false });
      i++;
    }
  }
  return tokens;
}

const keyword = (token: Token | undefined, word: string) => token !== undefined && !token.quoted && token.text.toUpperCase() === word;

/** A literal DEFAULT (https://www.sqlite.org/lang_createtable.html#dfltval); undefined for an expression. */
function literal(tokens: Token[]): SqlValue | undefined {
  let rest = tokens;
  while (rest[0]?.text === '(' && rest.at(-1)?.text === ')') rest = rest.slice(1, -1);
  const [first, second] = rest;
  if (!first) return undefined;
  const sign = first.text === '-' || first.text === '+' ? first.text : '';
  const number = sign ? second : first;
  if (number && rest.length === (sign ? 2 : 1) && /^(0x[0-9a-f]+|(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?)$/i.test(number.text)) {
    if (/^0x/i.test(number.text)) return sign === '-' ? -Number(number.text) : Number(number.text);
    const value = Number(`${sign}${number.text}`);
    return /[.eE]/.test(number.text) || Number.isSafeInteger(value) ? value : BigInt(`${sign}${number.text}`);
  }
  if (rest.length !== 1) return undefined;
  if (first.text.startsWith("'")) return first.text.slice(1, -1);
  if (keyword(first, 'NULL')) return null;
  if (keyword(first, 'TRUE')) return 1;
  if (keyword(first, 'FALSE')) return 0;
  return undefined;
}

/** The parts of a list between top-level commas, from the token after `(` to its matching `)`. */
function splitList(tokens: Token[], open: number): { parts: Token[][]; end: number } {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.quoted && t.text === '(') depth++;
    if (!t.quoted && t.text === ')' && depth-- === 0) return { parts, end: i };
    if (!t.quoted && t.text === ',' && depth === 0) parts.push([]);
    else parts.at(-1)!.push(t);
  }
  throw new UnreadableDatabase(l10n.t('a table definition in it is damaged'));
}

const COLUMN_CONSTRAINT = new Set(['CONSTRAINT', 'PRIMARY', 'NOT', 'NULL', 'UNIQUE', 'CHECK', 'DEFAULT', 'COLLATE', 'REFERENCES', 'GENERATED', 'AS']);

/** A column definition: its name, its declared type as written (`INTEGER`, `VARCHAR ( 10 )`), and the rest at top level. */
function columnDefinition(part: Token[]): { name: string; type: string; constraints: Token[] } {
  const constraintsAt = part.findIndex((t, i) => i > 0 && !t.quoted && COLUMN_CONSTRAINT.has(t.text.toUpperCase()));
  const typeTokens = part.slice(1, constraintsAt === -1 ? undefined : constraintsAt);
  return {
    name: part[0]!.text,
    type: typeTokens.map((t) => t.text.toUpperCase()).join(' '),
    constraints: constraintsAt === -1 ? [] : part.slice(constraintsAt),
  };
}

/** The tokens outside any parentheses (a CHECK's or DEFAULT's expression is not a constraint keyword). */
function topLevel(tokens: Token[]): Token[] {
  let depth = 0;
  return tokens.filter((t) => {
    if (!t.quoted && t.text === '(') depth++;
    const outside = depth === 0;
    if (!t.quoted && t.text === ')') depth--;
    return outside;
  });
}

/**
 * The stored columns of a rowid table from its `CREATE TABLE` statement, as sqlite_schema keeps it
 * (https://www.sqlite.org/lang_createtable.html): names unquoted, the rowid alias found (a column
 * whose declared type is exactly INTEGER and that is the PRIMARY KEY, not `PRIMARY KEY DESC` in
 * the column), literal defaults kept. WITHOUT ROWID tables, generated columns and
 * `CREATE TABLE … AS SELECT` are refused rather than misread.
 */
export function parseTableSchema(sql: string): TableSchema {
  const tokens = tokenize(sql);
  const open = tokens.findIndex((t) => !t.quoted && t.text === '(');
  const as = tokens.findIndex((t) => keyword(t, 'AS'));
  if (open === -1 || (as !== -1 && as < open)) throw unsupported('CREATE TABLE … AS');
  const { parts, end } = splitList(tokens, open);
  if (tokens.slice(end + 1).some((t) => keyword(t, 'WITHOUT'))) throw unsupported('WITHOUT ROWID');
  const definitions: ReturnType<typeof columnDefinition>[] = [];
  let rowidAlias: number | undefined;
  for (const part of parts) {
    const head = part[0];
    if (!head) continue;
    if (!head.quoted && CONSTRAINT_START.has(head.text.toUpperCase())) {
      // A table constraint `PRIMARY KEY (x)` over one INTEGER column also makes it the rowid.
      const primary = part.findIndex((t) => keyword(t, 'PRIMARY'));
      const list = part.findIndex((t, i) => primary !== -1 && i > primary && t.text === '(');
      const keys = list === -1 ? [] : splitList(part, list).parts;
      const key = keys.length === 1 ? keys[0]![0]?.text.toLowerCase() : undefined;
      const index = definitions.findIndex((d) => d.name.toLowerCase() === key);
      if (index !== -1 && definitions[index]!.type === 'INTEGER') rowidAlias = index;
      continue;
    }
    const definition = columnDefinition(part);
    const constraints = topLevel(definition.constraints);
    if (constraints.some((t) => keyword(t, 'GENERATED') || keyword(t, 'AS'))) throw unsupported(l10n.t('generated columns'));
    const primary = constraints.findIndex((t) => keyword(t, 'PRIMARY'));
    if (primary !== -1 && definition.type === 'INTEGER' && !keyword(constraints[primary + 2], 'DESC')) rowidAlias = definitions.length;
    definitions.push(definition);
  }
  const columns = definitions.map((d) => {
    const at = d.constraints.findIndex((t) => keyword(t, 'DEFAULT'));
    return { name: d.name, missing: at === -1 ? null : literal(defaultExpression(d.constraints, at + 1)) };
  });
  return { columns, rowidAlias };
}

/** The tokens of a DEFAULT value: one token, a signed number, or a parenthesised expression. */
function defaultExpression(part: Token[], at: number): Token[] {
  const first = part[at];
  if (!first) return [];
  if (first.text === '(') {
    let depth = 0;
    for (let i = at; i < part.length; i++) {
      if (part[i]!.text === '(') depth++;
      if (part[i]!.text === ')' && --depth === 0) return part.slice(at, i + 1);
    }
    return [];
  }
  return first.text === '-' || first.text === '+' ? part.slice(at, at + 2) : [first];
}
