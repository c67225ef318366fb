// Which shapes each operation burns: a shape's stroke colour and fill colour (and, for DXF, its layer)
// each map to cut, score, engrave-fill or ignore, optionally with the maker's own settings for that
// colour (as LightBurn's layers). Colours nobody mapped are reported, so that the kiosk can ask.
import { normalizeColor } from '../geometry/color';
import type { Drawing, FillRule, Polyline } from '../geometry/types';
import { LaserError } from '../errors';
import type { LaserFindings } from '../findings';
import type { FillParams } from '../presets/presets';
import { OPERATION_KINDS, type OperationChoice, type OperationKind } from '../presets/schema';

/** The maker's settings for one colour, within the lab's limits (absent: the material's preset). */
export type ColorSettings = Partial<FillParams>;

/** An operation, or an operation with settings of its own. */
export type MappingValue = OperationChoice | ({ operation: OperationChoice } & ColorSettings);

export interface ColorMapping {
  /** Stroke colour (any CSS colour: 'red', '#f00', 'rgb(255,0,0)') → operation. */
  stroke?: Record<string, MappingValue>;
  /** Fill colour → operation. */
  fill?: Record<string, MappingValue>;
  /** DXF layer name → operation (wins over the colour). */
  layers?: Record<string, MappingValue>;
  /** For colours not listed (default 'ignore', with an `unmapped_color` finding). */
  otherwise?: OperationChoice;
}

/** The lab's convention: red lines are cut, blue lines scored, black areas engraved. */
export const DEFAULT_MAPPING: Readonly<ColorMapping> = Object.freeze<ColorMapping>({
  stroke: { '#ff0000': 'cut', '#0000ff': 'score' },
  fill: { '#000000': 'engrave-fill' },
});

export interface ColorUse {
  paint: 'stroke' | 'fill' | 'layer';
  /** '#rrggbb', or the layer name for paint 'layer'. */
  color: string;
  shapes: number;
  operation: OperationChoice;
  /** Somebody mapped it (false: the `otherwise` default applied). */
  mapped: boolean;
}

/** Shapes burnt with the same operation and the same settings. */
export interface OperationGroup {
  kind: OperationKind;
  settings: ColorSettings;
  /** What maps to it, e.g. 'stroke #ff0000'. */
  sources: string[];
}

export interface PathItem {
  /** The shape's position in the file. */
  shape: number;
  /** Index in Assignment.groups. */
  group: number;
  poly: Polyline;
}

export interface FillItem {
  shape: number;
  group: number;
  paths: Polyline[];
  rule: FillRule;
}

export interface Assignment {
  cut: PathItem[];
  score: PathItem[];
  fill: FillItem[];
  groups: OperationGroup[];
  colors: ColorUse[];
}

const CHOICES = new Set<string>([...OPERATION_KINDS, 'ignore']);
const SETTINGS = new Set(['powerPct', 'speedMmMin', 'passes', 'lineIntervalMm']);

interface Choice {
  operation: OperationChoice;
  settings: ColorSettings;
}

function choiceOf(v: MappingValue, option: string): Choice {
  if (typeof v === 'string') {
    if (!CHOICES.has(v)) throw new LaserError('bad_option', { option, value: v });
    return { operation: v, settings: {} };
  }
  if (!v || typeof v !== 'object' || !CHOICES.has(v.operation)) throw new LaserError('bad_option', { option, value: JSON.stringify(v) });
  const settings: ColorSettings = {};
  for (const [k, val] of Object.entries(v)) {
    if (k === 'operation' || val === undefined) continue;
    if (!SETTINGS.has(k) || typeof val !== 'number') throw new LaserError('bad_option', { option: `${option}.${k}`, value: String(val) });
    settings[k as keyof ColorSettings] = val;
  }
  return { operation: v.operation, settings };
}

function table(t: Record<string, MappingValue> | undefined, option: string, colours: boolean): Map<string, Choice> {
  const out = new Map<string, Choice>();
  for (const [k, v] of Object.entries(t ?? {})) {
    const key = colours ? normalizeColor(k) : k;
    if (key === null) throw new LaserError('bad_option', { option, value: k });
    out.set(key, choiceOf(v, `${option}.${k}`));
  }
  return out;
}

