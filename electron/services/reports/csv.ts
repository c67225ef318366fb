// CSV that French spreadsheet software (LibreOffice Calc, Excel in French) opens cleanly with a double
// click: UTF-8 with a byte order mark (else Excel reads Latin-1), ";" between fields (the comma is the
// decimal sign), decimal commas, CRLF line ends, dates dd/mm/yyyy, and fields quoted when they hold a
// separator, a quote, a line break or edge spaces. A text that starts like a formula (=, +, -, @) is
// prefixed with an apostrophe so that no spreadsheet runs it (CSV injection).
export type Cell =
  | string
  | null
  | { money: number }
  | { number: number; digits?: number }
  | { day: string }
  | { month: string };

export const bom = '\uFEFF';
const separator = ';';
const eol = '\r\n';

/** Integer cents as "1234,50" / "-0,05": exact, no float rounding, no thousands separator. */
export function moneyText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** "12,5", "-3", "0,333": at most `digits` decimals, trailing zeros dropped. */
export function numberText(value: number, digits = 3): string {
  const fixed = value.toFixed(digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return (trimmed === '-0' ? '0' : trimmed).replace('.', ',');
}

/** YYYY-MM-DD as dd/mm/yyyy. */
export function dayText(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

function text(cell: Cell): { value: string; isText: boolean } {
  if (cell === null) return { value: '', isText: false };
  if (typeof cell === 'string') return { value: cell, isText: true };
  if ('money' in cell) return { value: moneyText(cell.money), isText: false };
  if ('number' in cell) return { value: numberText(cell.number, cell.digits), isText: false };
  if ('month' in cell) return { value: `${cell.month.slice(5, 7)}/${cell.month.slice(0, 4)}`, isText: false };
  return { value: dayText(cell.day), isText: false };
}

export function csvField(cell: Cell): string {
  const { value, isText } = text(cell);
  const safe = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: BOM, rows separated by CRLF (a last CRLF too). */
export function toCsv(rows: Cell[][]): string {
  return bom + rows.map((r) => r.map(csvField).join(separator)).join(eol) + eol;
}

/**
 * Reads such a file back (RFC 4180 with ";"): quoted fields may hold separators, doubled quotes and
 * line breaks. The BOM is dropped; values are returned as written (no number parsing).
 */
export function parseCsv(input: string): string[][] {
  const s = input.startsWith(bom) ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && s[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** "1 234,50" or "1234,50" back to cents, for tests and imports. */
export function parseMoney(text: string): number {
  const m = /^(-?)(\d+),(\d{2})$/.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  if (!m) throw new Error(`not an amount: ${text}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
}
