// The one material of the toolpath: each segment coloured by its own record (flat varying from the
// segment's last point), by feature, speed or laser power, travel faint or dropped, layers outside
// the window dropped, all through uniforms: changing any of them redraws, never rebuilds. On the
// machine board, the work not done yet is a pale ghost: the segment's index is its last point's
// (gl_VertexID counts from the start of the buffer, whatever the draw range).
import { GLSL3, ShaderMaterial } from 'three';
import { featurePalette, ghostColor, hexToRgb, paletteSize, rampStops, travelColor, type ColorMode } from './palette';

const vertexShader = /* glsl */ `
in uint record;

uniform vec3 uPalette[${paletteSize}];
uniform vec3 uRamp[${rampStops.length}];
uniform int uColorMode;      // 0 feature, 1 bucket ramp (speed or power)
uniform vec2 uBucketScale;   // min, max of the ramp
uniform uint uLayerLo;
uniform uint uLayerHi;
uniform bool uShowTravel;
uniform vec3 uTravelColor;
uniform bool uProgress;
uniform int uDoneVertex;     // points 1..uDoneVertex end segments that are done
uniform vec3 uGhostColor;

flat out vec4 vColor;        // alpha 0: not drawn

vec3 ramp(float t) {
  float x = clamp(t, 0.0, 1.0) * float(${rampStops.length - 1});
  int i = min(int(floor(x)), ${rampStops.length - 2});
  return mix(uRamp[i], uRamp[i + 1], x - float(i));
}

void main() {
  uint kind = record & 3u;
  uint feature = (record >> 2u) & 31u;
  uint bucket = (record >> 7u) & 255u;
  uint layer = record >> 15u;
  float shown = (layer < uLayerLo || layer > uLayerHi) ? 0.0 : 1.0;
  vec3 color;
  if (kind != 1u) {
    color = uTravelColor;
    if (!uShowTravel) shown = 0.0;
  } else if (uColorMode == 0) {
    color = uPalette[feature];
  } else {
    color = ramp((float(bucket) - uBucketScale.x) / max(uBucketScale.y - uBucketScale.x, 1.0));
  }
  // Every other layer a shade darker, so that layers read apart.
  if ((layer & 1u) == 1u) color *= 0.88;
  bool ghost = uProgress && kind == 1u && gl_VertexID > uDoneVertex;
  if (ghost) color = uGhostColor;
  vColor = vec4(color, shown);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  // A laser going round the same outline again: the pass done must show over the passes to come,
  // which lie exactly on it. A nudge of a few depth units wins that tie and nothing else.
  if (uProgress && !ghost) gl_Position.z -= 2e-6 * gl_Position.w;
}
`;

const fragmentShader = /* glsl */ `
flat in vec4 vColor;
out vec4 fragColor;

void main() {
  if (vColor.a < 0.5) discard;
  fragColor = vec4(vColor.rgb, 1.0);
}
`;

export interface PathUniforms {
  colorMode: ColorMode;
  bucketMin: number;
  bucketMax: number;
  layerLo: number;
  layerHi: number;
  showTravel: boolean;
}

function flat(colors: [number, number, number][]): Float32Array {
  const out = new Float32Array(colors.length * 3);
  colors.forEach((c, i) => out.set(c, i * 3));
  return out;
}

export function createPathMaterial(featureNames: readonly string[]): ShaderMaterial {
  return new ShaderMaterial({
    glslVersion: GLSL3,
    vertexShader,
    fragmentShader,
    uniforms: {
      uPalette: { value: flat(featurePalette(featureNames)) },
      uRamp: { value: flat(rampStops.map(hexToRgb)) },
      uColorMode: { value: 0 },
      uBucketScale: { value: [0, 255] },
      uLayerLo: { value: 0 },
      uLayerHi: { value: 0x1ffff },
      uShowTravel: { value: false },
      uTravelColor: { value: hexToRgb(travelColor) },
      uProgress: { value: false },
      uDoneVertex: { value: 0 },
      uGhostColor: { value: hexToRgb(ghostColor) },
    },
    // Colours are written as they are given (sRGB), like the page around the canvas.
    toneMapped: false,
  });
}

export function setPathUniforms(material: ShaderMaterial, u: PathUniforms): void {
  const uniforms = material.uniforms;
  uniforms.uColorMode!.value = u.colorMode === 'feature' ? 0 : 1;
  uniforms.uBucketScale!.value = [u.bucketMin, u.bucketMax];
  uniforms.uLayerLo!.value = Math.max(0, u.layerLo);
  uniforms.uLayerHi!.value = Math.max(0, u.layerHi);
  uniforms.uShowTravel!.value = u.showTravel;
}

/** Segments 0..done − 1 in colour, the rest as a ghost; null draws everything in colour. */
export function setPathProgress(material: ShaderMaterial, doneSegments: number | null): void {
  const uniforms = material.uniforms;
  uniforms.uProgress!.value = doneSegments !== null;
  // Segment s ends at point s + 1: points up to `done` close a done segment.
  uniforms.uDoneVertex!.value = Math.max(0, Math.min(doneSegments ?? 0, 0x7fffffff));
}
