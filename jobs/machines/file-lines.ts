// The lines of a job file as the runner streams them: read in chunks from a byte offset, numbered as in
// the file (1-based, the numbers the analysis and the maker see), stripped of comments, empty ones skipped.
import { createReadStream } from 'node:fs';
import { cleanLine } from './lines';

export interface JobLine {
  /** 1-based line number in the file. */
  line: number;
  /** What is sent: no comment, no surrounding space. Empty on a comment-only line (kept for its marker). */
  text: string;
  /** Byte offset just past this line's newline: where a resume after it would start reading. */
  byteEnd: number;
  /** The comment the raw line held, if any (slicers put layer markers there). */
  comment: string | null;
}

/** Longest line the runner sends; longer ones are reported and skipped, never sent cut. */
export const MAX_JOB_LINE_BYTES = 256;

export interface LineCursor {
  /** Byte offset of the start of a line. */
  byte: number;
  /** Number of the line that starts there. */
  line: number;
}

export const START: LineCursor = { byte: 0, line: 1 };

/**
 * Yields the file's sendable lines from `from`. Lines longer than MAX_JOB_LINE_BYTES are not
 * yielded: `onTooLong` hears of them (the analysis has already refused such files; this is the guard).
 */
export async function* readJobLines(
  path: string,
  from: LineCursor = START,
  onTooLong?: (line: number) => void,
): AsyncGenerator<JobLine> {
  const stream = createReadStream(path, { start: from.byte, highWaterMark: 64 * 1024 });
  let lineNo = from.line;
  // File offset of buf[0].
  let base = from.byte;
  let carry: Buffer | null = null;
  let skipping = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(10, start);
        if (nl < 0) break;
        if (skipping) skipping = false;
        else {
          const out = toJobLine(buf, start, nl, lineNo, base + nl + 1, onTooLong);
          if (out) yield out;
        }
        start = nl + 1;
        lineNo++;
      }
      if (start < buf.length && !skipping && buf.length - start <= MAX_JOB_LINE_BYTES * 4) {
        carry = buf.subarray(start);
        base += start;
      } else {
        // A runaway line: drop what we hold of it and skip to its end.
        if (start < buf.length && !skipping) {
          onTooLong?.(lineNo);
          skipping = true;
        }
        carry = null;
        base += buf.length;
      }
    }
    if (carry && carry.length > 0 && !skipping) {
      const out = toJobLine(carry, 0, carry.length, lineNo, base + carry.length, onTooLong);
      if (out) yield out;
    }
  } finally {
    stream.destroy();
  }
}

function toJobLine(
  buf: Buffer,
  start: number,
  end: number,
  line: number,
  byteEnd: number,
  onTooLong?: (line: number) => void,
): JobLine | null {
  if (end - start > MAX_JOB_LINE_BYTES * 4) {
    onTooLong?.(line);
    return null;
  }
  const raw = buf.toString('latin1', start, end);
  const text = cleanLine(raw);
  if (text.length > MAX_JOB_LINE_BYTES) {
    onTooLong?.(line);
    return null;
  }
  const semi = raw.indexOf(';');
  const comment = semi >= 0 ? raw.slice(semi + 1).trim() : null;
  if (!text && comment === null) return null;
  return { line, text, byteEnd, comment };
}
