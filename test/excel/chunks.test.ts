import {
  DEFAULT_CHUNK_BUDGET,
  PAYLOAD_LIMIT_BYTES,
  cellBytes,
  estimateBytesPerRow,
  exceedsReadLimit,
  gridBytes,
  jsonStringBytes,
  packPieces,
  planReadChunks,
  planWriteChunks,
} from '../../src/excel/chunks';

const utf8 = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), 'utf8');

describe('JSON byte estimates', () => {
  it('match the UTF-8 length of JSON.stringify for text, numbers, CJK, escapes and emoji', () => {
    const cells = ['安全生产责任经费', 'a"b\\c', 'line\nbreak', 'bell\u0007', '😀x', '', 305.5, -12, true, false, null];
    for (const c of cells) expect(cellBytes(c)).toBe(utf8(c));
    const grid = [cells, ['合计', 1234.5, null, '']];
    expect(gridBytes(grid)).toBe(utf8(grid));
    expect(jsonStringBytes('项目')).toBe(8);
  });

  it('counts a non-finite number like null, never as NaN', () => {
    expect(cellBytes(Number.NaN)).toBe(4);
    expect(cellBytes(Infinity)).toBe(4);
  });
});

describe('planWriteChunks', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => [i + 1, `项目${i}`, 100.25, 88.5]);

  it('keeps one chunk when everything fits the budget', () => {
    expect(planWriteChunks(rows.slice(0, 10))).toEqual([{ start: 0, end: 10, bytes: expect.any(Number) }]);
  });

  it('splits by bytes into contiguous chunks, each under the budget with values and formats', () => {
    const formats = ['General', '@', '0.00', '0.00'];
    const budget = 100_000;
    const chunks = planWriteChunks(rows, { budget, formats });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks[0].start).toBe(0);
    expect(chunks[chunks.length - 1].end).toBe(rows.length);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].start).toBe(chunks[i - 1].end);
    for (const ch of chunks) {
      const slice = rows.slice(ch.start, ch.end);
      const actual = utf8(slice) + utf8(slice.map(() => formats));
      expect(actual).toBeLessThanOrEqual(budget);
      expect(ch.bytes).toBeGreaterThanOrEqual(actual);
    }
  });

  it('sizes by bytes, not by rows: long Chinese text gives more chunks for the same row count', () => {
    const short = Array.from({ length: 2000 }, () => ['a']);
    const long = Array.from({ length: 2000 }, () => ['偏差原因分析及改进措施'.repeat(10)]);
    expect(planWriteChunks(long, { budget: 50_000 }).length).toBeGreaterThan(planWriteChunks(short, { budget: 50_000 }).length);
  });

  it('gives an oversized single row a chunk of its own and plans nothing for no rows', () => {
    const chunks = planWriteChunks([['x'.repeat(500)], ['y']], { budget: 100 });
    expect(chunks.map((c) => [c.start, c.end])).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(planWriteChunks([])).toEqual([]);
  });

  it('defaults to a budget below the 5 MB limit', () => {
    expect(DEFAULT_CHUNK_BUDGET).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});

describe('packPieces', () => {
  it('packs consecutive pieces under the budget, in order', () => {
    const packed = packPieces([{ bytes: 40 }, { bytes: 50 }, { bytes: 30 }, { bytes: 90 }, { bytes: 5 }], 100);
    expect(packed.map((r) => r.map((p) => p.bytes))).toEqual([[40, 50], [30], [90, 5]]);
  });
});

describe('read planning', () => {
  it('plans row ranges that cover every row once, each under the budget', () => {
    const chunks = planReadChunks(200_000, 120, { budget: 4_000_000 });
    expect(chunks[0].start).toBe(0);
    expect(chunks[chunks.length - 1].end).toBe(200_000);
    for (const c of chunks) expect((c.end - c.start) * 120).toBeLessThanOrEqual(4_000_000);
    expect(chunks.length).toBe(Math.ceil(200_000 / Math.floor((4_000_000 - 200) / 120)));
  });

  it('estimates a margin above the sample average so somewhat longer rows further down still fit', () => {
    const sample = [['项目', 1, 2], ['a much longer project name of the sample', 1, 2]];
    const avg = (utf8(sample[0]) + utf8(sample[1])) / 2;
    expect(estimateBytesPerRow(sample, 3)).toBeGreaterThan(avg * 1.25);
    expect(estimateBytesPerRow(sample, 3)).toBeLessThan(avg * 1.5 + 20);
    expect(estimateBytesPerRow([], 3)).toBeGreaterThan(0);
  });

  it('stops reads above 5 million cells', () => {
    expect(exceedsReadLimit(1_000_000, 5)).toBe(false);
    expect(exceedsReadLimit(1_000_001, 5)).toBe(true);
    expect(planReadChunks(0, 100)).toEqual([]);
  });
});
