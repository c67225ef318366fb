// A spur gear with involute teeth (module, tooth count, pressure angle), to laser-cut (SVG) or print (STL).
// Standard proportions: addendum 1·m, dedendum 1.25·m, tooth as thick as the gap on the pitch circle, no
// backlash, no undercut modelled (below the base circle the flank goes straight to the root).
import { defineTemplate } from './define';
import { TemplateError } from './errors';
import { circleSegments, reverse, toOrigin, type Outline } from './geometry';
import { prism } from './mesh';
import { choice, int, num } from './params';
import { laserResult, printResult } from './result';
import type { Contour } from './svg';
import type { Vec2 } from './types';

const PARAMS = [
  choice('output', ['print', 'laser'], 'print'),
  num('module', { unit: 'mm', min: 0.5, max: 6, step: 0.25, default: 2 }),
  int('teeth', { min: 8, max: 80, default: 20 }),
  num('pressureAngle', { unit: 'deg', min: 14.5, max: 25, step: 0.5, default: 20 }),
  num('thickness', { unit: 'mm', min: 2, max: 30, step: 0.5, default: 6 }),
  num('bore', { unit: 'mm', min: 0, max: 60, step: 0.5, default: 5 }),
] as const;

const inv = (a: number) => Math.tan(a) - a;

export interface GearGeometry {
  outline: Outline;
  pitchRadius: number;
  baseRadius: number;
  tipRadius: number;
  rootRadius: number;
}

/** The gear's outline, centred on the origin, counter-clockwise, tooth 0 pointing along +x. */
export function gearOutline(module: number, teeth: number, pressureAngleDeg: number): GearGeometry {
  const phi = (pressureAngleDeg * Math.PI) / 180;
  const r = (module * teeth) / 2;
  const rb = r * Math.cos(phi);
  const ra = r + module;
  const rf = r - 1.25 * module;
  const rs = Math.max(rb, rf);
  const halfAngle = (rho: number) => Math.PI / (2 * teeth) + inv(phi) - inv(Math.acos(Math.min(1, rb / rho)));
  // Flank points spaced evenly in roll angle (the involute's natural parameter), 0.2 mm apart at most.
  const rollStart = Math.sqrt(Math.max(0, (rs / rb) ** 2 - 1));
  const rollEnd = Math.sqrt((ra / rb) ** 2 - 1);
  const flankLength = (rb * (rollEnd ** 2 - rollStart ** 2)) / 2;
  const flankSteps = Math.max(6, Math.min(40, Math.ceil(flankLength / 0.2)));
  const radii = Array.from({ length: flankSteps + 1 }, (_, k) => rb * Math.sqrt(1 + (rollStart + ((rollEnd - rollStart) * k) / flankSteps) ** 2));
  radii[0] = rs;
  radii[flankSteps] = ra;
  const at = (rho: number, angle: number): Vec2 => [rho * Math.cos(angle), rho * Math.sin(angle)];
  const arc = (rho: number, from: number, to: number): Vec2[] => {
    // Points strictly between the ends, with the middle one included (the tip's middle sets the bounds).
    const n = Math.max(2, 2 * Math.ceil(((to - from) * circleSegments(rho)) / (4 * Math.PI)));
    return Array.from({ length: n - 1 }, (_, k) => at(rho, from + ((to - from) * (k + 1)) / n));
  };
  const pitch = (2 * Math.PI) / teeth;
  const outline: Vec2[] = [];
  for (let i = 0; i < teeth; i++) {
    const c = i * pitch;
    if (rf < rb) outline.push(at(rf, c - halfAngle(rb)));
    for (const rho of radii) outline.push(at(rho, c - halfAngle(rho)));
    outline.push(...arc(ra, c - halfAngle(ra), c + halfAngle(ra)));
    for (const rho of [...radii].reverse()) outline.push(at(rho, c + halfAngle(rho)));
    if (rf < rb) outline.push(at(rf, c + halfAngle(rb)));
    outline.push(...arc(rf, c + halfAngle(rs), c + pitch - halfAngle(rs)));
  }
  return { outline, pitchRadius: r, baseRadius: rb, tipRadius: ra, rootRadius: rf };
}

export const gear = defineTemplate({
  id: 'gear',
  outputs: ['print', 'laser'],
  params: PARAMS,
  build(p) {
    const g = gearOutline(p.module, p.teeth, p.pressureAngle);
    // At least a module (and 1.5 mm) of material between the bore and the root circle.
    const maxBore = Math.floor((2 * (g.rootRadius - Math.max(1.5, p.module))) * 10) / 10;
    if (p.bore > 0 && p.bore > maxBore) throw new TemplateError('bore_too_large', { maxMm: Math.max(0, maxBore) });
    const bore: Outline[] = [];
    if (p.bore > 0) {
      const br = p.bore / 2;
      const n = circleSegments(br);
      bore.push(reverse(Array.from({ length: n }, (_, k) => [br * Math.cos((2 * Math.PI * k) / n), br * Math.sin((2 * Math.PI * k) / n)] as const)));
    }
    const dimensions = {
      outsideDiameter: 2 * g.tipRadius,
      pitchDiameter: 2 * g.pitchRadius,
      rootDiameter: 2 * g.rootRadius,
      baseDiameter: 2 * g.baseRadius,
      maxBore,
    };
    if (p.output === 'laser') {
      const outline: Contour = { points: g.outline, closed: true };
      const cut = [outline, ...bore.map((points) => ({ points, closed: true }))];
      return laserResult('gear', { ...p }, { cut, score: [], engrave: [] }, [{ id: 'gear', labelKey: 'gear.parts.gear', contours: [outline] }], dimensions);
    }
    return printResult('gear', { ...p }, prism(toOrigin([[g.outline, ...bore]])[0]!, p.thickness), dimensions);
  },
});
