/**
 * Numbers written the way `new Intl.NumberFormat('en-US', options).format(n)` writes them, for the
 * options the doctor's amounts use, without Intl: a process's first NumberFormat costs 12–18 ms of
 * ICU set-up on the 2-core machine (measured: `new Intl.NumberFormat('en-US')` 17.7 ms, any locale
 * ≥ 11.6 ms), a sixteenth of a whole CLI run, and every run formats an amount. Like ICU, it rounds
 * the shortest decimal that reads back as the number (1.005 → "1.01", where toFixed says "1.00"),
 * half away from zero (ECMA-402's default `halfExpand`), and groups the integer part by thousands.
 * test/unit/decimalText.test.ts holds it to Intl.NumberFormat itself over many numbers.
 */
export interface DecimalFormat {
  /** At most this many significant digits (then the fraction options are not used, as in ECMA-402's default `roundingPriority: 'auto'`). */
  maximumSignificantDigits?: number;
  /** Intl's defaults: 0 and max(minimumFractionDigits, 3). */
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

/** Every format the doctor writes numbers in (test/unit/decimalText.test.ts compares each with Intl). */
export const DECIMAL_FORMATS = {
  /** An amount below 0.01: two significant digits. */
  tiny: { maximumSignificantDigits: 2, maximumFractionDigits: 12 },
  /** An amount below 100: two to four decimals. */
  small: { minimumFractionDigits: 2, maximumFractionDigits: 4 },
  /** A larger amount: two decimals. */
  large: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  /** Quota units. */
  whole: { maximumFractionDigits: 0 },
  /** A count, as Intl.NumberFormat('en-US') writes one by default. */
  count: {},
} as const satisfies Record<string, DecimalFormat>;

/** `|value|` as digits d₀d₁d₂… and the power of ten of d₀: the shortest form that reads back as it. */
function shortestDecimal(value: number): { digits: number[]; exponent: number } {
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e');
  return { digits: Array.from(mantissa.replace('.', ''), Number), exponent: Number(exponent) };
}

/** The first `keep` digits, rounded half away from zero at the next one (a carry can add a digit in front). */
function roundDigits(digits: number[], exponent: number, keep: number): { digits: number[]; exponent: number } {
  if (keep >= digits.length) return { digits, exponent };
  if (keep < 0) return { digits: [0], exponent: 0 };
  const kept = digits.slice(0, keep);
  if ((digits[keep] ?? 0) < 5) return { digits: kept.length ? kept : [0], exponent: kept.length ? exponent : 0 };
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === 9) kept[i--] = 0;
  if (i >= 0) kept[i] = (kept[i] ?? 0) + 1;
  else {
    kept.unshift(1);
    exponent++;
  }
  return { digits: kept, exponent };
}

const groupThousands = (integer: string) => integer.replace(/\B(?=(\d{3})+$)/g, ',');

/** `value` as Intl.NumberFormat('en-US', format) writes it. */
export function formatDecimal(value: number, format: DecimalFormat): string {
  if (Number.isNaN(value)) return 'NaN';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  const minimumFractionDigits = format.maximumSignificantDigits === undefined ? (format.minimumFractionDigits ?? 0) : 0;
  const maximumFractionDigits = format.maximumFractionDigits ?? Math.max(minimumFractionDigits, 3);
  const shortest = value === 0 ? { digits: [0], exponent: 0 } : shortestDecimal(value);
  const keep = format.maximumSignificantDigits ?? shortest.exponent + 1 + maximumFractionDigits;
  const { digits, exponent } = roundDigits(shortest.digits, shortest.exponent, keep);
  // digits[i] stands for digits[i] × 10^(exponent − i).
  const integerDigits =
    exponent >= 0
      ? digits
          .slice(0, exponent + 1)
          .join('')
          .padEnd(exponent + 1, '0')
      : '0';
  const fractionDigits = exponent >= 0 ? digits.slice(exponent + 1).join('') : '0'.repeat(-exponent - 1) + digits.join('');
  const fraction = fractionDigits.replace(/0+$/, '').padEnd(minimumFractionDigits, '0');
  return `${sign}${groupThousands(integerDigits)}${fraction ? `.${fraction}` : ''}`;
}
