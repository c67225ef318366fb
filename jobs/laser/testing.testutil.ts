// Test helpers: the lab's laser as the G-code engine sees it, small SVG and DXF documents, and reading
// back what a program burns.
import type { MachineProfile } from '../gcode';
import fablab from '../../assets/fablab.json';
import { prepareLaserJob } from './job';
import type { LaserJob, LaserJobInput } from './types';

export function labLaser(): MachineProfile {
  const m = fablab.machines.find((x) => x.code === 'laser-co2')!;
  const l = m.limits as { maxFeedMmS: { x: number; y: number; z: number }; maxAccelMmS2: { x: number; y: number; z: number }; junctionDeviationMm: number; maxSpindleS: number };
  return {
    id: m.code,
    name: m.name,
    kind: 'laser',
    firmware: 'grbl',
    workArea: { x: m.workArea!.x, y: m.workArea!.y, z: m.workArea!.z },
    maxFeedMmS: l.maxFeedMmS,
    maxAccelMmS2: l.maxAccelMmS2,
    junctionDeviationMm: l.junctionDeviationMm,
    plannerBlocks: 16,
    laserMode: true,
    maxSpindleS: l.maxSpindleS,
  };
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export function svg(attrs: string, body: string): Uint8Array {
  return utf8(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>\n${body}\n</svg>\n`);
}

/** A minimal ASCII DXF: HEADER with $INSUNITS (if given), a LAYER table, and the entities' group pairs. */
export function dxf(insunits: number | null, entities: (string | number)[][], layers: { name: string; color: number; off?: boolean }[] = []): Uint8Array {
  const g: (string | number)[] = [0, 'SECTION', 2, 'HEADER', 9, '$ACADVER', 1, 'AC1015'];
  if (insunits !== null) g.push(9, '$INSUNITS', 70, insunits);
  g.push(0, 'ENDSEC');
  g.push(0, 'SECTION', 2, 'TABLES', 0, 'TABLE', 2, 'LAYER', 70, layers.length + 1);
  for (const l of [{ name: '0', color: 7 }, ...layers]) g.push(0, 'LAYER', 2, l.name, 70, 0, 62, 'off' in l && l.off ? -l.color : l.color, 6, 'CONTINUOUS');
  g.push(0, 'ENDTAB', 0, 'ENDSEC', 0, 'SECTION', 2, 'ENTITIES');
  for (const e of entities) g.push(...e);
  g.push(0, 'ENDSEC', 0, 'EOF');
  const lines: string[] = [];
  for (let i = 0; i < g.length; i += 2) lines.push(String(g[i]).padStart(3, ' '), String(g[i + 1]));
  return utf8(lines.join('\n') + '\n');
}

export function job(name: string, bytes: Uint8Array, over: Partial<LaserJobInput> = {}): Promise<LaserJob> {
  return prepareLaserJob({ source: { name, bytes }, machine: labLaser(), materialId: 'plywood-3', ...over });
}

export const gcodeText = (j: LaserJob): string => j.gcode.join('');

/** Width and height of what burns, from the G-code engine's own bounds. */
export function burnSize(j: LaserJob): { w: number; h: number } {
  const b = j.analysis.bounds;
  return { w: b.max.x - b.min.x, h: b.max.y - b.min.y };
}

/**
 * The burning runs of a program: each G0 starts a run, the G1 moves with S > 0 that follow are its
 * points. Enough to tell which contour is cut when.
 */
export function burnRuns(text: string): { x: number; y: number }[][] {
  const runs: { x: number; y: number }[][] = [];
  let x = 0;
  let y = 0;
  let s = 0;
  let cur: { x: number; y: number }[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/;.*$/, '').trim();
    if (!line) continue;
    const word = (c: string) => {
      const m = new RegExp(`${c}(-?[0-9.]+)`).exec(line);
      return m ? Number(m[1]) : null;
    };
    const nx = word('X') ?? x;
    const ny = word('Y') ?? y;
    if (line.startsWith('G0')) {
      cur = null;
    } else if (line.startsWith('G1')) {
      s = word('S') ?? s;
      if (s > 0) {
        if (!cur) {
          cur = [{ x, y }];
          runs.push(cur);
        }
        cur.push({ x: nx, y: ny });
      } else cur = null;
    }
    x = nx;
    y = ny;
  }
  return runs;
}

export function runBox(run: { x: number; y: number }[]): { minX: number; minY: number; maxX: number; maxY: number } {
  return {
    minX: Math.min(...run.map((p) => p.x)),
    minY: Math.min(...run.map((p) => p.y)),
    maxX: Math.max(...run.map((p) => p.x)),
    maxY: Math.max(...run.map((p) => p.y)),
  };
}
