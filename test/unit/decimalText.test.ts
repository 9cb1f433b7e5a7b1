import assert from 'node:assert/strict';
import { test } from 'mocha';
import { DECIMAL_FORMATS, formatDecimal } from '../../src/core/money/decimalText';

const FORMATS = Object.values(DECIMAL_FORMATS);

/** A seeded generator (mulberry32), so a failure names a number that fails again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function numbers(): number[] {
  const next = random(20261202);
  const out = [
    0,
    -0,
    1,
    -1,
    0.5,
    1.005,
    2.675,
    0.125,
    0.0125,
    9.995,
    99.995,
    999.995,
    0.00995,
    0.000046,
    2.4691,
    1e21,
    1.5e22,
    123456789.125,
    Number.MAX_SAFE_INTEGER,
    5e-324,
    1e-7,
    NaN,
    Infinity,
    -Infinity,
  ];
  for (let i = 0; i < 1500; i++) {
    const magnitude = 10 ** Math.floor(next() * 34 - 14); // 1e-14 … 1e19
    const value = next() * magnitude * (next() < 0.2 ? -1 : 1);
    out.push(value, Number(value.toPrecision(1 + Math.floor(next() * 6))));
    // Ties at the rounding digit: x.xx5, x.xxxx5, and money-like amounts.
    out.push(Math.round(next() * 1e5) / 1e3 + 0.0005, Math.round(next() * 1e7) / 1e5 + 0.000005, Math.round(next() * 1e6) / 100);
  }
  return out;
}

test('numbers are written as Intl.NumberFormat("en-US") writes them, in every format the doctor uses', () => {
  const values = numbers();
  for (const format of FORMATS) {
    const intl = new Intl.NumberFormat('en-US', format);
    for (const value of values) assert.equal(formatDecimal(value, format), intl.format(value), `${value} with ${JSON.stringify(format)}`);
  }
  assert.ok(values.length > 7_000, `${values.length} numbers`);
});

test('the shortest decimal is what gets rounded, half away from zero', () => {
  assert.equal(formatDecimal(1.005, { minimumFractionDigits: 2, maximumFractionDigits: 2 }), '1.01', '1.005 is 1.00499… in binary: toFixed says 1.00');
  assert.equal(formatDecimal(-2.5, { maximumFractionDigits: 0 }), '-3');
  assert.equal(formatDecimal(999.995, { minimumFractionDigits: 2, maximumFractionDigits: 2 }), '1,000.00', 'a carry adds a digit and a group');
  assert.equal(formatDecimal(0.0000456, { maximumSignificantDigits: 2, maximumFractionDigits: 12 }), '0.000046');
});
