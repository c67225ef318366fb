// Slicer comments: layer and feature markers, header and footer metadata (generator, estimates,
// filament), from PrusaSlicer/Orca/SuperSlicer, Cura, Simplify3D and LightBurn; generator names of
// laser tools in `( )` comments too.
//
// A comment is matched on its first byte, then on a byte prefix: no string unless the comment holds
// metadata worth keeping. What the motion side must act on comes back as event bits.

import { FEATURE_OTHER } from './toolpath';
import type { SlicerInfo } from './types';
import { decode, enc, matchAt, parseNumber, sumNumbers } from './words';

/** A layer starts (PrusaSlicer `;LAYER_CHANGE`, Cura `;LAYER:n`, Simplify3D `; layer n`). */
export const EV_LAYER = 1;
/** The next layer's Z is announced (in `z`). */
export const EV_Z = 2;
/** The next layer's height is announced (in `height`). */
export const EV_HEIGHT = 4;
/** The feature changed (in `feature`). */
export const EV_FEATURE = 8;
/** The header names a laser tool (LightBurn, LaserGRBL…): without a machine, read the file as Grbl. */
export const EV_LASER_GENERATOR = 16;

// Prefixes, after the ';'.
const P_LAYER_CHANGE = enc('LAYER_CHANGE');
const P_LAYER_COLON = enc('LAYER:');
const P_LAYER_COUNT = enc('LAYER_COUNT:');
const P_Z = enc('Z:');
const P_HEIGHT = enc('HEIGHT:');
const P_TYPE = enc('TYPE:');
const P_TIME = enc('TIME:');
const P_TIME_ELAPSED = enc('TIME_ELAPSED:');
const P_FLAVOR = enc('FLAVOR:');
const P_FILAMENT_USED_CURA = enc('Filament used:');
const P_END_OF_GCODE = enc('End of Gcode');
const P_SETTING_3 = enc('SETTING_3');
// After "; " (spaces skipped).
const P_FIL_MM = enc('filament used [mm] =');
const P_FIL_G = enc('filament used [g] =');
const P_EST_NORMAL = enc('estimated printing time (normal mode) =');
const P_PRUSA_END = enc('prusaslicer_config = end');
const P_SUPER_END = enc('superslicer_config = end');
const P_CONFIG_END = enc('CONFIG_BLOCK_END');
const P_S3D_LAYER = enc('layer ');
const P_S3D_FEATURE = enc('feature ');
const P_S3D_BUILD = enc('Build time:');
const P_S3D_FILAMENT = enc('Filament length:');
const P_LB_CUT = enc('Cut @');
const P_LB_SCAN = enc('Scan @');
const P_LB_FILL = enc('Fill @');
const P_LB_OFFSET_FILL = enc('Offset Fill @');
const P_LB_IMAGE = enc('Image @');
const P_LB_SCORE = enc('Score @');

// LightBurn operations as features (FEATURE_NAMES in toolpath.ts).
const F_LASER_CUT = 20;
const F_LASER_FILL = 21;
const F_LASER_IMAGE = 22;
const F_LASER_SCORE = 23;

/** The generator is looked for in this many first lines (or comments) only. */
const HEADER_LINES = 60;

