// A finding of the report check in words, one line, in the officer's language.
import type { Lang } from '../../types';
import type { ReportFinding } from './types';

const KIND_WORDS: Record<string, Record<Lang, string>> = {
  budget: { zh: '预算数', en: 'budget' },
  actual: { zh: '实际支出', en: 'actual spend' },
  rate: { zh: '经费使用率', en: 'usage rate' },
  output: { zh: '产出得分', en: 'output score' },
  benefit: { zh: '效益得分', en: 'benefit score' },
  satisfaction: { zh: '满意度得分', en: 'satisfaction score' },
  execution: { zh: '预算执行得分', en: 'execution score' },
  total: { zh: '总分', en: 'total score' },
};

function where(f: ReportFinding, lang: Lang): string {
  if (f.line === 0) return '';
  return lang === 'zh' ? `第${f.line}段（${f.section}）：` : `Paragraph ${f.line} (${f.section}): `;
}

export function findingSentence(f: ReportFinding, lang: Lang): string {
  const zh = lang === 'zh';
  const kind = f.detail && KIND_WORDS[f.detail] ? KIND_WORDS[f.detail][lang] : '';
  let what: string;
  switch (f.code) {
    case 'numbering':
      if (f.detail === 'separator') what = zh ? `编号分隔符“${f.says}”与其他标题不一致（应为“${f.workbook}”）` : `separator "${f.says}" differs from the other headings ("${f.workbook}")`;
      else if (f.detail === 'repeated') what = zh ? `编号“${f.says}”重复，此处应为“${f.workbook}”` : `numeral ${f.says} is repeated; this section should be ${f.workbook}`;
      else if (f.detail === 'skipped') what = zh ? `编号跳到“${f.says}”，此处应为“${f.workbook}”` : `numbering skips to ${f.says}; this section should be ${f.workbook}`;
      else what = zh ? `编号“${f.says}”顺序有误，此处应为“${f.workbook}”` : `numeral ${f.says} is out of order; this section should be ${f.workbook}`;
      break;
    case 'rate_differs':
    case 'amount_differs':
    case 'score_differs':
      what = zh ? `报告写${kind}为${f.says}，工作表为${f.workbook}` : `the report states a ${kind} of ${f.says}, the workbook ${f.workbook}`;
      break;
    case 'name_mismatch':
      what = zh ? `本段写的是“${f.says}”，而本节项目为“${f.workbook}”` : `this paragraph names "${f.says}", but the section is about "${f.workbook}"`;
      break;
    case 'unknown_project':
      what = zh ? `工作表中没有名为“${f.says}”的项目` : `the workbook has no project named "${f.says}"`;
      break;
    case 'missing_project':
      what = zh ? `报告中没有项目“${f.workbook}”（工作表第${f.project?.row ?? ''}行）的章节` : `the report has no section for "${f.workbook}" (sheet row ${f.project?.row ?? ''})`;
      break;
    case 'empty_section':
      what = zh ? `“${f.says}”下没有内容` : `"${f.says}" has no text`;
      break;
  }
  return `${where(f, lang)}${what}`;
}
