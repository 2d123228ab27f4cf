// The pane's texts for the self-evaluation report (draft and check), in Chinese and English; the same
// shape as strings.ts, kept apart so that report and forms texts can grow side by side.
import type { Lang } from '../engine/types';

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

const zh: ReportStrings = {
  title: '自评报告',
  draft: '生成报告',
  draftHint: '按当前评价结果起草项目支出绩效自评报告，写入工作表“自评报告（草稿）”；数字均取自工作表，待补充处已标出。',
  drafted: (s) => `报告草稿已写入工作表“${s}”。`,
  keptSheets: (s) => `工作表“${s}”不是本加载项创建的，已原样保留。`,
  download: '下载 Word 文档',
  check: '核对报告',
  checkHint: '选择经办人自己写的报告（.docx 或 .txt），与工作表的数字逐项核对。',
  checking: '正在核对…',
  paste: '粘贴报告文本',
  pasteLabel: '报告全文（每段一行）',
  checkPasted: '核对粘贴的文本',
  pastedText: '粘贴的文本',
  checkTitle: (f) => `报告核对（${f}）`,
  checkClean: (f) => `${f}：未发现与工作表不一致之处。`,
  checkSummary: (f, n) => `报告核对（${f}）：发现 ${n} 处问题`,
  unreadable: (f) => `无法读取“${f}”：文件已损坏或不是 Word 文档。`,
  notSupported: (f) => `“${f}”不是 .docx 或 .txt 文件。`,
  goTo: (p, r) => `转到“${p}”（第${r}行）`,
  working: '正在处理…',
  dismiss: '关闭',
  listSeparator: '、',
};

const en: ReportStrings = {
  title: 'Self-evaluation report',
  draft: 'Draft report',
  draftHint: 'Drafts the self-evaluation report from the current results on the sheet “Self-evaluation report (draft)”; every figure comes from the workbook, gaps are marked.',
  drafted: (s) => `Draft report written to sheet “${s}”.`,
  keptSheets: (s) => `Sheet “${s}” was not created by the add-in and was left as it is.`,
  download: 'Download Word document',
  check: 'Check report',
  checkHint: 'Pick a report written by hand (.docx or .txt) to compare its figures with the workbook.',
  checking: 'Checking…',
  paste: 'Paste report text',
  pasteLabel: 'The report’s text (one paragraph per line)',
  checkPasted: 'Check pasted text',
  pastedText: 'pasted text',
  checkTitle: (f) => `Report check (${f})`,
  checkClean: (f) => `${f}: nothing differs from the workbook.`,
  checkSummary: (f, n) => `Report check (${f}): ${n} ${n === 1 ? 'finding' : 'findings'}`,
  unreadable: (f) => `Cannot read “${f}”: the file is damaged or not a Word document.`,
  notSupported: (f) => `“${f}” is not a .docx or .txt file.`,
  goTo: (p, r) => `Go to “${p}” (row ${r})`,
  working: 'Working…',
  dismiss: 'Dismiss',
  listSeparator: ', ',
};

export const REPORT_STRINGS: Record<Lang, ReportStrings> = { zh, en };
