// Texts of the pane's bureau tools (in-year monitoring switch and month, "Consolidate sheets"), from the
// catalogue (pane.bureau). Components take a BureauStrings, never literals.
import { monthSpan } from '../../engine/messages';
import { catalogue, fill } from '../../text/catalogue';
import type { Lang } from '../../engine/types';

export interface BureauStrings {
  title: string;
  monitoring: string;
  monitoringHint: string;
  month: string;
  /** The months covered by the option for month m: "1–9月" / "Jan–Sep". */
  monthOption: (month: number) => string;
  consolidate: string;
  consolidateHint: string;
  consolidating: string;
  consolidated: (sheet: string, departments: number, failed: number) => string;
}

function bureauStrings(lang: Lang): BureauStrings {
  const t = catalogue(lang).pane.bureau;
  return {
    ...t,
    monthOption: (month) => monthSpan(month, lang),
    consolidated: (sheet, n, failed) =>
      fill(t.consolidated.done, { sheet, n, failed: failed > 0 ? fill(t.consolidated.failed, { failed }) : '' }),
  };
}

export const BUREAU_STRINGS: Record<Lang, BureauStrings> = { zh: bureauStrings('zh'), en: bureauStrings('en') };
