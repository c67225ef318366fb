// What the tests check outputs with, the way jobs/laser and jobs/print will read them: an XML parser for
// the SVG, the bytes of the binary STL.
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LaserOperation, Vec2 } from './types';

export interface SvgPath {
  operation: LaserOperation;
  closed: boolean;
  /** Subpaths in SVG coordinates (y down). */
  subpaths: Vec2[][];
  attributes: Record<string, string>;
}

export interface ParsedSvg {
  widthMm: number;
  heightMm: number;
  viewBox: [number, number, number, number];
  paths: SvgPath[];
}

const OPERATION_BY_STYLE: Record<string, LaserOperation> = { 'none/#ff0000': 'cut', 'none/#0000ff': 'score', '#000000/none': 'engrave' };

/** Parses the SVG as jobs/laser would see it and checks the contract: mm units, viewBox, colours. */
export function parseLaserSvg(svg: string): ParsedSvg {
  assert.equal(XMLValidator.validate(svg), true, 'well-formed XML');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'g' || name === 'path' }).parse(svg) as {
    svg: Record<string, string> & { g?: { id: string; path: Record<string, string>[] }[] };
  };
  const root = doc.svg;
  assert.equal(root.xmlns, 'http://www.w3.org/2000/svg');
  const w = /^(\d+(?:\.\d+)?)mm$/.exec(root.width!);
  const h = /^(\d+(?:\.\d+)?)mm$/.exec(root.height!);
  assert.ok(w && h, `width/height in mm: ${root.width} ${root.height}`);
  const viewBox = root.viewBox!.split(/\s+/).map(Number) as [number, number, number, number];
  const paths: SvgPath[] = [];
  for (const g of root.g ?? []) {
    for (const attributes of g.path) {
      const operation = OPERATION_BY_STYLE[`${attributes.fill}/${attributes.stroke}`];
      assert.ok(operation, `a laser colour: fill ${attributes.fill}, stroke ${attributes.stroke}`);
      assert.equal(g.id, operation, 'paths grouped by operation');
      const subpaths: Vec2[][] = [];
      let closed = false;
      for (const cmd of attributes.d!.match(/[MLZ][^MLZ]*/g) ?? []) {
        const nums = cmd.slice(1).trim().split(/\s+/).filter(Boolean).map(Number);
        if (cmd[0] === 'M') subpaths.push([[nums[0]!, nums[1]!]]);
        else if (cmd[0] === 'L') subpaths[subpaths.length - 1]!.push([nums[0]!, nums[1]!]);
        else closed = true;
      }
      paths.push({ operation, closed, subpaths, attributes });
    }
  }
  return { widthMm: Number(w[1]), heightMm: Number(h[1]), viewBox, paths };
}

export interface ParsedStl {
  header: string;
  triangles: number;
  /** 9 floats per triangle, as stored. */
  positions: Float32Array;
  normals: Float32Array;
}

export function parseBinaryStl(bytes: Uint8Array): ParsedStl {
  assert.ok(bytes.length >= 84);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const triangles = view.getUint32(80, true);
  assert.equal(bytes.length, 84 + 50 * triangles, 'size matches the triangle count');
  const positions = new Float32Array(9 * triangles);
  const normals = new Float32Array(3 * triangles);
  for (let t = 0; t < triangles; t++) {
    const o = 84 + 50 * t;
    for (let k = 0; k < 3; k++) normals[3 * t + k] = view.getFloat32(o + 4 * k, true);
    for (let k = 0; k < 9; k++) positions[9 * t + k] = view.getFloat32(o + 12 + 4 * k, true);
  }
  return { header: new TextDecoder().decode(bytes.subarray(0, 80)).replace(/\0+$/, ''), triangles, positions, normals };
}

export interface MeshCheck {
  edges: number;
  /** Edges not shared by exactly two triangles. */
  badEdges: number;
  /** Edges used twice in the same direction (a face turned inside out). */
  flippedEdges: number;
  volume: number;
  min: [number, number, number];
  max: [number, number, number];
}

/** Every edge shared by exactly two triangles, in opposite directions; the enclosed volume. */
export function checkMesh(positions: Float32Array): MeshCheck {
  const key = (i: number) => `${positions[i]},${positions[i + 1]},${positions[i + 2]}`;
  const directed = new Map<string, number>();
  const undirected = new Map<string, number>();
  let volume = 0;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let t = 0; t < positions.length / 9; t++) {
    const v = [0, 1, 2].map((k) => key(9 * t + 3 * k));
    for (let k = 0; k < 3; k++) {
      const a = v[k]!;
      const b = v[(k + 1) % 3]!;
      directed.set(`${a}>${b}`, (directed.get(`${a}>${b}`) ?? 0) + 1);
      const u = a < b ? `${a}|${b}` : `${b}|${a}`;
      undirected.set(u, (undirected.get(u) ?? 0) + 1);
    }
    const p = (k: number) => [positions[9 * t + 3 * k]!, positions[9 * t + 3 * k + 1]!, positions[9 * t + 3 * k + 2]!] as const;
    const [a, b, c] = [p(0), p(1), p(2)];
    volume += (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0])) / 6;
    for (const q of [a, b, c]) {
      for (let k = 0; k < 3; k++) {
        min[k] = Math.min(min[k]!, q[k]!);
        max[k] = Math.max(max[k]!, q[k]!);
      }
    }
  }
  return {
    edges: undirected.size,
    badEdges: [...undirected.values()].filter((n) => n !== 2).length,
    flippedEdges: [...directed.values()].filter((n) => n > 1).length,
    volume,
    min,
    max,
  };
}
