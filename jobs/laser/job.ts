// prepareLaserJob: a maker's file to a Grbl 1.1 laser program for one machine and one material, and
// the G-code engine's analysis of that program (duration, laser time, findings against the machine).
//
// Import (SVG, DXF) → operations by colour → open pieces joined, duplicates dropped → resize → the
// containment tree of the cuts → kerf offset → engraving scanlines → bounds, placement, work area →
// routes (engrave, then score, then cut: inside before outside) → G-code → analysis.
import { analyzeGcode } from '../gcode';
import { importDxf } from './dxf/import';
import { LaserError } from './errors';
import { LaserFindings } from './findings';
import { polylineLength } from './geometry/polygon';
import { drawingBox, emptyBox, growBox, isEmptyBox, type Polyline } from './geometry/types';
import { prepareImageJob } from './image-job';
import { limitsWith } from './limits';
import { hatchEnd, writeHatch, writePath } from './output/moves';
import { frameGcode } from './output/frame';
import { checkLaserMachine, overscanFor, startPoint, sValue, writeFooter, writeHeader, type HeaderGroup } from './output/program';
import { GcodeWriter } from './output/writer';
import { buildContainment } from './plan/containment';
import { dropDuplicates } from './plan/duplicates';
import { hatchLines, type HatchLine } from './plan/hatch';
import { joinOpenPaths } from './plan/join';
import { offsetForKerf } from './plan/kerf';
import { assignOperations, DEFAULT_MAPPING, type PathItem } from './plan/operations';
import { listedTravel, planRoute, type Route } from './plan/order';
import { checkFits, placementOffset, workAreaOf } from './plan/place';
import { scaleAssignment } from './plan/scale';
import { defaultPresets, groupParams, resolveParams, type FillParams, type VectorParams } from './presets/presets';
import { detectFormat } from './source';
import { importSvg } from './svg/import';
import type { BedBounds, LaserJob, LaserJobInput, OperationStats } from './types';

const round = (v: number) => Math.round(v * 100) / 100;

/** Join and de-duplicate within each operation group (pieces of two colours are never joined). */
function tidy(items: PathItem[]): { items: PathItem[]; removed: number } {
  const byGroup = new Map<number, PathItem[]>();
  for (const it of items) {
    const l = byGroup.get(it.group);
    if (l) l.push(it);
    else byGroup.set(it.group, [it]);
  }
  const out: PathItem[] = [];
  let removed = 0;
  for (const list of byGroup.values()) {
    const d = dropDuplicates(joinOpenPaths(list));
    out.push(...d.items);
    removed += d.removed;
  }
  return { items: out, removed };
}

