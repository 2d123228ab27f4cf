// The summary sheet of the forms layout: the forms' projects (with department) like table projects,
// plus every flagged indicator (the officer's to-do list). Rendered by both hosts through summaryLayout.ts.
import { gradeLabel, summaryText } from '../messages';
import type { FormsEvaluation } from './formTypes';
import type { Lang, Scheme } from '../types';
import { GRADES } from '../types';
import type { SummaryColumn, SummaryModel, SummaryValue } from '../summary/summaryTypes';
import { formatPercent, formatTime } from '../summary/summary';
import { catalogue, fill } from '../../text/catalogue';
import { formCheckSentence, formStatusText, formText, indicatorReasons } from './formMessages';

export function buildFormsSummary(evaluation: FormsEvaluation, scheme: Scheme, lang: Lang, run: { time: Date }): SummaryModel {
  const t = summaryText;
  const unit = fill(catalogue(lang).engine.words.unitSuffix, { unit: evaluation.unit ?? '万元' });
  const columns: SummaryColumn[] = [
    { key: 'index', label: t('colIndex', lang), kind: 'index' },
    { key: 'name', label: t('colName', lang), kind: 'text' },
    { key: 'department', label: formText('colDepartment', lang), kind: 'text' },
    { key: 'budget', label: t('colBudget', lang) + unit, kind: 'amount' },
    { key: 'actual', label: t('colActual', lang) + unit, kind: 'amount' },
    { key: 'usageRate', label: t('colRate', lang), kind: 'rate' },
    { key: 'output', label: t('colOutput', lang), kind: 'score' },
    { key: 'benefit', label: t('colBenefit', lang), kind: 'score' },
    { key: 'satisfaction', label: t('colSatisfaction', lang), kind: 'score' },
    { key: 'execution', label: t('colExecution', lang), kind: 'score' },
    { key: 'total', label: t('colTotal', lang), kind: 'score' },
    { key: 'grade', label: t('colGrade', lang), kind: 'grade' },
    { key: 'status', label: t('colStatus', lang), kind: 'status' },
  ];
  const rows: SummaryValue[][] = evaluation.projects.map((p, i) => [
    i + 1,
    p.name,
    p.department,
    p.budget,
    p.actual,
    p.usageRate,
    p.scores.output,
    p.scores.benefit,
    p.scores.satisfaction,
    p.scores.execution,
    p.scores.total,
    p.grade === null ? null : gradeLabel(p.grade, lang),
    formStatusText(p.flags, lang),
  ]);
  const totalsRow: SummaryValue[] = columns.map((c) =>
    c.key === 'name' ? t('totalsLabel', lang) : c.key === 'budget' ? evaluation.totals.budget : c.key === 'actual' ? evaluation.totals.actual : c.key === 'usageRate' ? evaluation.totals.usageRate : null,
  );
  const sheets = [...new Set(evaluation.projects.map((p) => p.sheet))];
  const band = evaluation.band;
  const info = [
    { label: formText('infoForms', lang), value: formText('formsCount', lang, { n: evaluation.projects.length, sheets: sheets.join(catalogue(lang).engine.words.itemSep) }) },
    { label: t('infoScheme', lang), value: scheme.name[lang] },
    { label: t('infoBand', lang), value: `${formatPercent(band.low)} – ${formatPercent(band.high)}` },
    { label: t('infoUnit', lang), value: evaluation.unit ?? t('unitUnknown', lang) },
    { label: t('infoTime', lang), value: formatTime(run.time) },
  ];
  const gradeRows = GRADES.map((g) => ({ label: gradeLabel(g, lang), count: evaluation.grades[g] }));
  const ungraded = evaluation.projects.length - GRADES.reduce((n, g) => n + evaluation.grades[g], 0);
  if (ungraded > 0) gradeRows.push({ label: t('gradeNone', lang), count: ungraded });

  const flagged: SummaryModel['flagged']['rows'] = [];
  evaluation.projects.forEach((p, i) => {
    if (p.flags.length > 0) flagged.push({ index: i + 1, name: p.name, row: p.row, reasons: formStatusText(p.flags, lang) });
  });
  const todoRows: SummaryValue[][] = [];
  for (const p of evaluation.projects) {
    for (const ind of p.indicators) {
      if (ind.flags.length === 0) continue;
      todoRows.push([p.name, p.sheet, ind.row, ind.name, ind.target, ind.actual, ind.weight, ind.statedScore, ind.score, indicatorReasons(ind.flags, lang)]);
    }
  }
  return {
    lang,
    title: t('title', lang),
    info,
    columns,
    rows,
    totalsRow,
    gradeDistribution: { title: t('gradesTitle', lang), rows: gradeRows },
    flagged: { title: t('flaggedTitle', lang), header: [t('colIndex', lang), t('colName', lang), t('flaggedRow', lang), t('flaggedReasons', lang)], rows: flagged },
    checks: { title: t('checksTitle', lang), rows: evaluation.checks.map((c) => formCheckSentence(c, lang)) },
    todo: {
      title: formText('todoTitle', lang),
      header: [
        t('colName', lang),
        formText('colSheet', lang),
        t('flaggedRow', lang),
        formText('colIndicator', lang),
        formText('colTarget', lang),
        formText('colActualValue', lang),
        formText('colWeight', lang),
        formText('colStated', lang),
        formText('colComputed', lang),
        t('flaggedReasons', lang),
      ],
      rows: todoRows,
      numberFormats: ['@', '@', 'General', '@', '@', '@', '0.0', '0.0', '0.00', '@'],
    },
    chart: {
      title: t('chartTitle', lang),
      categories: evaluation.projects.map((p) => p.name),
      rates: evaluation.projects.map((p) => p.usageRate),
      band: { low: band.low, high: band.high },
      seriesName: t('colRate', lang),
    },
  };
}
