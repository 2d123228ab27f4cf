// A PrintSetup as the worksheet XML elements that carry it (ECMA-376 Part 1, 18.3.1): sheetPr's
// pageSetUpPr fitToPage goes first in <worksheet>; pageMargins, pageSetup and headerFooter go after
// sheetData / autoFilter and before drawing / tableParts. Print titles are a workbook defined name
// (_xlnm.Print_Titles), returned as its formula for the caller to add to workbook.xml.
import type { PrintSetup } from '../../engine/summary/printSetup';

/** ST_PaperSize 9 is A4. */
const PAPER_SIZE = { A4: 9 } as const;

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function printSheetPr(setup: PrintSetup): string {
  return setup.fitToWidth > 0 || setup.fitToHeight > 0 ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
}

export function printTail(setup: PrintSetup): string {
  return (
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${PAPER_SIZE[setup.paper]}" orientation="${setup.orientation}" fitToWidth="${setup.fitToWidth}" fitToHeight="${setup.fitToHeight}"/>` +
    `<headerFooter><oddFooter>${escape(`&C${setup.centerFooter}`)}</oddFooter></headerFooter>`
  );
}

/** The _xlnm.Print_Titles formula for a sheet: 'Sheet name'!$4:$4. */
export function printTitlesFormula(setup: PrintSetup, sheetName: string): string | null {
  if (!setup.titleRows) return null;
  return `'${sheetName.replace(/'/g, "''")}'!$${setup.titleRows.first}:$${setup.titleRows.last}`;
}