export async function prepareLaserJob(input: LaserJobInput): Promise<LaserJob> {
  const machine = input.machine;
  checkLaserMachine(machine);
  const presets = input.presets ?? defaultPresets();
  const machineId = machine.id ?? '';
  const params = resolveParams(presets, machineId, input.materialId, input.params);
  const limits = limitsWith(input.limits);
  const format = input.source.format ?? detectFormat(input.source.name, input.source.bytes);
  if (format === 'image') return prepareImageJob(input, params);
  const progress = input.onProgress ?? (() => {});
  progress('import');
  const tol = input.toleranceMm ?? 0.01;
  if (!(tol >= 0.001 && tol <= 1)) throw new LaserError('bad_option', { option: 'toleranceMm', value: tol });
  const imported = format === 'svg' ? importSvg(input.source.bytes, { toleranceMm: tol, limits }) : importDxf(input.source.bytes, { toleranceMm: tol, limits });
  const findings = new LaserFindings();
  findings.merge(imported.findings);

  progress('plan');
  const assigned = assignOperations(imported.drawing, input.mapping ?? DEFAULT_MAPPING, findings);
  const settings = assigned.groups.map((g) => groupParams(presets, machineId, input.materialId, input.params, g.kind, g.settings));
  if (input.scale) scaleAssignment(assigned, input.scale, drawingBox(imported.drawing));
  const cutSet = tidy(assigned.cut);
  const scoreSet = tidy(assigned.score);
  findings.add('duplicate_paths_removed', {}, cutSet.removed + scoreSet.removed);
  const cutItems = cutSet.items;
  const scoreItems = scoreSet.items;
  findings.add('open_cut_path', {}, cutItems.filter((i) => !i.poly.closed).length);
  const cutPolys = cutItems.map((i) => i.poly);
  const tree = buildContainment(cutPolys);
  const kerfMm = input.kerf === false ? 0 : params.kerfMm;
  const kerf = await offsetForKerf(cutPolys, tree.depth, kerfMm);
  findings.add('kerf_too_large_for_hole', {}, kerf.tooSmall);
  const cutGroupOf = kerf.from.map((i) => cutItems[i]!.group);

  // Engraving: one set of scanlines per group (its interval), in the order the groups appeared.
  const fills: { group: number; lines: HatchLine[] }[] = [];
  assigned.groups.forEach((g, gi) => {
    if (g.kind !== 'engrave-fill') return;
    const lines = hatchLines(
      assigned.fill.filter((f) => f.group === gi),
      (settings[gi] as FillParams).lineIntervalMm,
    );
    if (lines.length > 0) fills.push({ group: gi, lines });
  });

  const box = emptyBox();
  for (const p of kerf.polys) growBox(box, p.pts);
  for (const it of scoreItems) growBox(box, it.poly.pts);
  for (const f of fills) {
    for (const l of f.lines) {
      box.minX = Math.min(box.minX, l.spans[0]!);
      box.maxX = Math.max(box.maxX, l.spans[l.spans.length - 1]!);
      box.minY = Math.min(box.minY, l.y);
      box.maxY = Math.max(box.maxY, l.y);
    }
  }
  if (isEmptyBox(box)) {
    const colors = assigned.colors.map((c) => `${c.paint} ${c.color}`).join(', ');
    throw new LaserError('empty_job', { colors: colors || '-' });
  }
  const area = workAreaOf(machine);
  const { dx, dy } = placementOffset(box, input.placement, area);
  const bounds: BedBounds = { minX: box.minX + dx, minY: box.minY + dy, maxX: box.maxX + dx, maxY: box.maxY + dy };
  checkFits(bounds, area);

  // Routes, in model coordinates, from where the head starts.
  const home = startPoint(machine);
  let cx = home.x - dx;
  let cy = home.y - dy;
  const overscan = (f: FillParams) => input.overscanMm ?? overscanFor(machine, f.speedMmMin);
  const fillDirs: number[] = [];
  for (const f of fills) {
    const first = f.lines[0]!;
    const dir = Math.abs(first.spans[first.spans.length - 1]! - cx) < Math.abs(first.spans[0]! - cx) ? -1 : 1;
    fillDirs.push(dir);
    ({ x: cx, y: cy } = hatchEnd(f.lines, dir));
  }
  const scoreRoute = planRoute(
    scoreItems.map((i) => i.poly),
    cx,
    cy,
    undefined,
    input.route,
  );
  const cutRoute = planRoute(kerf.polys, scoreRoute.endX, scoreRoute.endY, { group: Int32Array.from(kerf.from), parentGroup: tree.parent }, input.route);
  const byFile = (items: PathItem[]) =>
    items
      .map((it, k) => ({ it, k }))
      .sort((a, b) => a.it.shape - b.it.shape || a.k - b.k)
      .map((x) => x.it.poly);
  const listedScore = listedTravel(byFile(scoreItems), cx, cy);
  const listedCut = listedTravel(byFile(cutItems), listedScore.endX, listedScore.endY);
  const listedMm = listedScore.travelMm + listedCut.travelMm;
  const optimisedMm = scoreRoute.travelMm + cutRoute.travelMm;

  progress('write');
  const maxS = machine.maxSpindleS ?? 1000;
  const w = new GcodeWriter();
  const ops: OperationStats[] = [];
  const sourcesOf = (g: number) => assigned.groups[g]!.sources;
  const header: HeaderGroup[] = [
    ...fills.map((f) => ({ kind: 'engrave-fill' as const, params: settings[f.group]!, sources: sourcesOf(f.group) })),
    ...[...new Set(scoreItems.map((i) => i.group))].map((g) => ({ kind: 'score' as const, params: settings[g]!, sources: sourcesOf(g) })),
    ...[...new Set(cutItems.map((i) => i.group))].map((g) => ({ kind: 'cut' as const, params: settings[g]!, sources: sourcesOf(g) })),
  ];
  writeHeader(w, input, bounds, maxS, kerfMm, header);

  fills.forEach((f, k) => {
    const p = settings[f.group] as FillParams;
    const s = sValue(p.powerPct, maxS);
    const ov = overscan(p);
    if (!(ov >= 0 && ov <= 100)) throw new LaserError('bad_option', { option: 'overscanMm', value: ov });
    let burn = 0;
    for (let pass = 1; pass <= p.passes; pass++) {
      w.comment(`Engrave (fill) ${sourcesOf(f.group).join(', ')}, pass ${pass} of ${p.passes}`);
      burn = writeHatch(w, f.lines, fillDirs[k]!, s, p.speedMmMin, ov, dx, dy, area);
    }
    ops.push({ operation: 'engrave-fill', sources: sourcesOf(f.group), paths: f.lines.length, lengthMm: round(burn), passes: p.passes, powerPct: p.powerPct, s, speedMmMin: p.speedMmMin, lineIntervalMm: p.lineIntervalMm, overscanMm: ov });
  });

  /** Each pass runs the route again with the paths whose group has that many passes. */
  const vectorOp = (kind: 'score' | 'cut', polys: readonly Polyline[], groupOf: readonly number[], route: Route) => {
    if (polys.length === 0) return;
    const groups = [...new Set(route.order.map((i) => groupOf[i]!))].sort((a, b) => a - b);
    const maxPasses = Math.max(...groups.map((g) => settings[g]!.passes));
    for (let pass = 1; pass <= maxPasses; pass++) {
      w.comment(`${kind === 'cut' ? 'Cut' : 'Score'}, pass ${pass} of ${maxPasses}`);
      for (const i of route.order) {
        const p = settings[groupOf[i]!] as VectorParams;
        if (p.passes >= pass) writePath(w, polys[i]!, route.start[i]!, route.reversed[i] === 1, sValue(p.powerPct, maxS), p.speedMmMin, dx, dy);
      }
    }
    for (const g of groups) {
      const p = settings[g] as VectorParams;
      let len = 0;
      let n = 0;
      for (let i = 0; i < polys.length; i++) {
        if (groupOf[i] !== g) continue;
        len += polylineLength(polys[i]!);
        n++;
      }
      const st: OperationStats = { operation: kind, sources: sourcesOf(g), paths: n, lengthMm: round(len), passes: p.passes, powerPct: p.powerPct, s: sValue(p.powerPct, maxS), speedMmMin: p.speedMmMin };
      if (kind === 'cut') st.kerfMm = kerfMm;
      ops.push(st);
    }
  };
  vectorOp(
    'score',
    scoreItems.map((i) => i.poly),
    scoreItems.map((i) => i.group),
    scoreRoute,
  );
  vectorOp('cut', kerf.polys, cutGroupOf, cutRoute);
  writeFooter(w, home);
  const gcode = w.finish();

  progress('analyze');
  const encoder = new TextEncoder();
  let bytes = 0;
  const encoded = function* () {
    for (const c of gcode) {
      const b = encoder.encode(c);
      bytes += b.length;
      yield b;
    }
  };
  const analysis = await analyzeGcode(encoded(), { machine, material: input.material });
  return {
    gcode,
    bytes,
    lines: w.lineCount,
    bounds,
    placement: { xMm: bounds.minX, yMm: bounds.minY },
    operations: ops,
    travel: { listedMm: round(listedMm), optimisedMm: round(optimisedMm), ratio: listedMm > 0 ? Math.round((optimisedMm / listedMm) * 1000) / 1000 : 1 },
    colors: assigned.colors,
    findings: findings.list(),
    analysis,
    frame: frameGcode(bounds, { maxS }),
    params,
    source: { name: input.source.name, format, page: imported.drawing.page, shapes: imported.drawing.shapes.length, points: imported.drawing.points },
  };
}
