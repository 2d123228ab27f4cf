// The report model as a Word document, with the docx package: A4 portrait, title centred, section
// headings as Word headings (so the navigation pane lists the projects), figures bold, placeholders
// highlighted so an officer cannot sign a report with one left in.
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { reportLines, type ReportLine } from '../engine/report/lines';
import type { ReportModel } from '../engine/report/types';

const FONT = { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', eastAsia: 'SimHei', hAnsi: 'Times New Roman' };
/** A4 in twentieths of a point, 2.54 cm margins. */
const A4 = { width: 11906, height: 16838, margin: 1440 };

function runsOf(line: ReportLine, font: typeof FONT, size: number): TextRun[] {
  return line.runs.map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.emphasis === 'bold' || line.kind !== 'body',
        highlight: r.emphasis === 'placeholder' ? 'yellow' : undefined,
        font,
        size,
      }),
  );
}

function paragraphOf(line: ReportLine): Paragraph {
  switch (line.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, heading: HeadingLevel.TITLE, children: runsOf(line, HEADING_FONT, 36) });
    case 'heading':
      return new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: runsOf(line, HEADING_FONT, 32) });
    case 'subheading':
      return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 120, after: 60 }, children: runsOf(line, HEADING_FONT, 28) });
    case 'label':
      return new Paragraph({ indent: { firstLine: 560 }, children: runsOf(line, FONT, 28) });
    default:
      return new Paragraph({ indent: { firstLine: 560 }, spacing: { line: 360 }, alignment: AlignmentType.JUSTIFIED, children: runsOf(line, FONT, 28) });
  }
}

function pageFooter(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] });
}

function documentOf(paragraphs: Paragraph[], title: string): Document {
  return new Document({
    title,
    creator: 'budget-performance-addin',
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin } } },
        footers: { default: pageFooter() },
        children: paragraphs,
      },
    ],
  });
}

export function reportDocument(model: ReportModel): Document {
  return documentOf(reportLines(model).map(paragraphOf), model.title);
}

/** Plain paragraphs, one per line (a report as an officer typed it, for samples and tests). */
export function linesDocument(lines: readonly string[], title = ''): Document {
  return documentOf(
    lines.map((text) => new Paragraph({ children: [new TextRun({ text, font: FONT })] })),
    title,
  );
}

export async function documentBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The document as a Blob, in the browser (the pane's download). */
export function documentBlob(doc: Document): Promise<Blob> {
  return Packer.toBlob(doc);
}
