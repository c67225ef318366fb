// The engraving grid as Grbl 1.1 laser-mode G-code (body only: the caller wraps it in G21 G90 M4 … M5).
//
// Each line with something to burn: a G0 to its run-up point, a `G1 … S0` run-up of `overscanMm` (the
// head reaches the feed rate before the first dot), one G1 per run of cells of the same power, a `G1 … S0`
// run-out, then the next line, the other way round when bidirectional. Under M4 Grbl already scales the
// power with the actual speed, but darkness is not linear in power (and a CO₂ tube does not fire at all
// under a few %), so edges burned while accelerating come out pale: the run-up/out is laser off, and G1
// rather than G0 so the head leaves it exactly at the feed rate in a straight line. Grbl in laser mode
// ($32=1) changes S between moves without stopping, and joins G1 and G0 moves along one line at the lower
// of their speeds, so a G0 over a white gap hands the next dot over at the feed rate too. Empty lines
// are skipped; leading and trailing white is trimmed. Node-free.

import { RasterError } from './errors';
import type { Bounds2, GrayImage } from './image';
import { mm } from './numbers';
import { travelThresholdMm, type Grid, type RasterOptions } from './options';

export interface RasterStats {
  /** Scan lines burned (lines with nothing to burn are not counted: see `emptyLines`). */
  lines: number;
  emptyLines: number;
  /** Laser-on distance, mm (G1 with S > 0). */
  burnMm: number;
  /** G0 distance, mm (to each line's run-up point, and white gaps skipped); the first move is not counted. */
  travelMm: number;
  /** Laser-off G1 distance, mm (run-up/out and short white gaps crossed at the feed rate). */
  idleMm: number;
  /** White gaps inside a line crossed by G0. */
  skippedWhiteRuns: number;
  /** Run-ups shortened to stay inside `xLimitsMm`. */
  overscanClipped: number;
  /** Gap length from which a white gap becomes a G0, mm. */
  travelMinMm: number;
  /** Cells burned. */
  burnCells: number;
  gcodeLines: number;
  /** Size of the body with a newline per line. */
  gcodeBytes: number;
  cols: number;
  rows: number;
  pitchXMm: number;
  pitchYMm: number;
}

