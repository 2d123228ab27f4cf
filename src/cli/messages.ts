// The batch command's own words (zh/en). Engine words (flags, grades, columns) come from src/engine/messages.ts.
import type { Lang } from '../engine/types';

const TEXT = {
  usage: {
    zh: '用法：npm run evaluate -- <工作簿.xlsx> [--sheet 名称] [--scheme mof2020|wuhan2018] [--scheme-file 方案.json] [--low 0.9] [--high 1.0] [--out 输出.xlsx] [--json] [--month 1-12] [--report 报告.docx] [--check-report 报告.docx|.txt] [--layout table|forms|auto] [--lang zh|en]（--month：运行监控，按序时进度亮灯；提示语言默认随 LANG；汇总表默认中文）',
    en: 'Usage: npm run evaluate -- <workbook.xlsx> [--sheet NAME] [--scheme mof2020|wuhan2018] [--scheme-file FILE.json] [--low 0.9] [--high 1.0] [--out FILE.xlsx] [--json] [--month 1-12] [--report FILE.docx] [--check-report REPORT.docx|.txt] [--layout table|forms|auto] [--lang zh|en] (--month: in-year monitoring against the time elapsed; messages follow LANG; the summary sheet is Chinese unless --lang en)',
  },
  badArgs: { zh: '参数有误：{detail}。{usage}', en: 'Bad arguments: {detail}. {usage}' },
  noInput: { zh: '缺少要评价的工作簿文件', en: 'no workbook file given' },
  tooManyInputs: { zh: '只能指定一个工作簿文件，收到：{list}', en: 'give exactly one workbook file, got: {list}' },
  badNumber: { zh: '--{name} 应为数字（如 0.9），收到“{value}”', en: '--{name} must be a number such as 0.9, got "{value}"' },
  badMonth: { zh: '--month 应为 1 到 12 的整数月份，收到“{value}”', en: '--month must be a whole month from 1 to 12, got "{value}"' },
  monitoringLine: {
    zh: '{title}：时间进度 {share}，监控标准 {bands}',
    en: '{title}: time elapsed {share}, bands {bands}',
  },
  monitoringCounts: { zh: '监控：绿灯 {green}，黄灯 {yellow}，红灯 {red}', en: 'Monitoring: green {green}, yellow {yellow}, red {red}' },
  colProgress: { zh: '进度比', en: 'Progress' },
  colLight: { zh: '监控', en: 'Light' },
  badLang: { zh: '--lang 只能是 zh 或 en，收到“{value}”', en: '--lang must be zh or en, got "{value}"' },
  schemeAndFile: { zh: '--scheme 与 --scheme-file 只能二选一', en: 'use either --scheme or --scheme-file, not both' },
  schemeFileMissing: { zh: '找不到评分方案文件：{path}', en: 'Scheme file not found: {path}' },
  schemeFileBad: { zh: '评分方案文件 {path} 有误：{errors}', en: 'Scheme file {path} is invalid: {errors}' },
  outIsInput: { zh: '--out 不能指向输入文件本身（{path}），输入文件不会被修改', en: '--out must not name the input file itself ({path}); the input is never modified' },
  outDirMissing: { zh: '输出目录不存在：{path}', en: 'Output folder does not exist: {path}' },
  fileMissing: { zh: '文件不存在：{path}', en: 'File not found: {path}' },
  fileUnreadable: { zh: '没有读取权限：{path}', en: 'Cannot read the file (permission denied): {path}' },
  outIsFolder: { zh: '--out 指向的是文件夹，请给出文件名：{path}', en: '--out names a folder; give a file name: {path}' },
  brokenWorkbook: { zh: '无法读取该工作簿 {path}：{reason}', en: 'Cannot read the workbook {path}: {reason}' },
  notWorkbook: { zh: '不是有效的 Excel 工作簿（.xlsx）：{path}', en: 'Not an Excel workbook (.xlsx): {path}' },
  notAFile: { zh: '不是普通文件（文件夹或设备），无法作为工作簿读取：{path}', en: 'Not a regular file (a folder or a device); cannot read it as a workbook: {path}' },
  fileTooLarge: { zh: '文件过大（{found}），超过可读取的上限 {limit}：{path}', en: 'The file is too large ({found}; the limit is {limit}): {path}' },
  encrypted: {
    zh: '工作簿已加密（设有打开密码），无法读取：{path}；请在 Excel 中取消密码后另存一份再评价',
    en: 'The workbook is encrypted (password to open); cannot read it: {path}. Remove the password in Excel, save a copy and evaluate that',
  },
  tooManyEntries: { zh: '工作簿压缩包内文件过多（{found} 个，上限 {limit} 个），拒绝读取：{path}', en: 'The workbook package holds too many parts ({found}; the limit is {limit}); refused: {path}' },
  inflatedTooLarge: {
    zh: '工作簿解压后过大（{entry}超过 {limit}），疑为压缩炸弹，拒绝读取：{path}',
    en: 'The workbook inflates beyond {limit} ({entry}); possibly a zip bomb, refused: {path}',
  },
  duplicateEntry: { zh: '工作簿压缩包内有重名部件“{entry}”，文件已损坏或被篡改，拒绝读取：{path}', en: 'The workbook package holds the part "{entry}" twice; damaged or tampered with, refused: {path}' },
  sheetTooLarge: {
    zh: '工作表“{sheet}”有数据的范围 {range} 共 {found} 个单元格，超过可读取的 {limit} 个；最远的数据在 {far}，若是误填的零散单元格，请删除后再评价',
    en: 'Sheet "{sheet}" holds data over {range}, {found} cells, above the {limit} that can be read; the farthest value is at {far}: if it is stray, delete it and evaluate again',
  },
  unknownSheet: { zh: '工作簿中没有名为“{sheet}”的工作表（现有：{list}）', en: 'The workbook has no sheet named "{sheet}" (sheets: {list})' },
  noSheet: {
    zh: '没有找到同时含项目名称、预算数和执行数列的工作表；最接近的是“{sheet}”：{detail}',
    en: 'No sheet has project, budget and actual-spend columns; closest is "{sheet}": {detail}',
  },
  outIsLink: {
    zh: '输出路径是符号链接，不会替换它：{path}（请指定普通文件）',
    en: 'The output path is a symbolic link and is not replaced: {path} (give a regular file)',
  },
  outNotRegular: {
    zh: '输出路径不是普通文件（设备、管道或套接字），不会写入：{path}',
    en: 'The output path is not a regular file (a device, pipe or socket); nothing is written to it: {path}',
  },
  outReadOnly: { zh: '输出文件是只读的，不会覆盖：{path}', en: 'The output file is read-only and is not replaced: {path}' },
  outDirUnwritable: { zh: '无法在输出目录中写入文件：{path}（{reason}）', en: 'Cannot write files in the output folder {path} ({reason})' },
  outWriteFailed: { zh: '写出评价副本失败：{path}（{reason}），原有文件未改动', en: 'Could not write the evaluated copy {path} ({reason}); any existing file there is unchanged' },
  inputNotRegular: {
    zh: '输入不是普通文件（文件夹、设备或管道）：{path}',
    en: 'The input is not a regular file (a folder, device or pipe): {path}',
  },
  schemeFileUnreadable: { zh: '没有读取评分方案文件的权限：{path}', en: 'Cannot read the scheme file (permission denied): {path}' },
  schemeFileFolder: { zh: '评分方案文件是文件夹，请给出 .json 文件：{path}', en: 'The scheme file is a folder; give a .json file: {path}' },
  schemeFileNotRegular: {
    zh: '评分方案文件不是普通文件（设备或管道）：{path}',
    en: 'The scheme file is not a regular file (a device or pipe): {path}',
  },
  schemeFileTooBig: { zh: '评分方案文件超过 {limit}，不是评分方案：{path}', en: 'The scheme file is larger than {limit}; it is not a scoring scheme: {path}' },
  schemeFileEncoding: {
    zh: '评分方案文件既不是 UTF-8 也不是 GBK 编码的文本：{path}（请另存为 UTF-8）',
    en: 'The scheme file is neither UTF-8 nor GBK text: {path} (save it as UTF-8)',
  },
  schemeFileGbk: {
    zh: '提示：评分方案文件不是 UTF-8 编码，已按 GBK（GB18030）读取：{path}；建议另存为 UTF-8',
    en: 'Note: the scheme file is not UTF-8; it was read as GBK (GB18030): {path}; consider saving it as UTF-8',
  },
  noActual: { zh: '无执行数', en: 'no actual' },
  badLayout: { zh: '--layout 只能是 table、forms 或 auto，收到“{value}”', en: '--layout must be table, forms or auto, got "{value}"' },
  noForms: { zh: '工作簿中没有找到自评表（“项目名称”右侧写有项目名的表格）', en: 'The workbook holds no self-evaluation form (a 项目名称 label with the project name to its right)' },
  formsLine: {
    zh: '{n} 张自评表（{sheets}），评分方案：{scheme}，执行率区间 {low}–{high}',
    en: '{n} forms ({sheets}), scheme: {scheme}, usage-rate band {low}–{high}',
  },
  colSheet: { zh: '工作表', en: 'Sheet' },
  colDepartment: { zh: '主管部门', en: 'Department' },
  todoLine: { zh: '需核实的指标：{n} 项', en: 'Indicators to check: {n}' },
  unexpected: { zh: '意外错误：{detail}', en: 'Unexpected error: {detail}' },
  wrote: { zh: '已写出评价副本：{path}（汇总表：{summary}）', en: 'Evaluated copy written to {path} (summary sheet: {summary})' },
  sheetLine: {
    zh: '工作表“{sheet}”，表头第{headerRow}行，单位：{unit}，评分方案：{scheme}，执行率区间 {low}–{high}',
    en: 'Sheet "{sheet}", header row {headerRow}, unit: {unit}, scheme: {scheme}, usage-rate band {low}–{high}',
  },
  sheetLineMonitoring: {
    zh: '工作表“{sheet}”，表头第{headerRow}行，单位：{unit}，评分方案：{scheme}',
    en: 'Sheet "{sheet}", header row {headerRow}, unit: {unit}, scheme: {scheme}',
  },
  unitNone: { zh: '未注明', en: 'not stated' },
  colNo: { zh: '序号', en: 'No.' },
  colRow: { zh: '行', en: 'Row' },
  colName: { zh: '项目名称', en: 'Project' },
  colBudget: { zh: '预算数', en: 'Budget' },
  colActual: { zh: '执行数', en: 'Actual' },
  colRate: { zh: '使用率', en: 'Rate' },
  colTotal: { zh: '总分', en: 'Total' },
  colGrade: { zh: '等级', en: 'Grade' },
  colFlags: { zh: '提示', en: 'Flags' },
  noRate: { zh: '无预算', en: 'no budget' },
  ok: { zh: '正常', en: 'OK' },
  totalsLine: {
    zh: '合计：{projects}个项目，预算数 {budget}，执行数 {actual}，使用率 {rate}，需关注 {flagged} 个',
    en: 'Totals: {projects} projects, budget {budget}, actual {actual}, usage rate {rate}, {flagged} flagged',
  },
  gradesLine: { zh: '等级：优 {excellent}，良 {good}，中 {fair}，差 {poor}', en: 'Grades: excellent {excellent}, good {good}, fair {fair}, poor {poor}' },
  checkLine: {
    zh: '核对：第{row}行合计的{column}为 {stated}，项目之和为 {computed}',
    en: 'Check: row {row} total states {column} {stated}, the projects add up to {computed}',
  },
  budgetWord: { zh: '预算数', en: 'budget' },
  actualWord: { zh: '执行数', en: 'actual' },
  reportIsInput: { zh: '--report 不能指向输入文件（{path}）', en: '--report must not name the input file ({path})' },
  reportIsOut: { zh: '--report 不能与 --out 指向同一文件（{path}）', en: '--report must not name the --out file ({path})' },
  reportNotDocx: { zh: '--report 应为 .docx 文件：{path}', en: '--report must name a .docx file: {path}' },
  reportIsFolder: { zh: '--report 指向的是文件夹，请给出文件名：{path}', en: '--report names a folder; give a file name: {path}' },
  reportDirMissing: { zh: '报告的输出目录不存在：{path}', en: 'Report folder does not exist: {path}' },
  checkMissing: { zh: '找不到要核对的报告：{path}', en: 'Report to check not found: {path}' },
  checkNotSupported: { zh: '只能核对 .docx 或 .txt 报告：{path}', en: 'Only .docx or .txt reports can be checked: {path}' },
  checkUnreadable: { zh: '无法读取该 Word 文档：{path}', en: 'Cannot read the Word document: {path}' },
  checkNotRegular: { zh: '要核对的报告不是普通文件（文件夹、设备或管道）：{path}', en: 'The report to check is not a regular file (a folder, device or pipe): {path}' },
  checkTooLarge: { zh: '要核对的报告过大（{found}，上限 {limit}）：{path}', en: 'The report to check is too large ({found}; the limit is {limit}): {path}' },
  checkRefused: { zh: '要核对的 Word 文档已损坏或解压后过大，拒绝读取：{path}（{reason}）', en: 'The Word document to check is damaged or inflates too far; refused: {path} ({reason})' },
  outWantsXlsm: {
    zh: '评价副本是 .xlsm 工作簿（保留输入文件的宏），--out 的扩展名应为 .xlsm：{path}',
    en: 'The evaluated copy is an .xlsm workbook (it keeps the input\'s macros); give --out an .xlsm name: {path}',
  },
  outWantsXlsx: {
    zh: '评价副本是 .xlsx 工作簿，--out 的扩展名应为 .xlsx：{path}',
    en: 'The evaluated copy is an .xlsx workbook; give --out an .xlsx name: {path}',
  },
  wroteReport: { zh: '已写出报告草稿：{path}', en: 'Draft report written to {path}' },
  checkTitle: { zh: '报告核对（{path}）：', en: 'Report check ({path}):' },
  checkClean: { zh: '报告核对（{path}）：未发现与工作表不一致之处', en: 'Report check ({path}): nothing differs from the workbook' },
} as const satisfies Record<string, Record<Lang, string>>;

export type CliTextKey = keyof typeof TEXT;

/** The text in `lang` with {name} placeholders filled; always a single line. */
export function cliText(key: CliTextKey, lang: Lang, values: Record<string, string | number> = {}): string {
  const template: string = TEXT[key][lang];
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
