// A finding of the report check in words, one line, in the officer's language.
import { catalogue, entry, fill } from '../../../text/catalogue';
import type { Lang } from '../../types';
import type { ReportFinding } from './types';

export function findingSentence(f: ReportFinding, lang: Lang): string {
  const t = catalogue(lang).check;
  const values = {
    says: f.says,
    workbook: f.workbook,
    kind: (f.detail !== undefined && entry(t.kinds, f.detail)) || '',
    row: f.project?.row ?? '',
  };
  const where = f.line === 0 ? '' : fill(t.where, { line: f.line, section: f.section });
  let template: string;
  switch (f.code) {
    case 'numbering':
      if (f.detail === 'separator') template = t.numbering_separator;
      else if (f.detail === 'repeated') template = t.numbering_repeated;
      else if (f.detail === 'skipped') template = t.numbering_skipped;
      else template = t.numbering_order;
      break;
    case 'rate_differs':
    case 'amount_differs':
    case 'score_differs':
      template = t.differs;
      break;
    default:
      template = t[f.code];
  }
  return `${where}${fill(template, values)}`;
}