export function assignOperations(drawing: Drawing, mapping: ColorMapping, findings: LaserFindings): Assignment {
  const stroke = table(mapping.stroke, 'mapping.stroke', true);
  const fill = table(mapping.fill, 'mapping.fill', true);
  const layers = table(mapping.layers, 'mapping.layers', false);
  const otherwise = mapping.otherwise ?? 'ignore';
  if (!CHOICES.has(otherwise)) throw new LaserError('bad_option', { option: 'mapping.otherwise', value: String(otherwise) });
  const fallback: Choice = { operation: otherwise, settings: {} };

  const uses = new Map<string, ColorUse>();
  const use = (paint: ColorUse['paint'], color: string, operation: OperationChoice, mapped: boolean) => {
    const k = `${paint}:${color}`;
    const u = uses.get(k);
    if (u) u.shapes++;
    else uses.set(k, { paint, color, shapes: 1, operation, mapped });
  };
  const out: Assignment = { cut: [], score: [], fill: [], groups: [], colors: [] };
  const groupIndex = new Map<string, number>();
  const groupOf = (kind: OperationKind, settings: ColorSettings, source: string): number => {
    const key = `${kind}:${JSON.stringify(Object.entries(settings).sort())}`;
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = out.groups.length;
      groupIndex.set(key, g);
      out.groups.push({ kind, settings, sources: [] });
    }
    const gr = out.groups[g]!;
    if (!gr.sources.includes(source)) gr.sources.push(source);
    return g;
  };
  let openFills = 0;

  for (const s of drawing.shapes) {
    const ops = new Map<OperationKind, { paint: 'stroke' | 'fill'; group: number }>();
    if (s.stroke !== null) {
      const byLayer = s.layer !== null ? layers.get(s.layer) : undefined;
      const [paint, key, c] = byLayer !== undefined ? (['layer', s.layer!, byLayer] as const) : (['stroke', s.stroke, stroke.get(s.stroke)] as const);
      const chosen = c ?? fallback;
      use(paint, key, chosen.operation, c !== undefined);
      if (chosen.operation !== 'ignore') ops.set(chosen.operation, { paint: 'stroke', group: groupOf(chosen.operation, chosen.settings, `${paint} ${key}`) });
    }
    if (s.fill !== null) {
      const c = fill.get(s.fill);
      const chosen = c ?? fallback;
      use('fill', s.fill, chosen.operation, c !== undefined);
      if (chosen.operation !== 'ignore' && !ops.has(chosen.operation)) {
        ops.set(chosen.operation, { paint: 'fill', group: groupOf(chosen.operation, chosen.settings, `fill ${s.fill}`) });
      }
    }
    for (const [op, { paint, group }] of ops) {
      // A filled shape's subpaths are closed by the fill, open or not (SVG painting rules).
      const paths = paint === 'fill' ? s.paths.map((p) => (p.closed || p.pts.length < 6 ? p : { pts: p.pts, closed: true })) : s.paths;
      if (op === 'engrave-fill') {
        const closed = paths.filter((p) => p.closed);
        // A filled line (two points) has no inside: nothing to say. An open stroke shape asked to be filled does.
        if (paint === 'stroke') openFills += paths.length - closed.length;
        if (closed.length > 0) out.fill.push({ shape: s.index, group, paths: closed, rule: s.fillRule });
      } else {
        for (const poly of paths) out[op].push({ shape: s.index, group, poly });
      }
    }
  }
  if (openFills > 0) findings.add('fill_open_shape', {}, openFills);
  for (const u of uses.values()) {
    if (!u.mapped && u.operation === 'ignore') findings.add('unmapped_color', { paint: u.paint, color: u.color }, u.shapes, `${u.paint}:${u.color}`);
  }
  out.colors = [...uses.values()].sort((a, b) => b.shapes - a.shapes);
  return out;
}
