// Writing PDFs with pdfkit's built-in Helvetica: no font file to ship, and its WinAnsi encoding has
// every French letter (é, è, à, ç, œ, «, », €). What it lacks is replaced before writing, never dropped.
import PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

const winAnsiExtras = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const replacements: Record<string, string> = {
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2011': '-',
  '\u2010': '-',
  '\u2212': '-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2082': '2',
  '\u2083': '3',
  '\u2713': 'oui',
  '\u2717': 'non',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
};

/** The text as the standard fonts can show it: unknown characters become their base letter, or "?". */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.includes(ch)) {
      out += ch;
    } else if (replacements[ch] !== undefined) {
      out += replacements[ch];
    } else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...base].every((c) => c.codePointAt(0)! <= 0xff) && base !== '' ? base : '?';
    }
  }
  return out;
}

/** Builds an A4 PDF and returns its bytes. `createdAt` is written as the creation date (same input, same file). */
export function renderPdf(meta: { title: string; createdAt: Date }, build: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: winAnsi(meta.title), Producer: 'FabKiosk', Creator: 'FabKiosk', CreationDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  build(doc);
  doc.end();
  return done;
}

export const colors = { ink: '#1d2733', muted: '#5b6673', accent: '#1f6f5c', rule: '#c9d1d9' };

export function heading(doc: Pdf, text: string, size = 20): void {
  doc.fillColor(colors.accent).font('Helvetica-Bold').fontSize(size).text(winAnsi(text));
  doc.moveDown(0.4).fillColor(colors.ink);
}

export function rule(doc: Pdf): void {
  const y = doc.y + 4;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.7).strokeColor(colors.rule).stroke();
  doc.y = y + 10;
}

/** "Label : value" lines, labels in bold, aligned. */
export function fields(doc: Pdf, rows: [string, string][], labelWidth = 170): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).fillColor(colors.muted).text(winAnsi(label), left, y, { width: labelWidth });
    const afterLabel = doc.y;
    doc.font('Helvetica').fillColor(colors.ink).text(winAnsi(value), left + labelWidth, y, { width: width - labelWidth });
    doc.y = Math.max(afterLabel, doc.y) + 4;
  }
  doc.x = left;
}

/** A table whose rows grow with their longest cell and move to a new page when full. */
export function table(doc: Pdf, columns: { title: string; width: number }[], rows: string[][]): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    const heights = cells.map((c, i) => doc.heightOfString(winAnsi(c), { width: columns[i]!.width - 6 }));
    const h = Math.max(...heights) + 8;
    if (doc.y + h > bottom()) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.fillColor(bold ? colors.muted : colors.ink).text(winAnsi(c), x + 3, y + 4, { width: columns[i]!.width - 6 });
      x += columns[i]!.width;
    });
    doc.moveTo(left, y + h).lineTo(x, y + h).lineWidth(0.5).strokeColor(colors.rule).stroke();
    doc.y = y + h;
  };
  drawRow(columns.map((c) => c.title), true);
  for (const r of rows) drawRow(r, false);
  doc.x = left;
  doc.moveDown(0.5);
}
