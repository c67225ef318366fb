// Generators of large, real-looking G-code inputs for the benchmark (written to a temp dir, never committed).
//
// print:  the real PrusaSlicer 2.5 fixture (relative E) with every layer printed `copies` times at
//         different X/Y offsets, like a full plate of copies; header, layer markers and footer keep the
//         PrusaSlicer format (the footer's filament figures are scaled).
// raster: a LightBurn-style Grbl raster engraving (M4, G1 X…S… runs of 0.1–2 mm, bidirectional scan
//         lines 0.1 mm apart) of a synthetic image.

import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { fixture } from '../../test/support/fixtures';

export const PRINT_FIXTURE = fixture('generated/prusaslicer-2.5.0-openscad-example012.gcode');

async function writeAll(path: string, produce: (write: (s: string) => Promise<void>) => Promise<void>): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let buf = '';
  const write = async (s: string): Promise<void> => {
    buf += s;
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  };
  await produce(write);
  bytes += Buffer.byteLength(buf);
  out.end(buf);
  await once(out, 'finish');
  return bytes;
}

const fmt = (v: number): string => {
  const s = v.toFixed(3);
  return s.replace(/\.?0+$/, '') || '0';
};

/** Repeat each layer of the PrusaSlicer fixture until the file reaches `targetBytes`. */
export async function generatePrint(path: string, targetBytes: number): Promise<number> {
  const text = readFileSync(PRINT_FIXTURE, 'latin1');
  const first = text.indexOf(';LAYER_CHANGE');
  const footerAt = text.lastIndexOf('M107\n;TYPE:Custom', text.length); // end G-code
  const endAt = footerAt > first ? footerAt : text.indexOf('; filament used');
  const header = text.slice(0, first);
  const body = text.slice(first, endAt);
  const footer = text.slice(endAt);
  const layers = body.split(';LAYER_CHANGE\n').filter((s) => s.length > 0);
  const copies = Math.max(1, Math.ceil(targetBytes / body.length));
  // Copies on a grid of 8 mm steps around the original (the object is ~43 mm wide; overlap is harmless).
  const side = Math.ceil(Math.sqrt(copies));
  const offsets: [number, number][] = [];
  for (let k = 0; k < copies; k++) offsets.push([((k % side) - side / 2) * 0.8, (Math.floor(k / side) - side / 2) * 0.8]);
  const lineRe = /^(G1 )(.*)$/;
  return writeAll(path, async (write) => {
    await write(header);
    for (const layer of layers) {
      const lines = layer.split('\n');
      await write(';LAYER_CHANGE\n');
      for (const [dx, dy] of offsets) {
        let chunk = '';
        for (const line of lines) {
          const m = lineRe.exec(line);
          if (!m || (line.indexOf('X') < 0 && line.indexOf('Y') < 0)) {
            if (line.startsWith(';Z:') || line.startsWith(';HEIGHT:')) {
              if (dx === offsets[0]![0] && dy === offsets[0]![1]) chunk += line + '\n';
            } else if (line.length > 0) chunk += line + '\n';
            continue;
          }
          chunk +=
            'G1 ' +
            m[2]!.replace(/([XY])(-?[\d.]+)/g, (_s, a: string, v: string) => a + fmt(Number(v) + (a === 'X' ? dx : dy))) +
            '\n';
        }
        await write(chunk);
      }
    }
    await write(
      footer
        .replace(/(; filament used \[mm\] = )([\d.]+)/, (_s, a: string, v: string) => a + (Number(v) * copies).toFixed(2))
        .replace(/(; filament used \[g\] = )([\d.]+)/, (_s, a: string, v: string) => a + (Number(v) * copies).toFixed(2)),
    );
  });
}

/** A LightBurn-style raster engraving of a synthetic image, `targetBytes` long. */
export async function generateRaster(path: string, targetBytes: number): Promise<number> {
  const step = 0.1; // mm between scan lines and pixels
  const width = 120; // mm
  const cols = Math.round(width / step);
  let approxBytes = 0;
  return writeAll(path, async (write) => {
    await write(
      '; LightBurn 1.4.00\n; GRBL device profile, absolute coords\n; Bounds: X10 Y10 to X130 Y...\nG00 G17 G40 G21 G54\nG90\nM4\n; Image @ 100 mm/sec, 60% power\nM8\n',
    );
    let row = 0;
    let seed = 12345;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    while (approxBytes < targetBytes) {
      const y = 10 + (row % 3000) * step;
      const ltr = row % 2 === 0;
      let out = `G0 X${fmt(ltr ? 10 : 10 + width)}Y${fmt(y)}\n`;
      // Runs of constant power: concentric rings and noise, like a dithered photo.
      let c = 0;
      let first = true;
      while (c < cols) {
        const run = 1 + Math.floor(rnd() * 20);
        const cEnd = Math.min(cols, c + run);
        const cx = (c - cols / 2) * step;
        const cy = (row % 600) * step - 30;
        const ring = Math.floor(Math.sqrt(cx * cx + cy * cy) / 3) % 2;
        const s = ring ? Math.floor(300 + rnd() * 700) : rnd() < 0.3 ? 0 : Math.floor(rnd() * 400);
        const x = ltr ? 10 + cEnd * step : 10 + width - cEnd * step;
        out += first ? `G1 X${fmt(x)}S${s}F6000\n` : `G1 X${fmt(x)}S${s}\n`;
        first = false;
        c = cEnd;
      }
      approxBytes += out.length;
      await write(out);
      row++;
    }
    await write('M9\nG1 S0\nM5\nG90\n; return to user-defined finish pos\nG0 X0 Y0\nM2\n');
  });
}
