import fc from 'fast-check';
import { detectUnit, parseAmount, parseRate, parseScore } from '../../src/engine/numbers';

/** Formats like an officer: thousands separators and two decimals, "1,234.50". */
function withSeparators(x: number): string {
  const [whole, fraction] = Math.abs(x).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 ? '-' : ''}${grouped}.${fraction}`;
}

/** ASCII digits and punctuation to their full-width forms, as typed with a Chinese IME. */
function fullWidth(text: string): string {
  return text.replace(/[0-9.,\-%()]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

const amount = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true });

function closeTo(actual: number | null, expected: number): boolean {
  return actual !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe('parsing round-trips', () => {
  test('"1,234.50" reads back as the number rounded to cents', () => {
    fc.assert(
      fc.property(amount, (x) => {
        const text = withSeparators(x);
        return closeTo(parseAmount(text).value, Number(x.toFixed(2)));
      }),
    );
  });

  test('full-width digits read like ASCII ones', () => {
    fc.assert(
      fc.property(amount, (x) => {
        const text = withSeparators(x);
        return closeTo(parseAmount(fullWidth(text)).value, Number(x.toFixed(2)));
      }),
    );
  });

  test('"(x)" and "（x）" are negative', () => {
    fc.assert(
      fc.property(positive, (x) => {
        const text = withSeparators(x);
        const expected = -Number(x.toFixed(2));
        return closeTo(parseAmount(`(${text})`).value, expected) && closeTo(parseAmount(`（${text}）`).value, expected);
      }),
    );
  });

  test('"x万元" reads as x with unit 万元', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('万元', '千元', '元'), (x, unit) => {
        const r = parseAmount(`${x}${unit}`);
        return r.status === 'ok' && r.unit === unit && closeTo(r.value, x);
      }),
    );
  });

  test('"x%" reads as the fraction x/100', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = parseRate(`${x.toFixed(4)}%`);
        return r.status === 'ok' && closeTo(r.value, Number(x.toFixed(4)) / 100);
      }),
    );
  });

  test('a plain number in a rate column is a fraction up to 3 and a percentage above', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const expected = Math.abs(x) <= 3 ? x : x / 100;
        return closeTo(parseRate(x).value, expected) && closeTo(parseRate(String(x)).value, expected);
      }),
    );
  });

  test('a score written as text reads as the number', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (x) => parseScore(`${x}分`).value === x));
  });
});

describe('amounts typed as plain ASCII text', () => {
  // Digits with or without groups of three, a fraction, a sign and a unit: the shapes the row reader
  // takes without normalising the text. Up to 20 digits, beyond what a whole number holds exactly.
  const plainAmount = fc
    .record({
      negative: fc.boolean(),
      whole: fc.stringMatching(/^[0-9]{1,14}$/),
      grouped: fc.boolean(),
      fraction: fc.stringMatching(/^[0-9]{0,6}$/),
      unit: fc.constantFrom('', '万元', '千元', '元'),
    })
    .map(({ negative, whole, grouped, fraction, unit }) => {
      const digits = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
      return `${negative ? '-' : ''}${digits}${fraction === '' ? '' : `.${fraction}`}${unit}`;
    });

  test('read exactly as Number() reads the same digits, with the unit it ends with', () => {
    fc.assert(
      fc.property(plainAmount, (text) => {
        const r = parseAmount(text);
        const unit = /(万元|千元|元)$/.exec(text)?.[1];
        const expected = Number(text.replace(/[,万千元]/g, ''));
        return r.status === 'ok' && r.value === expected && !Object.is(r.value, -0) && r.unit === unit;
      }),
      { numRuns: 2000 },
    );
  });

  test('read as their full-width spelling is', () => {
    fc.assert(
      fc.property(plainAmount, (text) => {
        expect(parseAmount(text)).toEqual(parseAmount(fullWidth(text)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('never NaN or Infinity', () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.stringMatching(/^[-(（]?[0-9０-９,，.．eE+]{0,12}[)）%％万千元]{0,3}$/),
  );

  test('every parser returns a finite number or null, with a consistent status', () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        for (const parse of [parseAmount, parseRate, parseScore]) {
          const r = parse(v);
          if (r.status === 'ok') {
            if (r.value === null || !Number.isFinite(r.value)) return false;
          } else if (r.value !== null) {
            return false;
          }
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  test('detectUnit never throws and returns a known unit or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => [null, '万元', '元', '千元'].includes(detectUnit(s))),
    );
  });
});
