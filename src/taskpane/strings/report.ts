// The pane's texts for the self-evaluation report (draft and check), from the catalogue (pane.report);
// the same shape as index.ts (the table pane's texts).
import { catalogue, fill, fillPlural } from '../../text/catalogue';
import type { Lang } from '../../engine/types';

export interface ReportStrings {
  title: string;
  draft: string;
  draftHint: string;
  drafted: (sheet: string) => string;
  keptSheets: (sheets: string) => string;
  download: string;
  check: string;
  checkHint: string;
  checking: string;
  paste: string;
  pasteLabel: string;
  checkPasted: string;
  /** How pasted text is named in the check's lines. */
  pastedText: string;
  checkTitle: (file: string) => string;
  checkClean: (file: string) => string;
  /** The check's title line: the file and how many findings. */
  checkSummary: (file: string, n: number) => string;
  unreadable: (file: string) => string;
  notSupported: (file: string) => string;
  goTo: (project: string, row: number) => string;
  working: string;
  dismiss: string;
  listSeparator: string;
}

function reportStrings(lang: Lang): ReportStrings {
  const t = catalogue(lang).pane.report;
  return {
    ...t,
    drafted: (sheet) => fill(t.drafted, { sheet }),
    keptSheets: (sheets) => fill(t.keptSheets, { sheets }),
    checkTitle: (file) => fill(t.checkTitle, { file }),
    checkClean: (file) => fill(t.checkClean, { file }),
    checkSummary: (file, n) => fillPlural(t.checkSummary, n, lang, { file, n }),
    unreadable: (file) => fill(t.unreadable, { file }),
    notSupported: (file) => fill(t.notSupported, { file }),
    goTo: (project, row) => fill(t.goTo, { project, row }),
  };
}

export const REPORT_STRINGS: Record<Lang, ReportStrings> = { zh: reportStrings('zh'), en: reportStrings('en') };
