// What the two 3D views share (the G-code preview and the machine board's view in view.ts, the model on
// the printer's bed in print/mesh-view.ts): the WebGL renderer, a Z-up camera with touch orbit controls,
// the machine's bed, and giving the GPU's memory back.
import {
  BufferGeometry,
  Color,
  DoubleSide,
  Float32BufferAttribute,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  Object3D,
  PerspectiveCamera,
  Shape,
  ShapeGeometry,
  WebGLRenderer,
  type Material,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { sceneColors } from './palette';

/** A machine's work area or its origin, mm. */
export interface WorkArea {
  x: number;
  y: number;
  z: number;
}

export const fov = 35;

/** The renderer on the canvas, a Z-up camera, and orbit controls: one finger turns, two zoom and pan. */
export function createStage(
  canvas: HTMLCanvasElement,
  opts: { maxPolarAngle: number; powerPreference?: WebGLPowerPreference },
): { renderer: WebGLRenderer; camera: PerspectiveCamera; controls: OrbitControls } {
  const renderer = new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true, ...(opts.powerPreference ? { powerPreference: opts.powerPreference } : {}) });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
  renderer.setClearColor(new Color(sceneColors.background), 1);
  const camera = new PerspectiveCamera(fov, 1, 0.1, 10_000);
  camera.up.set(0, 0, 1);
  const controls = new OrbitControls(camera, canvas);
  controls.screenSpacePanning = true;
  controls.maxPolarAngle = opts.maxPolarAngle;
  return { renderer, camera, controls };
}

export function sameArea(a: WorkArea | null, b: WorkArea | null): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.z === b.z);
}

export function disposeTree(root: Object3D): void {
  root.traverse((o) => {
    const withGeometry = o as Object3D & { geometry?: BufferGeometry; material?: Material | Material[] };
    withGeometry.geometry?.dispose();
    const m = withGeometry.material;
    if (Array.isArray(m)) m.forEach((x) => x.dispose());
    else m?.dispose();
  });
}

export function lines(points: number[], color: string): LineSegments {
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(points, 3));
  return new LineSegments(g, new LineBasicMaterial({ color }));
}

/** The bed: a light surface, a grid every 10 mm (stronger every 50), a green frame, the volume's edges. */
export function buildBed(group: Group, area: WorkArea): void {
  const { x: w, y: d, z: h } = area;
  const surface = new Mesh(
    new ShapeGeometry(rect(0, 0, w, d)),
    new MeshBasicMaterial({ color: sceneColors.bed, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: 2, polygonOffsetUnits: 2 }),
  );
  group.add(surface);

  const minor: number[] = [];
  const major: number[] = [];
  for (let x = 10; x < w; x += 10) (x % 50 === 0 ? major : minor).push(x, 0, 0, x, d, 0);
  for (let y = 10; y < d; y += 10) (y % 50 === 0 ? major : minor).push(0, y, 0, w, y, 0);
  group.add(lines(minor, sceneColors.gridMinor), lines(major, sceneColors.gridMajor));

  // A frame as wide as a few pixels at the usual distance, drawn as a surface (lines are 1 px).
  const t = Math.max(w, d) * 0.006;
  const frame = rect(-t, -t, w + t, d + t);
  frame.holes.push(rect(0, 0, w, d));
  const frameMesh = new Mesh(
    new ShapeGeometry(frame),
    new MeshBasicMaterial({ color: sceneColors.outline, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 }),
  );
  group.add(frameMesh);

  if (h > 0) {
    const edges: number[] = [];
    const corners: [number, number][] = [
      [0, 0],
      [w, 0],
      [w, d],
      [0, d],
    ];
    corners.forEach(([cx, cy], i) => {
      const [nx, ny] = corners[(i + 1) % 4]!;
      edges.push(cx, cy, 0, cx, cy, h, cx, cy, h, nx, ny, h);
    });
    group.add(lines(edges, sceneColors.volume));
  }
}

function rect(x0: number, y0: number, x1: number, y1: number): Shape {
  const s = new Shape();
  s.moveTo(x0, y0);
  s.lineTo(x1, y0);
  s.lineTo(x1, y1);
  s.lineTo(x0, y1);
  s.closePath();
  return s;
}
