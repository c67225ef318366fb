// dxf-parser with a few entity handlers of ours: SPLINE (dxf-parser drops the weights, group 41),
// CIRCLE and ELLIPSE (it drops their extrusion direction, which mirrors them when negative), and the
// entities we do not burn (text, dimensions, hatches…), kept as raw groups so that we can say how
// many were left out.
import DxfParser from 'dxf-parser';
import type { IDxf } from 'dxf-parser';
import { LaserError } from '../errors';

export interface RawGroup {
  code: number;
  value: unknown;
}

export interface RawEntity {
  type: string;
  raw: RawGroup[];
  layer?: string;
  colorIndex?: number;
  color?: number;
  inPaperSpace?: boolean;
  visible?: boolean;
}

interface Scanner {
  next(): RawGroup;
}

/** Entities read as raw groups. */
export const RAW_TYPES = [
  'SPLINE', 'CIRCLE', 'ELLIPSE',
  'TEXT', 'MTEXT', 'DIMENSION', 'ARC_DIMENSION', 'LEADER', 'MLEADER', 'MULTILEADER', 'HATCH', 'SOLID', 'TRACE',
  '3DFACE', '3DSOLID', 'REGION', 'BODY', 'SURFACE', 'MESH', 'IMAGE', 'WIPEOUT', 'ATTDEF', 'ATTRIB', 'RAY', 'XLINE',
  'MLINE', 'TOLERANCE', 'OLE2FRAME', 'HELIX', 'POINT', 'VIEWPORT', 'SHAPE', 'ACAD_TABLE', 'UNDERLAY', 'PDFUNDERLAY',
] as const;

function rawHandler(name: string): new () => { ForEntityName: string; parseEntity(scanner: Scanner, curr: RawGroup): RawEntity } {
  return class {
    ForEntityName = name;
    parseEntity(scanner: Scanner, curr: RawGroup): RawEntity {
      const e: RawEntity = { type: String(curr.value), raw: [] };
      let g = scanner.next();
      while (g.code !== 0) {
        switch (g.code) {
          case 8:
            e.layer = String(g.value);
            break;
          case 62:
            e.colorIndex = Number(g.value);
            break;
          case 420:
            e.color = Number(g.value);
            break;
          case 67:
            e.inPaperSpace = g.value !== 0;
            break;
          case 60:
            e.visible = g.value === 0;
            break;
          default:
            e.raw.push(g);
        }
        g = scanner.next();
      }
      return e;
    }
  };
}

export function decodeDxf(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 22));
  if (head.startsWith('AutoCAD Binary DXF')) throw new LaserError('dxf_binary');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Before R2007, DXF text is in the drawing's ANSI code page; Windows-1252 is the common one.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function parseDxf(text: string): IDxf {
  if (!/^\s*0\s*$/m.test(text.slice(0, 4096)) || !/SECTION/.test(text.slice(0, 65536))) {
    throw new LaserError('dxf_invalid', { reason: 'not a DXF file' });
  }
  const parser = new DxfParser();
  for (const name of RAW_TYPES) parser.registerEntityHandler(rawHandler(name) as unknown as Parameters<DxfParser['registerEntityHandler']>[0]);
  let dxf: IDxf | null;
  try {
    dxf = parser.parseSync(text);
  } catch (e) {
    throw new LaserError('dxf_invalid', { reason: (e instanceof Error ? e.message : String(e)).slice(0, 200) });
  }
  if (!dxf || typeof dxf !== 'object') throw new LaserError('dxf_invalid', { reason: 'empty' });
  return dxf;
}

/** The numbers of the raw groups with this code, in order. */
export function groupNumbers(e: RawEntity, code: number): number[] {
  const out: number[] = [];
  for (const g of e.raw) if (g.code === code) out.push(Number(g.value));
  return out;
}

export function groupNumber(e: RawEntity, code: number, fallback: number): number {
  for (const g of e.raw) if (g.code === code) {
    const n = Number(g.value);
    return Number.isFinite(n) ? n : fallback;
  }
  return fallback;
}
