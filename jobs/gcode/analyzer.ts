// The G-code engine: one streaming, byte-level pass over chunks of a file.
//
// push(chunk) scans complete lines in place in the chunk (no string per line, no regex per word, no
// object per move); only the partial line at the end of a chunk is copied into a small reusable carry
// buffer. Each line's words are parsed by hand into a fixed Float64Array slot per letter plus short
// lists of G and M codes, then executed against numeric modal state (interpreter.ts), whose moves
// (motion.ts) feed the motion planner (planner.ts) and, on request, the toolpath builder (toolpath.ts).
// Memory for the analysis is constant whatever the file size; the toolpath grows with the number of
// segments, up to a cap. No Node API: runs in a browser Web Worker on chunks of a File as well.
//
// The engine is one class built in layers — Motion (moves) ← ArcMotion (arcs) ← Interpreter
// (commands) ← GcodeAnalyzer (bytes) — so that V8 sees a single shape for `this` on every hot path.

import type { FindingParams } from './findings';
import { Interpreter } from './interpreter';
import { EV_FEATURE, EV_HEIGHT, EV_LASER_GENERATOR, EV_LAYER, EV_Z, SlicerMarkers } from './markers';
import { buildAnalysis } from './result';
import type { Analysis, AnalyzeOptions, Analyzer } from './types';
import * as words from './words';
import { parseNumber } from './words';

export type { AnalyzeOptions, Analysis, Analyzer, Bounds, FeatureStats, RelativeOrigin, SlicerInfo, Vec3 } from './types';
export { parseDuration } from './markers';
export { plannerSettings } from './machine';

export function createAnalyzer(opts: AnalyzeOptions = {}): Analyzer {
  return new GcodeAnalyzer(opts);
}

// Module-local copies of the shared constants: V8 folds a module's own `const` into the optimised code
// but reloads an imported binding on every use (Node 20: a tight loop ran 1.4× slower on imported ones).
const { B_ARC, B_AXES, B_F, B_S, NUM_LIMIT, POW10 } = words;

const BAD_BINARY = 1;
const BAD_TOKEN = 2;
const BAD_NUMBER = 4;

const DEFAULT_MAX_LINE = 65536;

/** No CR seen yet. */
const CR_UNKNOWN = 0;
/** LF or CRLF lines: a CR is a blank. */
const CR_BLANK = 1;
/** Lines end with a lone CR. */
const CR_LINE_END = 2;
const CR_BYTE = Uint8Array.of(13);
const LF_BYTE = Uint8Array.of(10);

/**
 * An idle analyzer built like the last one that finished, kept so that the engine's hidden classes
 * outlive the analyses. V8 keeps a hidden class only while some object has it (the transitions that
 * lead to it are weak): once the last analyzer of a process is garbage, the next one gets new classes,
 * and all the code optimised for the old ones is thrown away ("weak objects"), so every analysis after
 * a collection started again in the interpreter (the bench's 20 MB analyses ran at half speed). It
 * holds no input, result or toolpath, and its buffers are minimal: a few KB.
 */
const keeper: { analyzer: GcodeAnalyzer | null } = { analyzer: null };

class GcodeAnalyzer extends Interpreter implements Analyzer {
  /** The options, for the keeper. */
  declare private readonly opts: AnalyzeOptions;
  declare private readonly maxLine: number;
  declare private readonly maxBytes: number;
  private readonly markers = new SlicerMarkers();

  // --- stream state
  bytes = 0;
  private stopped = false;
  private limitHit = false;
  declare private readonly carry: Uint8Array;
  private carryLen = 0;
  private carryOver = false;
  private carryTotal = 0;
  private result: Analysis | null = null;
  declare private readonly inputBytes: number;
  /** How CRs read (CR_*), whether a CR ended the last chunk, and the copy CR-only lines are made in. */
  private crMode = CR_UNKNOWN;
  private crHeld = false;
  private crCopy: Uint8Array | null = null;
  private badLetter = 0;
  /** BAD_* flags from the last symbol(). */
  private symBad = 0;

