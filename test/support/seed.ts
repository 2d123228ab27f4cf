// The seed report's seven projects (2018, a district safety bureau), copied from the domain reference
// so that tests never read ../shared. Amounts in 万元; rates as the hand-made report printed them.
export const SEED = {
  names: [
    '安全生产责任经费',
    '安全生产综合监管经费',
    '保障安全生产专项经费',
    '局机关建设经费',
    '安全生产监察协管员劳务费',
    '小微企业生产安全险及责任政府补贴',
    '社区安全协管员补助经费',
  ],
  budgets: [305.5, 26.15, 40, 21.8, 150, 200, 175],
  actuals: [271.46, 26.33, 35.5, 17.41, 147.75, 45, 182],
  printedRates: ['88.86%', '100.69%', '88%', '79.86%', '98.5%', '22.5%', '104%'],
  output: [45, 48, 45, 40, 49, 30, 50],
  benefit: [45, 48, 45, 45, 46, 30, 50],
  totals: [90, 96, 90, 85, 95, 60, 100],
} as const;

/** One tuple per project: name, budget, actual, printed rate, output, benefit, total. */
export type SeedRow = [string, number, number, string, number, number, number];

export const SEED_ROWS: SeedRow[] = SEED.names.map((name, i) => [
  name,
  SEED.budgets[i],
  SEED.actuals[i],
  SEED.printedRates[i],
  SEED.output[i],
  SEED.benefit[i],
  SEED.totals[i],
]);
