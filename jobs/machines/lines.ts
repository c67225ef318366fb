// Splits a firmware's byte stream into lines. Firmware speaks ASCII; a corrupted byte stays a byte
// (latin1), never a decoding error, and a runaway line without newline is cut at a bound.
export class LineSplitter {
  private partial = '';

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLine = 4096,
  ) {}

  push(chunk: Uint8Array): void {
    let text = this.partial + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (i > start) this.onLine(text.slice(start, i));
        start = i + 1;
      }
    }
    text = text.slice(start);
    if (text.length > this.maxLine) {
      this.onLine(text);
      text = '';
    }
    this.partial = text;
  }

  reset(): void {
    this.partial = '';
  }
}

/** What is sent of a G-code line: no comment, no surrounding space; empty when nothing is left. */
export function cleanLine(raw: string): string {
  let out = raw;
  const semi = out.indexOf(';');
  if (semi >= 0) out = out.slice(0, semi);
  if (out.includes('(')) out = out.replace(/\([^)]*\)/g, '');
  return out.trim();
}
