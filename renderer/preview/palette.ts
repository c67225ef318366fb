// Colours of the 3D preview. By feature: close to the colours makers know from PrusaSlicer and
// Cura, darkened where they would vanish on the kiosk's light background. By speed or laser power:
// one ramp from cool to hot. The shader gets them as uniforms; the legend draws them as SVG fills.

export const featureNames = [
  'none',
  'outer_wall',
  'inner_wall',
  'overhang_wall',
  'solid_infill',
  'top_surface',
  'bottom_surface',
  'sparse_infill',
  'bridge',
  'gap_fill',
  'skirt_brim',
  'support',
  'support_interface',
  'prime_tower',
  'ironing',
  'custom',
  'raft',
  'thin_wall',
  'ooze_shield',
  'travel',
  'laser_cut',
  'laser_fill',
  'laser_image',
  'laser_score',
  'other',
] as const;
export type FeatureName = (typeof featureNames)[number];

export function isFeatureName(name: string): name is FeatureName {
  return (featureNames as readonly string[]).includes(name);
}

export const featureColors: Record<FeatureName, string> = {
  none: '#b04c28',
  outer_wall: '#e8711e',
  inner_wall: '#d49a12',
  overhang_wall: '#2f5fd0',
  solid_infill: '#8e4fc2',
  top_surface: '#d8312f',
  bottom_surface: '#6e5ba8',
  sparse_infill: '#a3262b',
  bridge: '#3d7fb8',
  gap_fill: '#6f7780',
  skirt_brim: '#0e8770',
  support: '#37a337',
  support_interface: '#1e6b2e',
  prime_tower: '#6fa86a',
  ironing: '#d9709a',
  custom: '#3fae80',
  raft: '#8c6d46',
  thin_wall: '#c9651a',
  ooze_shield: '#4f93a3',
  travel: '#7da3d4',
  laser_cut: '#d8312f',
  laser_fill: '#2b2823',
  laser_image: '#55606b',
  laser_score: '#2f6bd0',
  other: '#8a7f6e',
};

/**
 * Work not done yet on the board's view of a running job: a pale silhouette of the part to come, in a
 * cool grey that the warm bed and its grid do not swallow (a laser job lies flat on them).
 */
export const ghostColor = '#b4bfc8';
/** The head's marker on the board's view: dark ink, which stands out from the path's colours and the bed. */
export const headColor = '#23201b';

/** Travel moves, when shown: light enough to stay behind the work. */
export const travelColor = '#7da3d4';
/** The preview's background, the bed and its grid (low saturation, unlike the toolpath). */
export const sceneColors = {
  background: '#ebe4d6',
  bed: '#f7f2e8',
  gridMinor: '#ded4c1',
  gridMajor: '#c9bb9f',
  outline: '#1e4b3a',
  volume: '#9fb3a6',
} as const;

/** Cool to hot: slow or weak (blue) to fast or strong (red). */
export const rampStops = ['#2c5f9e', '#1f9b8f', '#7fb23a', '#e0a53a', '#c73e1d'] as const;

/** The shader's palette array has room for every 5-bit feature id. */
export const paletteSize = 32;

export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return [parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255];
}

/** One colour per feature id, in the order of the toolpath's own feature names. */
export function featurePalette(names: readonly string[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let id = 0; id < paletteSize; id++) {
    const name = names[id];
    out.push(hexToRgb(name !== undefined && isFeatureName(name) ? featureColors[name] : featureColors.other));
  }
  return out;
}

/** Position of a bucket on the ramp, 0–1 (the shader computes the same). */
export function rampPosition(bucket: number, min: number, max: number): number {
  const t = (bucket - min) / Math.max(max - min, 1);
  return Math.min(1, Math.max(0, t));
}

/** The ramp's colour at t (mirror of the shader, for tests and the legend). */
export function rampColor(t: number): [number, number, number] {
  const stops = rampStops.map(hexToRgb);
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export type ColorMode = 'feature' | 'speed' | 'power';
export const colorModes: readonly ColorMode[] = ['feature', 'speed', 'power'];

/** The scale of the bucket for a colour mode: speed over the job's own range, power over 0–100 %. */
export function bucketScale(mode: ColorMode, bucketMin: number, bucketMax: number): { min: number; max: number } {
  if (mode === 'power') return { min: 0, max: 255 };
  if (!Number.isFinite(bucketMin) || !Number.isFinite(bucketMax)) return { min: 0, max: 255 };
  return { min: bucketMin, max: Math.max(bucketMax, bucketMin + 1) };
}

/** The colour modes a toolpath offers: power only where buckets hold laser power. */
export function availableColorModes(workBucket: 'speed' | 'power'): ColorMode[] {
  return workBucket === 'power' ? ['feature', 'power'] : ['feature', 'speed'];
}