  constructor(opts: AnalyzeOptions) {
    super(opts);
    this.opts = opts;
    this.maxLine = opts.maxLineBytes && opts.maxLineBytes > 0 ? Math.floor(opts.maxLineBytes) : DEFAULT_MAX_LINE;
    this.maxBytes = opts.maxBytes && opts.maxBytes > 0 ? opts.maxBytes : Infinity;
    this.carry = new Uint8Array(this.maxLine + 1);
    this.inputBytes = opts.inputBytes && opts.inputBytes > 0 ? opts.inputBytes : 0;
  }

  get plannedS(): number {
    return this.planner.timeS;
  }

  // ------------------------------------------------------------------ streaming

  push(chunk: Uint8Array): boolean {
    if (this.stopped || this.result) return false;
    // A plain Uint8Array view (not a Buffer subclass) keeps the byte loop monomorphic.
    chunk = chunk instanceof Uint8Array && chunk.constructor === Uint8Array ? chunk : toBytes(chunk);
    let len = chunk.length;
    if (len === 0) return true;
    if (this.bytes + len > this.maxBytes) {
      len = Math.max(0, Math.floor(this.maxBytes - this.bytes));
      chunk = chunk.subarray(0, len);
      this.limitHit = true;
    }
    this.bytes += len;
    this.consume(this.crMode === CR_BLANK ? chunk : this.crLines(chunk));
    if (this.limitHit) {
      // The partial line at the limit is not executed.
      this.carryLen = 0;
      this.carryOver = false;
      this.crHeld = false;
      this.stopped = true;
      this.sink.add('file_too_large', 'error', this.lineNo, { limit: this.maxBytes });
      return false;
    }
    if (this.tp !== null && this.inputBytes > 0) this.tp.project(this.bytes, this.inputBytes);
    return true;
  }