export interface RasterGcode {
  gcode: string[];
  /** The engraving's rectangle as placed (xMm, yMm) to (xMm + widthMm, yMm + heightMm). */
  bounds: Bounds2;
  /** Extent of the burning moves (line centres in Y); null when nothing burns. */
  burnBounds: Bounds2 | null;
  /** Extent of every move, run-ups included; null when nothing burns. */
  motionBounds: Bounds2 | null;
  stats: RasterStats;
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Per gray level, the S value it burns at (0 = off): 255 is white; the others map powerMax…powerMin. */
export function powerTable(opts: Pick<RasterOptions, 'powerMin' | 'powerMax' | 'maxS'>): Int32Array {
  const s = new Int32Array(256);
  for (let v = 0; v < 255; v++) {
    const power = opts.powerMin + ((opts.powerMax - opts.powerMin) * (255 - v)) / 255;
    s[v] = Math.max(0, Math.round((power / 100) * opts.maxS));
  }
  return s;
}

/**
 * G-code of a dithered (or grayscale) grid, one line per string, handed to `emit` as it is made (a
 * 2000 × 2000 photo is a few million lines: write them to a file without holding them all).
 */
export function writeRasterGcode(raster: GrayImage, grid: Grid, opts: RasterOptions, emit: (line: string) => void): Omit<RasterGcode, 'gcode'> {
  const { cols, rows } = grid;
  if (raster.width !== cols || raster.height !== rows || raster.data.length !== cols * rows) {
    // A preview prepared for other settings: refused rather than burned stretched.
    throw new RasterError('raster_invalid_option', { option: 'raster', value: `${raster.width}×${raster.height}` }, `raster of ${raster.width}×${raster.height} does not match the ${cols}×${rows} grid`);
  }
  const px = grid.pitchXMm;
  const py = grid.pitchYMm;
  const pix = raster.data;
  const sOf = powerTable(opts);
  const sWord: string[] = Array.from(sOf, (s) => `S${s}`);
  // Cell edges along X, formatted once: a move ends on one of them (or on a run-up point).
  const edgeX = new Float64Array(cols + 1);
  const edge: string[] = new Array<string>(cols + 1);
  for (let c = 0; c <= cols; c++) {
    edgeX[c] = r3(opts.xMm + c * px); // as written, so the statistics add up what the G-code says
    edge[c] = mm(edgeX[c]!);
  }
  const feed = `F${Math.round(opts.speedMmMin)}`;
  const travelMin = travelThresholdMm(opts);
  const over = opts.overscanMm;
  const lim = opts.xLimitsMm;

  const stats: RasterStats = {
    lines: 0,
    emptyLines: 0,
    burnMm: 0,
    travelMm: 0,
    idleMm: 0,
    skippedWhiteRuns: 0,
    overscanClipped: 0,
    travelMinMm: travelMin,
    burnCells: 0,
    gcodeLines: 0,
    gcodeBytes: 0,
    cols,
    rows,
    pitchXMm: px,
    pitchYMm: py,
  };
  let mode = -1; // motion mode in force: 0, 1, or unknown
  let curS = -1; // S in force (unknown at first)
  let feedSet = false;
  let headX = NaN;
  let headY = NaN;
  let bx0 = Infinity, bx1 = -Infinity, by0 = Infinity, by1 = -Infinity; // burn extent
  let mx0 = Infinity, mx1 = -Infinity; // motion extent in X

  const out = (line: string): void => {
    emit(line);
    stats.gcodeLines++;
    stats.gcodeBytes += line.length + 1;
  };
  /** A G1 to x (formatted `xs`) at power s, whose word is `sw` ("S0" when off). */
  const g1 = (x: number, xs: string, s: number, sw: string): void => {
    // One concatenation per line (each `+=` on a short string copies it).
    out(`${mode === 1 ? 'X' : 'G1X'}${xs}${s !== curS ? sw : ''}${feedSet ? '' : feed}`);
    mode = 1;
    curS = s;
    feedSet = true;
    const d = Math.abs(x - headX);
    if (s > 0) stats.burnMm += d;
    else stats.idleMm += d;
    headX = x;
  };

  let forward = true;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let a = 0;
    while (a < cols && sOf[pix[base + a]!] === 0) a++;
    if (a === cols) {
      stats.emptyLines++;
      continue;
    }
    let b = cols - 1;
    while (sOf[pix[base + b]!] === 0) b--;
    stats.lines++;
    if (!opts.bidirectional) forward = true;
    const y = r3(opts.yMm + opts.heightMm - (r + 0.5) * py);
    const ys = mm(y);
    const first = forward ? edgeX[a]! : edgeX[b + 1]!;
    const last = forward ? edgeX[b + 1]! : edgeX[a]!;
    let start = r3(forward ? first - over : first + over);
    let end = r3(forward ? last + over : last - over);
    if (lim) {
      // Only the run-up/out shrinks, never past the first or last dot (an image placed off the
      // machine stays off it, for the analysis to report).
      const s0 = start;
      const e0 = end;
      if (forward) {
        start = Math.max(start, Math.min(first, lim.min));
        end = Math.min(end, Math.max(last, lim.max));
      } else {
        start = Math.min(start, Math.max(first, lim.max));
        end = Math.max(end, Math.min(last, lim.min));
      }
      if (start !== s0 || end !== e0) stats.overscanClipped++;
    }
    // To the run-up point.
    out(`${mode === 0 ? '' : 'G0'}X${mm(start)}Y${ys}`);
    mode = 0;
    if (headX === headX) stats.travelMm += Math.hypot(start - headX, y - headY);
    headX = start;
    headY = y;
    if (start !== first) g1(first, mm(first), 0, 'S0');
    // Runs of one power, in the direction of travel.
    const step = forward ? 1 : -1;
    let c = forward ? a : b;
    const stop = forward ? b + 1 : a - 1;
    while (c !== stop) {
      const level = pix[base + c]!;
      const s = sOf[level]!;
      let n = c + step;
      while (n !== stop && sOf[pix[base + n]!] === s) n += step;
      // The run covers cells c … n − step; it ends on the far edge of its last cell.
      const endEdge = forward ? n : n + 1;
      const x = edgeX[endEdge]!;
      if (s > 0) {
        g1(x, edge[endEdge]!, s, sWord[level]!);
        stats.burnCells += Math.abs(n - c);
      } else if (Math.abs(x - headX) >= travelMin) {
        out(`${mode === 0 ? '' : 'G0'}X${edge[endEdge]!}`);
        mode = 0;
        stats.travelMm += Math.abs(x - headX);
        stats.skippedWhiteRuns++;
        headX = x;
      } else {
        g1(x, edge[endEdge]!, 0, 'S0');
      }
      c = n;
    }
    bx0 = Math.min(bx0, edgeX[a]!);
    bx1 = Math.max(bx1, edgeX[b + 1]!);
    by0 = Math.min(by0, y);
    by1 = Math.max(by1, y);
    mx0 = Math.min(mx0, start, end);
    mx1 = Math.max(mx1, start, end);
    if (end !== last) g1(end, mm(end), 0, 'S0');
    forward = !forward;
  }

  const bounds: Bounds2 = {
    min: { x: opts.xMm, y: opts.yMm },
    max: { x: opts.xMm + opts.widthMm, y: opts.yMm + opts.heightMm },
  };
  const any = stats.lines > 0;
  // As written in the G-code (three decimals), so they compare equal to what an analysis reads back.
  const box = (x0: number, y0: number, x1: number, y1: number): Bounds2 => ({ min: { x: r3(x0), y: r3(y0) }, max: { x: r3(x1), y: r3(y1) } });
  return {
    bounds,
    burnBounds: any ? box(bx0, by0, bx1, by1) : null,
    motionBounds: any ? box(mx0, by0, mx1, by1) : null,
    stats,
  };
}
