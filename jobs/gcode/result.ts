// The Analysis object, assembled once at the end from the engine's numeric state: rounding (no float
// noise in the JSON), empty bounds as zeros, per-feature statistics, units, the kind of job.

import type { Finding } from './findings';
import type { PlannerResults } from './planner';
import type { MachineProfile } from './profile';
import { FEATURE_NAMES, type Toolpath } from './toolpath';
import type { Analysis, Bounds, FeatureStats, RelativeOrigin, SlicerInfo } from './types';
import { round3 } from './checks';

export function round4(v: number): number {
  return Math.round(v * 10000) / 10000;
}
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function bounds(x0: number, y0: number, z0: number, x1: number, y1: number, z1: number): Bounds {
  if (!(x0 <= x1)) return { min: { x: 0, y: 0, z: 0 }, max: { x: 0, y: 0, z: 0 }, empty: true };
  return { min: { x: round6(x0), y: round6(y0), z: round6(z0) }, max: { x: round6(x1), y: round6(y1), z: round6(z1) }, empty: false };
}

/** Everything the result is made of, as the engine holds it. */
export interface ResultState {
  lines: number;
  bytes: number;
  layerIndex: number;
  firstH: number;
  minH: number;
  maxH: number;
  /** Work bounds then travel bounds: min x, y, z, max x, y, z each. */
  work: [number, number, number, number, number, number];
  travel: [number, number, number, number, number, number];
  planner: PlannerResults;
  filamentMm: number;
  filamentArea: number;
  density: number;
  laserOnMm: number;
  workMm: number;
  travelMm: number;
  moves: number;
  arcs: number;
  featMoves: Float64Array;
  featMm: Float64Array;
  /** Bit per tool number 0–31. */
  toolMask: number;
  maxNozzle: number;
  maxBed: number;
  maxSpindle: number;
  homed: boolean;
  /** 1 mm, 2 inch, 3 both. */
  unitsSeen: number;
  extruded: boolean;
  sawSpindleWork: boolean;
  sawZWork: boolean;
  slicer: SlicerInfo;
  machine: MachineProfile | null;
  relativeOrigin: RelativeOrigin | null;
  findings: Finding[];
  toolpath: Toolpath | null;
}

function featureStats(featMoves: Float64Array, featMm: Float64Array, featureTimeS: Float64Array): Record<string, FeatureStats> {
  const features: Record<string, FeatureStats> = {};
  for (let f = 0; f < 32; f++) {
    if (featMoves[f]! > 0 || featureTimeS[f]! > 0) {
      features[FEATURE_NAMES[f] ?? `feature_${f}`] = { moves: featMoves[f]!, mm: round3(featMm[f]!), timeS: round3(featureTimeS[f]!) };
    }
  }
  return features;
}

export function buildAnalysis(s: ResultState): Analysis {
  const pl = s.planner;
  const m = s.machine;
  const tools: number[] = [];
  for (let t = 0; t < 32; t++) if (s.toolMask & (1 << t)) tools.push(t);
  const cm3 = (s.filamentMm * s.filamentArea) / 1000;
  // Laser time means nothing for a printer or a router; an unknown machine may be a laser.
  const laserLike = m === null || m.kind === 'laser';
  const layers = s.layerIndex + 1;
  const w = s.work;
  const t = s.travel;
  const res: Analysis = {
    lines: s.lines,
    bytes: s.bytes,
    layers,
    layerHeights:
      layers > 0 && s.firstH === s.firstH
        ? {
            first: round4(s.firstH),
            min: round4(s.minH === Infinity ? s.firstH : s.minH),
            max: round4(s.maxH === -Infinity ? s.firstH : s.maxH),
          }
        : null,
    bounds: bounds(w[0], w[1], w[2], w[3], w[4], w[5]),
    travelBounds: bounds(t[0], t[1], t[2], t[3], t[4], t[5]),
    durationS: round3(pl.timeS),
    workS: round3(pl.workTimeS),
    filamentMm: round3(s.filamentMm),
    filamentCm3: round4(cm3),
    filamentG: round4(cm3 * s.density),
    laserOnS: laserLike ? round3(pl.laserTimeS) : 0,
    laserOnMm: laserLike ? round3(s.laserOnMm) : 0,
    workMm: round3(s.workMm),
    travelMm: round3(s.travelMm),
    moves: s.moves,
    arcs: s.arcs,
    slicer: s.slicer,
    tools,
    temperatures: { nozzle: s.maxNozzle >= 0 ? s.maxNozzle : null, bed: s.maxBed >= 0 ? s.maxBed : null },
    maxSpindleS: s.maxSpindle >= 0 ? s.maxSpindle : null,
    features: featureStats(s.featMoves, s.featMm, pl.featureTimeS),
    homed: s.homed,
    units: s.unitsSeen === 3 ? 'mixed' : s.unitsSeen === 2 ? 'inch' : 'mm',
    detectedKind: s.extruded ? 'fdm' : s.sawSpindleWork || s.maxSpindle > 0 ? (s.sawZWork ? 'cnc' : 'laser') : null,
    machine: m ? { id: m.id ?? null, kind: m.kind, firmware: m.firmware } : null,
    relativeOrigin: s.relativeOrigin,
    findings: s.findings,
  };
  if (s.toolpath !== null) res.toolpath = s.toolpath;
  return res;
}