  /** Complete lines are scanned in place; the partial line at the end waits in the carry. */
  private consume(chunk: Uint8Array): void {
    const len = chunk.length;
    let start = 0;
    if (this.carryLen > 0 || this.carryOver) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.appendCarry(chunk, 0, len);
        start = len;
      } else {
        this.appendCarry(chunk, 0, nl);
        this.flushCarry();
        start = nl + 1;
      }
    }
    if (start < len) {
      const last = chunk.lastIndexOf(10);
      if (last >= start) {
        this.scan(chunk, start, last + 1);
        start = last + 1;
      }
      if (start < len) this.appendCarry(chunk, start, len);
    }
  }

  /**
   * Line ends other than LF. The first line end decides: an LF or a CRLF, and a CR is a blank from
   * then on (the byte loop skips it); a lone CR (classic Mac OS, some CAM exports), and from then on
   * each CR not followed by LF becomes an LF, in a copy. A CR that ends a chunk waits for the next
   * byte, so that where the input is cut never matters.
   */
  private crLines(chunk: Uint8Array): Uint8Array {
    if (chunk.length === 0) return chunk;
    if (this.crHeld) {
      this.crHeld = false;
      const next = chunk[0];
      if (this.crMode === CR_UNKNOWN) this.crMode = next === 10 ? CR_BLANK : CR_LINE_END;
      this.consume(next === 10 ? CR_BYTE : LF_BYTE);
    }
    const n = chunk.length;
    let p: number;
    if (this.crMode === CR_UNKNOWN) {
      // Only the first line end decides: no need to look through a whole LF file for a CR.
      const lf = chunk.indexOf(10);
      p = (lf < 0 ? chunk : chunk.subarray(0, lf)).indexOf(13);
      if (p < 0) {
        if (lf >= 0) this.crMode = CR_BLANK;
        return chunk;
      }
      if (p === n - 1) {
        this.crHeld = true;
        return chunk.subarray(0, p);
      }
      if (chunk[p + 1] === 10) {
        this.crMode = CR_BLANK;
        return chunk;
      }
      this.crMode = CR_LINE_END;
    } else {
      p = chunk.indexOf(13);
      if (p < 0) return chunk;
    }
    let out = this.crCopy;
    if (out === null || out.length < n) out = this.crCopy = new Uint8Array(Math.max(n, 1 << 16));
    out.set(chunk);
    let end = n;
    for (; p >= 0; p = chunk.indexOf(13, p + 1)) {
      if (p === n - 1) {
        this.crHeld = true;
        end = p;
        break;
      }
      if (chunk[p + 1] !== 10) out[p] = 10;
    }
    return out.subarray(0, end);
  }

  private appendCarry(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.carryOver) {
      this.carryTotal += n;
      return;
    }
    if (this.carryLen + n > this.maxLine) {
      this.carryOver = true;
      this.carryTotal = this.carryLen + n;
      return;
    }
    this.carry.set(src.subarray(from, to), this.carryLen);
    this.carryLen += n;
  }

  private flushCarry(): void {
    if (this.carryOver) {
      this.lineNo++;
      this.tooLong(this.carryTotal);
    } else {
      this.carry[this.carryLen] = 10;
      this.scan(this.carry, 0, this.carryLen + 1);
    }
    this.carryLen = 0;
    this.carryOver = false;
    this.carryTotal = 0;
  }

  private tooLong(length: number): void {
    this.sink.add('line_too_long', 'error', this.lineNo, { length, limit: this.maxLine });
  }

  // ------------------------------------------------------------------ the byte loop

  /** Scan complete lines in buf[pos, end); buf[end − 1] is '\n'. */
  private scan(buf: Uint8Array, pos: number, end: number): void {
    const vals = this.vals;
    const gl = this.gList;
    const ml = this.mList;
    while (pos < end) {
      const ls = pos;
      const line = ++this.lineNo;
      let i = pos;
      let c = buf[i]!;
      let mask = 0;
      let noNum = 0;
      let nG = 0;
      let nM = 0;
      let bad = 0;
      if (line === 1 && c === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) {
        i += 3;
        c = buf[i]!;
      }
      // "G1 " and "G0 " start nearly every line: their word without the number parser.
      if (c === 71) {
        const d = buf[i + 1]! - 48;
        if (d >>> 0 <= 1 && buf[i + 2] === 32) {
          gl[0] = d;
          nG = 1;
          i += 3;
          c = buf[i]!;
        }
      }
      for (;;) {
        const k = (c | 0x20) - 97;
        if (k >>> 0 <= 25) {
          // A word: letter, optional blanks, number (sign, digits, point, digits; no exponent in G-code:
          // "X1E5" is X1 and E5). The digits accumulate in one integer m, divided once by 10^fraction
          // digits: m and 10^k are exact below 2^53 and 10^22, so the quotient is parseFloat's result.
          c = buf[++i]!;
          if (c === 32 || c === 9) do c = buf[++i]!;
          while (c === 32 || c === 9);
          let neg = false;
          if (c === 45) {
            neg = true;
            c = buf[++i]!;
          } else if (c === 43) c = buf[++i]!;
          // Up to 9 digits the mantissa is an int32 (no overflow check per digit) and the value is
          // within NUM_LIMIT: nothing branches on the quotient, so the division overlaps with the
          // next word's bytes. Longer numbers are summed again in doubles, in the same order.
          // The first three digits of each part are unrolled: V8 re-checks the buffer's map and
          // reloads its length on every turn of a loop (after the loop's interrupt check), which
          // costs more than the digit itself; coordinates rarely have more than three.
          let m = 0;
          const st = i;
          let d = c - 48;
          if (d >>> 0 <= 9) {
            m = d;
            d = buf[++i]! - 48;
            if (d >>> 0 <= 9) {
              m = (m * 10 + d) | 0;
              d = buf[++i]! - 48;
              if (d >>> 0 <= 9) {
                m = (m * 10 + d) | 0;
                d = buf[++i]! - 48;
                while (d >>> 0 <= 9) {
                  m = (m * 10 + d) | 0;
                  d = buf[++i]! - 48;
                }
              }
            }
          }
          let v: number;
          let wide = false;
          if (d === -2) {
            const fs = ++i;
            d = buf[i]! - 48;
            if (d >>> 0 <= 9) {
              m = (m * 10 + d) | 0;
              d = buf[++i]! - 48;
              if (d >>> 0 <= 9) {
                m = (m * 10 + d) | 0;
                d = buf[++i]! - 48;
                if (d >>> 0 <= 9) {
                  m = (m * 10 + d) | 0;
                  d = buf[++i]! - 48;
                  while (d >>> 0 <= 9) {
                    m = (m * 10 + d) | 0;
                    d = buf[++i]! - 48;
                  }
                }
              }
            }
            const fd = i - fs;
            if (fd === 0 && fs - 1 === st) {
              c = d + 48;
              noNum |= 1 << k;
              continue;
            }
            if (i - st <= 10) v = m / POW10[fd]!;
            else {
              wide = true;
              v = wideMantissa(buf, st, i);
              v = fd < 23 ? v / POW10[fd]! : v / Math.pow(10, fd);
            }
          } else {
            if (i === st) {
              c = d + 48;
              noNum |= 1 << k;
              continue;
            }
            if (i - st <= 9) v = m;
            else {
              wide = true;
              v = wideMantissa(buf, st, i);
            }
          }
          c = d + 48;
          if (neg) v = -v;
          if (wide && !(v < NUM_LIMIT && v > -NUM_LIMIT)) {
            bad |= BAD_NUMBER;
            this.badLetter = k + 97;
            continue;
          }
          if (k === 6) {
            if (nG < 8) gl[nG++] = v;
          } else if (k === 12) {
            if (nM < 4) ml[nM++] = v;
            // Commands whose argument is free text: the rest of the line is not words.
            if (v === 117 || v === 118 || v === 23 || v === 28 || v === 30 || v === 32 || v === 33 || v === 928) {
              i = buf.indexOf(10, i);
              c = 10;
              break;
            }
          } else {
            vals[k] = v;
            mask |= 1 << k;
          }
          // The usual single blank between words, without another turn of the loop.
          if (c === 32) c = buf[++i]!;
          continue;
        }
        if (c === 10) break;
        if (c === 32 || c === 9 || c === 13) {
          c = buf[++i]!;
          continue;
        }
        // Anything else (comments, checksums, strings, `$` lines, binary, stray punctuation) is rare:
        // handled out of line, which keeps this loop's variables in registers.
        i = this.symbol(buf, i, ls, line, (mask | nG | nM) === 0);
        bad |= this.symBad;
        c = buf[i]!;
      }
      pos = i + 1;
      if (i - ls > this.maxLine) {
        this.tooLong(i - ls);
        continue;
      }
      if (bad !== 0) {
        if (bad & BAD_BINARY) {
          this.binary(buf, ls, line);
          continue;
        }
        if (bad & BAD_NUMBER) this.badNumber(String.fromCharCode(this.badLetter & ~0x20), line);
        if (bad & BAD_TOKEN) this.badToken(mask, noNum, nG, line);
        noNum = 0; // reported
      }
      if ((mask | nG | nM) !== 0) this.exec(mask, noNum, nG, nM, line);
    }
  }

  /**
   * A byte that is neither a word nor a blank at buf[i]: returns where the line goes on (the '\n'
   * when the rest of the line is consumed). Handlers with side effects look at the line's length
   * first: a line over the limit is skipped whole, as when it arrives split across chunks.
   */
  private symbol(buf: Uint8Array, i: number, ls: number, line: number, noWords: boolean): number {
    const c = buf[i]!;
    this.symBad = 0;
    if (c === 59) {
      const e = buf.indexOf(10, i + 1);
      if (e - ls <= this.maxLine) this.comment(buf, i + 1, e, line);
      return e;
    }
    if (c === 40) {
      let j = i + 1;
      while (buf[j] !== 41 && buf[j] !== 10) j++;
      if (line <= 60 && buf.indexOf(10, j) - ls <= this.maxLine) this.markerEvents(this.markers.headerText(buf, i + 1, j));
      return buf[j] === 10 ? j : j + 1;
    }
    if (c === 42) {
      // '*' checksum: XOR of every byte before it.
      const e = buf.indexOf(10, i);
      if (e - ls <= this.maxLine) this.checksum(buf, ls, i, line);
      return e;
    }
    if (c === 34) {
      // Quoted string argument (Prusa M862.3 P "MINI").
      let j = i + 1;
      while (buf[j] !== 34 && buf[j] !== 10) j++;
      return buf[j] === 10 ? j : j + 1;
    }
    if (c === 36 && noWords) {
      // Grbl system command ($H, $X, $32=1 …).
      const e = buf.indexOf(10, i);
      if (e - ls <= this.maxLine) this.system(buf, i + 1, e, line);
      return e;
    }
    if (c < 32 || c === 127) {
      if (c !== 11 && c !== 12) this.symBad = BAD_BINARY;
      return i + 1;
    }
    // '%' program delimiter, '/' block delete.
    if (c === 37 || c === 47) return i + 1;
    // Anything else (an unresolved {placeholder}, stray punctuation, non-ASCII): skip the token.
    this.symBad = BAD_TOKEN;
    let d: number;
    do d = buf[++i]!;
    while (d !== 32 && d !== 9 && d !== 10 && d !== 59 && d !== 13 && d !== 40);
    return i;
  }

  private binary(buf: Uint8Array, ls: number, line: number): void {
    const params: FindingParams = {};
    if (line === 1 && buf[ls] === 71 && buf[ls + 1] === 67 && buf[ls + 2] === 68 && buf[ls + 3] === 69) params.format = 'bgcode';
    this.sink.add('binary_data', 'error', line, params);
  }

  private badToken(mask: number, noNum: number, nG: number, line: number): void {
    // A letter left without its number by the bad token (G1 Y{machine_depth}) is what matters.
    const axes = noNum & ~mask & (B_AXES | B_F | B_S | B_ARC);
    if (axes !== 0) {
      const k = 31 - Math.clz32(axes & -axes);
      this.badNumber(String.fromCharCode(65 + k), line);
    } else if (nG !== 0 || mask !== 0) this.sink.add('bad_number', 'warning', line, { word: '?' }, '?');
  }

  private checksum(buf: Uint8Array, ls: number, star: number, line: number): void {
    let x = 0;
    for (let k = ls; k < star; k++) x ^= buf[k]!;
    const v = parseNumber(buf, star + 1, buf.indexOf(10, star));
    if (v !== x) this.sink.add('bad_checksum', 'warning', line);
  }

  // ------------------------------------------------------------------ comments

  private comment(buf: Uint8Array, s: number, e: number, line: number): void {
    const ev = this.markers.comment(buf, s, e, line);
    if (ev !== 0) this.markerEvents(ev);
  }

  private markerEvents(ev: number): void {
    const mk = this.markers;
    if (ev & EV_LAYER) this.layerMarker();
    if (ev & EV_Z) this.pendingZ = mk.z;
    if (ev & EV_HEIGHT) this.pendingHeight = mk.height;
    if (ev & EV_FEATURE) this.feature = mk.feature;
    if (ev & EV_LASER_GENERATOR && this.machine === null && this.extruded === 0) this.grblish = 1;
  }

  // ------------------------------------------------------------------ result

  finish(): Analysis {
    if (this.result) return this.result;
    if (!this.stopped && this.crHeld) {
      this.crHeld = false;
      this.consume(this.crMode === CR_LINE_END ? LF_BYTE : CR_BYTE);
    }
    if (!this.stopped && (this.carryLen > 0 || this.carryOver)) this.flushCarry();
    const planner = this.planner.results();
    const sink = this.sink;
    const checks = this.checks;
    const rel = this.relOrigin;
    if (rel !== null) {
      rel.axes = (this.relAxes & 1 ? 'x' : '') + (this.relAxes & 2 ? 'y' : '') + (this.relAxes & 4 ? 'z' : '');
      checks.relativeOrigin(rel.command, rel.axes, rel.line);
    }
    checks.reportArea(
      {
        wMin: [this.wMinX, this.wMinY, this.wMinZ],
        wMax: [this.wMaxX, this.wMaxY, this.wMaxZ],
        tMin: [this.tMinX, this.tMinY, this.tMinZ],
        tMax: [this.tMaxX, this.tMaxY, this.tMaxZ],
      },
      this.relAxes,
    );
    if (this.anyMove === 0) sink.add('empty_file', 'error', 0);
    checks.noHoming(this.noHomingLine);
    if (!this.limitHit && this.anyMove !== 0) {
      const m = this.machine;
      let reason: string | null = null;
      if (this.markers.footerMissing()) reason = 'missing_footer';
      else if (this.spindle !== 5 && this.spindleS > 0 && this.laserOnMm > 0) reason = 'laser_on_at_end';
      else if (this.extruded !== 0 && this.nozzleTarget > 0 && (m === null || m.kind === 'fdm')) reason = 'heater_on_at_end';
      if (reason !== null) sink.add('truncated', 'warning', this.lineNo, { reason });
    }
    const stats = this.commandStats();
    const res = buildAnalysis({
      lines: this.lineNo,
      bytes: this.bytes,
      layerIndex: this.layerIndex,
      firstH: this.firstH,
      minH: this.minH,
      maxH: this.maxH,
      work: [this.wMinX, this.wMinY, this.wMinZ, this.wMaxX, this.wMaxY, this.wMaxZ],
      travel: [this.tMinX, this.tMinY, this.tMinZ, this.tMaxX, this.tMaxY, this.tMaxZ],
      planner,
      filamentMm: this.eUsed,
      filamentArea: this.filamentArea,
      density: this.density,
      laserOnMm: this.laserOnMm,
      workMm: this.workMm,
      travelMm: this.travelMm,
      moves: this.moves,
      arcs: this.arcs,
      featMoves: this.featMoves,
      featMm: this.featMm,
      toolMask: stats.toolMask,
      maxNozzle: stats.maxNozzle,
      maxBed: stats.maxBed,
      maxSpindle: stats.maxSpindle,
      homed: this.homed !== 0,
      unitsSeen: this.unitsSeen,
      extruded: this.extruded !== 0,
      sawSpindleWork: this.sawSpindleWork !== 0,
      sawZWork: this.sawZWork !== 0,
      slicer: this.markers.info(),
      machine: this.machine,
      relativeOrigin: rel === null ? null : { ...rel },
      findings: sink.list(),
      toolpath: this.tp !== null ? this.tp.finish() : null,
    });
    this.result = res;
    // Same options, so the same hidden classes (a toolpath builder too), but minimal buffers.
    keeper.analyzer = new GcodeAnalyzer({ ...this.opts, planner: undefined, maxLineBytes: 1, maxToolpathSegments: 1, toolpathSizeHint: 0, inputBytes: 0 });
    return res;
  }
}

/** The digits of buf[s, e) (a '.' skipped) as a double mantissa, for numbers past int32. */
function wideMantissa(buf: Uint8Array, s: number, e: number): number {
  let m = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 48;
    if (d >>> 0 <= 9) m = m * 10 + d;
  }
  return m;
}

function toBytes(chunk: unknown): Uint8Array {
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return new Uint8Array(0);
}
