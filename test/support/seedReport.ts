import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The seed report (a district safety bureau, 2018, seven projects) as its officer wrote it, one
// paragraph per line (seedReport.txt), copied from ../shared/seed so that tests never read ../shared. Only a Word
// bookmark marker left by the text conversion was removed. Its mistakes are the point: project 3
// prints 88% for 88.75%, the seventh project is numbered 五 again, its score paragraph names project 5,
// project 6 uses another separator and its 项目基本情况 is empty.
export const SEED_REPORT_TEXT = readFileSync(join(__dirname, 'seedReport.txt'), 'utf8');

export const SEED_REPORT_LINES: readonly string[] = SEED_REPORT_TEXT.replace(/\n$/, '').split('\n');

