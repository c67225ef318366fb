// Drawing blocks the invoice and the report share, on top of the training documents' PDF helpers
// (same fonts, colours and margins): a table with right-aligned figures whose header repeats on each
// new page, and horizontal bar charts drawn as vector shapes.
import { colors, winAnsi, type Pdf } from '../documents/pdf';

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

export interface TableOptions {
  fontSize?: number;
  /** Rows in bold (totals), by index. */
  boldRows?: Set<number>;
}

function bottom(doc: Pdf): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** A table; a row that does not fit goes to a new page, under the header again. */
export function gridTable(doc: Pdf, columns: Column[], rows: string[][], opts: TableOptions = {}): void {
  const left = doc.page.margins.left;
  const size = opts.fontSize ?? 9;
  const width = columns.reduce((s, c) => s + c.width, 0);
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(winAnsi(c), { width: columns[i]!.width - 6 }))) + 6;
  };
  const drawRow = (cells: string[], kind: 'header' | 'bold' | 'plain') => {
    const bold = kind !== 'plain';
    const h = rowHeight(cells, bold);
    const y = doc.y;
    if (kind === 'header') doc.rect(left, y, width, h).fillColor('#eef2f5').fill();
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    cells.forEach((c, i) => {
      const col = columns[i]!;
      doc.fillColor(kind === 'header' ? colors.muted : colors.ink).text(winAnsi(c), x + 3, y + 3, { width: col.width - 6, align: col.align ?? 'left' });
      x += col.width;
    });
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.5).strokeColor(colors.rule).stroke();
    doc.y = y + h;
  };
  const header = columns.map((c) => c.title);
  if (doc.y + rowHeight(header, true) + rowHeight(rows[0] ?? header, false) > bottom(doc)) doc.addPage();
  drawRow(header, 'header');
  rows.forEach((r, i) => {
    const bold = opts.boldRows?.has(i) ?? false;
    if (doc.y + rowHeight(r, bold) > bottom(doc)) {
      doc.addPage();
      drawRow(header, 'header');
    }
    drawRow(r, bold ? 'bold' : 'plain');
  });
  doc.x = left;
  doc.y += 6;
}

export interface Bar {
  label: string;
  value: number;
  /** The figure written at the end of the bar. */
  text: string;
}

/** Horizontal bars, one per row, scaled to the largest value; a title above. */
export function barChart(doc: Pdf, title: string, bars: Bar[], colour: string = colors.accent): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 150;
  const textWidth = 80;
  const barArea = width - labelWidth - textWidth - 10;
  const rowH = 16;
  const needed = 22 + Math.max(1, bars.length) * rowH + 8;
  if (doc.y + needed > bottom(doc)) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(10).fillColor(colors.ink).text(winAnsi(title), left, doc.y);
  doc.y += 4;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const top = doc.y;
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    doc.font('Helvetica').fontSize(8).fillColor(colors.muted).text(winAnsi(b.label), left, y + 3, { width: labelWidth - 6, height: rowH, ellipsis: true, lineBreak: false });
    const w = max > 0 ? Math.max(b.value > 0 ? 1 : 0, (b.value / max) * barArea) : 0;
    doc.rect(left + labelWidth, y + 2, barArea, rowH - 4).fillColor('#f1f4f6').fill();
    if (w > 0) doc.rect(left + labelWidth, y + 2, w, rowH - 4).fillColor(colour).fill();
    doc.font('Helvetica').fontSize(8).fillColor(colors.ink).text(winAnsi(b.text), left + labelWidth + barArea + 6, y + 3, { width: textWidth, lineBreak: false });
  });
  doc.x = left;
  doc.y = top + Math.max(1, bars.length) * rowH + 10;
}

/** Vertical columns side by side (months), scaled to the largest value, the figure above each. */
export function columnChart(doc: Pdf, title: string, bars: Bar[], colour: string = colors.accent): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const chartH = 110;
  const needed = 22 + chartH + 30;
  if (doc.y + needed > bottom(doc)) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(10).fillColor(colors.ink).text(winAnsi(title), left, doc.y);
  doc.y += 14;
  const top = doc.y;
  const base = top + chartH;
  const n = Math.max(1, bars.length);
  const slot = width / n;
  const barW = Math.min(40, slot * 0.7);
  const max = Math.max(0, ...bars.map((b) => b.value));
  doc.moveTo(left, base).lineTo(left + width, base).lineWidth(0.7).strokeColor(colors.rule).stroke();
  bars.forEach((b, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    const h = max > 0 ? Math.max(b.value > 0 ? 1 : 0, (b.value / max) * (chartH - 14)) : 0;
    if (h > 0) doc.rect(x, base - h, barW, h).fillColor(colour).fill();
    const size = n > 18 ? 5 : n > 12 ? 6 : 7;
    doc.font('Helvetica').fontSize(size).fillColor(colors.ink).text(winAnsi(b.text), left + i * slot, base - h - size - 3, { width: slot, align: 'center', lineBreak: false });
    doc.fillColor(colors.muted).text(winAnsi(b.label), left + i * slot, base + 3, { width: slot, align: 'center', lineBreak: false });
  });
  doc.x = left;
  doc.y = base + 22;
}

/** A line at the foot of this page and of every page added after it (the margin is lifted while it is written). */
export function footerOnEveryPage(doc: Pdf, text: (page: number) => string): void {
  let page = 1;
  const write = () => {
    const bottomMargin = doc.page.margins.bottom;
    const { x, y } = doc;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7.5).fillColor(colors.muted);
    doc.text(winAnsi(text(page)), doc.page.margins.left, doc.page.height - 36, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
    doc.x = x;
    doc.y = y;
  };
  doc.on('pageAdded', () => {
    page += 1;
    write();
  });
  write();
}