/** FNV-1a over lowercased bytes, trimmed; for feature names. */
function hashLower(buf: Uint8Array, i: number, end: number): number {
  while (i < end && (buf[i] === 32 || buf[i] === 9)) i++;
  while (end > i && (buf[end - 1] === 32 || buf[end - 1] === 9 || buf[end - 1] === 13)) end--;
  let h = 0x811c9dc5;
  for (; i < end; i++) {
    let c = buf[i]!;
    if (c >= 65 && c <= 90) c |= 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

function hashString(s: string): number {
  const b = enc(s.toLowerCase());
  return hashLower(b, 0, b.length);
}

/** Every slicer's name for a feature, by hash, to its canonical id: no string per `;TYPE:` line. */
const FEATURE_BY_HASH = new Map<number, number>();
{
  const table: [number, string[]][] = [
    [1, ['external perimeter', 'outer wall', 'wall-outer', 'outer perimeter', 'perimeter-outer']],
    [2, ['perimeter', 'inner wall', 'wall-inner', 'inner perimeter']],
    [3, ['overhang perimeter', 'overhang wall']],
    [4, ['solid infill', 'internal solid infill', 'skin', 'solid layer']],
    [5, ['top solid infill', 'top surface']],
    [6, ['bottom surface', 'bottom solid infill']],
    [7, ['internal infill', 'sparse infill', 'fill', 'infill']],
    [8, ['bridge infill', 'internal bridge infill', 'bridge', 'internal bridge', 'overhang area']],
    [9, ['gap fill', 'gap infill']],
    [10, ['skirt/brim', 'skirt', 'brim']],
    [11, ['support material', 'support', 'support-infill']],
    [12, ['support material interface', 'support interface', 'support-interface', 'support transition', 'dense support']],
    [13, ['wipe tower', 'prime tower', 'prime-tower', 'prime pillar']],
    [14, ['ironing']],
    [15, ['custom']],
    [16, ['raft']],
    [17, ['thin wall']],
    [18, ['ooze shield']],
    [19, ['travel']],
  ];
  for (const [id, names] of table) for (const n of names) FEATURE_BY_HASH.set(hashString(n), id);
}

/** "1d 2h 3m 4s", "12m 51s", "1 hours 19 minutes", "3485" → seconds. */
export function parseDuration(text: string): number | null {
  let total = 0;
  let any = false;
  const re = /(\d+(?:\.\d+)?)\s*(d|h|m|s|days?|hours?|minutes?|mins?|seconds?|secs?)?\b/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const v = Number(m[1]);
    const u = (m[2] ?? 's').toLowerCase();
    const k = u.startsWith('d') ? 86400 : u.startsWith('h') ? 3600 : u.startsWith('m') ? 60 : 1;
    total += v * k;
    any = true;
  }
  return any ? total : null;
}

const GENERATOR_RE =
  /(PrusaSlicer|SuperSlicer|OrcaSlicer|BambuStudio|Slic3r(?:\s?PE)?|Cura_SteamEngine|Simplify3D|ideaMaker|KISSlicer|LightBurn|LaserGRBL|T2Laser|Inkscape|MeerK40t|Fusion 360|Estlcam|Carbide Create|Easel|CuraEngine)(?:\(R\))?[\s:]*(?:Version\s*)?([0-9][\w.+-]*)?/i;

const LASER_GENERATORS = /LightBurn|LaserGRBL|T2Laser|MeerK40t/i;

export class SlicerMarkers {
  /** Values carried by the events of the last comment. */
  z = NaN;
  height = NaN;
  feature = 0;

  private name: string | null = null;
  private version: string | null = null;
  private flavor: string | null = null;
  private estFooter = NaN;
  private estHeader = NaN;
  private timeElapsed = NaN;
  private filMm = NaN;
  private filG = NaN;
  private layerCount = NaN;
  private curaFilamentZero = false;
  private footerSeen = false;
  private headerComments = 0;

  /** A `;` comment: bytes buf[s, e) after the ';'. Returns EV_* bits. */
  comment(buf: Uint8Array, s: number, e: number, line: number): number {
    switch (buf[s]) {
      case 76: // L
        if (matchAt(buf, s, e, P_LAYER_CHANGE) || matchAt(buf, s, e, P_LAYER_COLON)) return EV_LAYER;
        if (matchAt(buf, s, e, P_LAYER_COUNT)) this.layerCount = parseNumber(buf, s + P_LAYER_COUNT.length, e);
        return 0;
      case 90: // Z
        if (matchAt(buf, s, e, P_Z)) return this.setZ(parseNumber(buf, s + 2, e));
        return 0;
      case 72: // H
        if (matchAt(buf, s, e, P_HEIGHT)) {
          const h = parseNumber(buf, s + P_HEIGHT.length, e);
          if (h === h) {
            this.height = h;
            return EV_HEIGHT;
          }
        }
        return 0;
      case 84: // T
        if (matchAt(buf, s, e, P_TYPE)) return this.setFeature(buf, s + P_TYPE.length, e);
        if (matchAt(buf, s, e, P_TIME_ELAPSED)) this.timeElapsed = parseNumber(buf, s + P_TIME_ELAPSED.length, e);
        else if (matchAt(buf, s, e, P_TIME)) this.estHeader = parseNumber(buf, s + P_TIME.length, e);
        return 0;
      case 70: // F
        if (matchAt(buf, s, e, P_FLAVOR)) this.flavor = decode(buf, s + P_FLAVOR.length, e);
        else if (matchAt(buf, s, e, P_FILAMENT_USED_CURA)) {
          const m = parseNumber(buf, s + P_FILAMENT_USED_CURA.length, e);
          if (m === 0) this.curaFilamentZero = true;
          else if (m > 0) this.filMm = m * 1000;
        }
        return 0;
      case 69: // E
        if (matchAt(buf, s, e, P_END_OF_GCODE)) this.footerSeen = true;
        return 0;
      case 83: // S
        if (matchAt(buf, s, e, P_SETTING_3)) this.footerSeen = true;
        return 0;
      case 67: // C
        if (matchAt(buf, s, e, P_CONFIG_END)) this.footerSeen = true;
        return 0;
      case 32:
      case 9:
        return this.spaced(buf, s, e, line);
      default:
        return line <= HEADER_LINES ? this.headerText(buf, s, e) : 0;
    }
  }

  /** Comments that start with blanks: PrusaSlicer's footer, Simplify3D, LightBurn. */
  private spaced(buf: Uint8Array, s: number, e: number, line: number): number {
    let i = s + 1;
    while (i < e && (buf[i] === 32 || buf[i] === 9)) i++;
    switch (buf[i]) {
      case 102: // f
        if (matchAt(buf, i, e, P_FIL_MM)) this.filMm = sumNumbers(buf, i + P_FIL_MM.length, e);
        else if (matchAt(buf, i, e, P_FIL_G)) this.filG = sumNumbers(buf, i + P_FIL_G.length, e);
        else if (matchAt(buf, i, e, P_S3D_FEATURE)) return this.setFeature(buf, i + P_S3D_FEATURE.length, e);
        return 0;
      case 101: // e
        if (matchAt(buf, i, e, P_EST_NORMAL)) {
          const d = parseDuration(decode(buf, i + P_EST_NORMAL.length, e));
          if (d !== null) this.estFooter = d;
        }
        return 0;
      case 112: // p
        if (matchAt(buf, i, e, P_PRUSA_END)) this.footerSeen = true;
        return 0;
      case 115: // s
        if (matchAt(buf, i, e, P_SUPER_END)) this.footerSeen = true;
        return 0;
      case 108: // l — Simplify3D "; layer 1, Z = 0.200"
        if (matchAt(buf, i, e, P_S3D_LAYER)) {
          const d = buf[i + P_S3D_LAYER.length]!;
          if (d >= 48 && d <= 57) {
            for (let k = i; k < e - 1; k++)
              if (buf[k] === 90 && (buf[k + 1] === 32 || buf[k + 1] === 61)) {
                let j = k + 1;
                while (j < e && (buf[j] === 32 || buf[j] === 61)) j++;
                return EV_LAYER | this.setZ(parseNumber(buf, j, e));
              }
            return EV_LAYER;
          }
        }
        return 0;
      case 66: // B
        if (matchAt(buf, i, e, P_S3D_BUILD)) {
          const d = parseDuration(decode(buf, i + P_S3D_BUILD.length, e));
          if (d !== null) this.estFooter = d;
        }
        return 0;
      case 70: // F
        if (matchAt(buf, i, e, P_S3D_FILAMENT)) {
          const v = parseNumber(buf, i + P_S3D_FILAMENT.length, e);
          if (v === v) this.filMm = v;
          return 0;
        }
        return matchAt(buf, i, e, P_LB_FILL) ? this.laserFeature(F_LASER_FILL) : 0;
      case 67: // C
        if (matchAt(buf, i, e, P_LB_CUT)) return this.laserFeature(F_LASER_CUT);
        return line <= HEADER_LINES ? this.headerText(buf, i, e) : 0;
      case 83: // S
        if (matchAt(buf, i, e, P_LB_SCAN)) return this.laserFeature(F_LASER_FILL);
        if (matchAt(buf, i, e, P_LB_SCORE)) return this.laserFeature(F_LASER_SCORE);
        return line <= HEADER_LINES ? this.headerText(buf, i, e) : 0;
      case 79: // O
        return matchAt(buf, i, e, P_LB_OFFSET_FILL) ? this.laserFeature(F_LASER_FILL) : 0;
      case 73: // I
        return matchAt(buf, i, e, P_LB_IMAGE) ? this.laserFeature(F_LASER_IMAGE) : 0;
      default:
        return line <= HEADER_LINES ? this.headerText(buf, i, e) : 0;
    }
  }

  private setZ(z: number): number {
    if (z !== z) return 0;
    this.z = z;
    return EV_Z;
  }

  private setFeature(buf: Uint8Array, s: number, e: number): number {
    this.feature = FEATURE_BY_HASH.get(hashLower(buf, s, e)) ?? FEATURE_OTHER;
    return EV_FEATURE;
  }

  private laserFeature(id: number): number {
    this.feature = id;
    return EV_FEATURE;
  }

  /** The generator's name in one of the first comments (`;` or `( )`). */
  headerText(buf: Uint8Array, s: number, e: number): number {
    if (this.name !== null || this.headerComments >= HEADER_LINES || e - s > 400) return 0;
    this.headerComments++;
    const m = GENERATOR_RE.exec(decode(buf, s, e));
    if (!m) return 0;
    this.name = m[1]!.replace(/\s+/g, ' ');
    this.version = m[2] ?? null;
    return LASER_GENERATORS.test(this.name) ? EV_LASER_GENERATOR : 0;
  }

  /** A slicer that always writes a footer (PrusaSlicer family, Cura) without its footer: cut short. */
  footerMissing(): boolean {
    const n = this.name;
    if (n === null || this.footerSeen) return false;
    return /PrusaSlicer|SuperSlicer|OrcaSlicer|BambuStudio/i.test(n) || /Cura/i.test(n);
  }

  info(): SlicerInfo {
    const placeholders = this.estHeader === 6666 && this.curaFilamentZero;
    let estimatedS: number | null = null;
    let estimateSource: SlicerInfo['estimateSource'] = null;
    if (this.estFooter === this.estFooter) {
      estimatedS = this.estFooter;
      estimateSource = 'footer';
    } else if (this.estHeader === this.estHeader && !placeholders) {
      estimatedS = this.estHeader;
      estimateSource = 'header';
    } else if (this.timeElapsed === this.timeElapsed) {
      estimatedS = this.timeElapsed;
      estimateSource = 'time_elapsed';
    }
    return {
      name: this.name,
      version: this.version,
      flavor: this.flavor,
      estimatedS,
      estimateSource,
      filamentMm: this.filMm === this.filMm ? this.filMm : null,
      filamentG: this.filG === this.filG ? this.filG : null,
      layerCount: this.layerCount === this.layerCount ? this.layerCount : null,
      placeholders,
    };
  }
}
