// The 3D preview: one WebGL renderer, the machine's bed (outline, surface, light grid, volume), the
// toolpath as one line over the continuous path in one draw call, orbit controls for touch (one
// finger turns, two fingers zoom and pan). G-code coordinates are used as they are, with Z up.
// Frames are drawn on demand only: when the view moves, when a setting changes, when the size does.
// The machine board adds two things: the work not done yet drawn as a ghost, and the head's marker.
import {
  Box3,
  BufferAttribute,
  BufferGeometry,
  ConeGeometry,
  DoubleSide,
  Group,
  Line,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  RingGeometry,
  Scene,
  Vector3,
  WebGLRenderer,
  type ShaderMaterial,
} from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { fitDistance, frameBox } from './framing';
import { buildBed, createStage, disposeTree, fov, sameArea, type WorkArea } from './stage';
import { drawRange, layerWindow, type LayerMode } from './layers';
import { createPathMaterial, setPathProgress, setPathUniforms } from './material';
import { bucketScale, headColor, type ColorMode } from './palette';
import type { PreviewToolpath, ToolpathStats } from './toolpath-data';

export type { WorkArea } from './stage';

export interface ViewSettings {
  layer: number;
  layerMode: LayerMode;
  showTravel: boolean;
  colorMode: ColorMode;
}

/** Where the camera looks from, before the maker turns it: a three-quarter view, or from above for flat jobs. */
const slantedView = new Vector3(-0.55, -1, 0.8).normalize();
const topView = new Vector3(0, -0.3, 1).normalize();

export class ToolpathView {
  readonly canvas: HTMLCanvasElement;
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera: PerspectiveCamera;
  private readonly controls: OrbitControls;
  private readonly bed = new Group();
  private path: Line<BufferGeometry, ShaderMaterial> | null = null;
  private toolpath: PreviewToolpath | null = null;
  private stats: ToolpathStats | null = null;
  private area: WorkArea | null = null;
  private origin: WorkArea | null = null;
  private settings: ViewSettings = { layer: Number.MAX_SAFE_INTEGER, layerMode: 'upTo', showTravel: false, colorMode: 'feature' };
  private pending = 0;
  private drawnWithPath = false;
  private done: number | null = null;
  /** Until someone turns or zooms the view, a new size frames the job again. */
  private userMoved = false;
  /** Room around the job when framed (1: as close as it fits). */
  framePadding = 1;
  private marker: Group | null = null;
  private markerAt: WorkArea | null = null;
  /** Duration of the last `render()` call on the CPU side, ms, and frames drawn so far. */
  lastRenderMs = 0;
  private frames = 0;
  /** Called after the first frame that shows the toolpath. */
  onReady: (() => void) | null = null;

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
    ({ renderer: this.renderer, camera: this.camera, controls: this.controls } = createStage(canvas, { maxPolarAngle: Math.PI / 2 + 0.2, powerPreference: 'high-performance' }));
    this.controls.addEventListener('change', this.requestRender);
    this.controls.addEventListener('start', this.onUserMove);
    this.scene.add(this.bed);
  }

  /** Draws the machine's bed; `null` when the machine has no known work area. */
  setWorkArea(area: WorkArea | null, origin: WorkArea = { x: 0, y: 0, z: 0 }): void {
    if (sameArea(area, this.area) && sameArea(origin, this.origin)) return;
    this.area = area;
    this.origin = origin;
    disposeTree(this.bed);
    this.bed.clear();
    // The bed is drawn from 0 and moved to where the machine's work area really starts.
    this.bed.position.set(origin.x, origin.y, origin.z);
    if (area && area.x > 0 && area.y > 0) buildBed(this.bed, area);
    this.requestRender();
  }

  setToolpath(toolpath: PreviewToolpath, stats: ToolpathStats): void {
    this.clearPath();
    const geometry = new BufferGeometry();
    // The worker's buffers, used as they are: no copy on this side.
    geometry.setAttribute('position', new BufferAttribute(toolpath.positions, 3));
    // Uint32 data: an integer attribute (`in uint record` in the shader).
    geometry.setAttribute('record', new BufferAttribute(toolpath.vertexRecords, 1));
    const material = createPathMaterial(toolpath.featureNames);
    const line = new Line(geometry, material);
    // The bounds are known from the worker; three need not walk millions of points to cull one object.
    line.frustumCulled = false;
    this.path = line;
    this.toolpath = toolpath;
    this.stats = stats;
    this.scene.add(line);
    this.drawnWithPath = false;
    this.applySettings();
    setPathProgress(material, this.done);
    this.scaleMarker();
    this.resetView();
  }

  /** Segments done so far in colour, the rest as a ghost (null: all in colour). */
  setProgress(doneSegments: number | null): void {
    if (doneSegments === this.done) return;
    this.done = doneSegments;
    if (this.path) setPathProgress(this.path.material, doneSegments);
    this.requestRender();
  }

  /**
   * The head: a cone whose tip is where the firmware says it is (a nozzle, seen from the side), and a
   * ring round the tip on the work plane (a laser's spot, seen from above). Null hides it.
   */
  setMarker(at: WorkArea | null): void {
    if (sameArea(at, this.markerAt)) return;
    this.markerAt = at;
    if (!at) {
      if (this.marker) this.marker.visible = false;
      this.requestRender();
      return;
    }
    if (!this.marker) {
      // Drawn over the path: a head behind the part it is printing must still be seen.
      const material = new MeshBasicMaterial({ color: headColor, depthTest: false, transparent: true, opacity: 0.9, side: DoubleSide });
      const cone = new ConeGeometry(0.35, 1, 24);
      // Tip down, at the origin: the group's position is then the tip's.
      cone.rotateX(-Math.PI / 2);
      cone.translate(0, 0, 0.5);
      const ring = new RingGeometry(0.55, 0.8, 40);
      const marker = new Group();
      marker.add(new Mesh(cone, material), new Mesh(ring, material));
      marker.renderOrder = 2;
      marker.children.forEach((c) => (c.renderOrder = 2));
      this.marker = marker;
      this.scene.add(marker);
      this.scaleMarker();
    }
    this.marker.visible = true;
    this.marker.position.set(at.x, at.y, at.z);
    this.requestRender();
  }

  private scaleMarker(): void {
    if (!this.marker) return;
    const size = this.frameBox().getSize(new Vector3());
    const s = Math.min(30, Math.max(3, Math.max(size.x, size.y, size.z) * 0.08));
    this.marker.scale.set(s, s, s * 1.6);
  }

  update(settings: Partial<ViewSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.applySettings();
    this.requestRender();
  }

  /** Back to the framing of the job (or of the bed without a job). */
  resetView(): void {
    const box = this.frameBox();
    const center = box.getCenter(new Vector3());
    const size = box.getSize(new Vector3());
    const flat = size.z < Math.max(size.x, size.y) * 0.02;
    const dir = flat ? topView : slantedView;
    const distance = fitDistance(box, center, dir, this.camera.up, fov, this.camera.aspect) * this.framePadding;
    this.camera.position.copy(center).addScaledVector(dir, distance);
    const radius = Math.max(size.length() / 2, 5);
    const bedSize = this.area ? Math.hypot(this.area.x, this.area.y, this.area.z) : 0;
    this.camera.near = Math.max(0.05, distance / 200);
    this.camera.far = distance * 4 + bedSize * 2;
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(center);
    this.controls.minDistance = radius * 0.05;
    this.controls.maxDistance = distance * 3 + bedSize;
    this.controls.update();
    this.userMoved = false;
    this.requestRender();
  }

  resize(width: number, height: number): void {
    if (width <= 0 || height <= 0) return;
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    // The panel settled into its size after the first framing (a legend appeared, the page reflowed).
    if (!this.userMoved) this.resetView();
    this.requestRender();
  }

  private readonly onUserMove = (): void => {
    this.userMoved = true;
  };

  readonly requestRender = (): void => {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.render();
    });
  };

  render(): void {
    const started = performance.now();
    this.renderer.render(this.scene, this.camera);
    this.lastRenderMs = performance.now() - started;
    // For diagnostics (and the performance check): what the page spent on the last frame.
    this.frames++;
    this.canvas.dataset.frames = String(this.frames);
    this.canvas.dataset.renderMs = this.lastRenderMs.toFixed(1);
    if (this.path && !this.drawnWithPath) {
      this.drawnWithPath = true;
      this.onReady?.();
    }
  }

  dispose(): void {
    if (this.pending) cancelAnimationFrame(this.pending);
    this.pending = 0;
    this.onReady = null;
    this.controls.removeEventListener('change', this.requestRender);
    this.controls.removeEventListener('start', this.onUserMove);
    this.controls.dispose();
    this.clearPath();
    if (this.marker) {
      disposeTree(this.marker);
      this.marker = null;
    }
    disposeTree(this.bed);
    this.scene.clear();
    this.renderer.dispose();
    // Give the GPU memory back now rather than when the page goes: the kiosk never reloads.
    this.renderer.forceContextLoss();
  }

  private frameBox(): Box3 {
    return frameBox(this.stats, this.area);
  }

  private applySettings(): void {
    const path = this.path;
    const tp = this.toolpath;
    const stats = this.stats;
    if (!path || !tp || !stats) return;
    const layers = tp.layerStarts.length;
    const { lo, hi } = layers > 0 ? layerWindow(this.settings.layerMode, this.settings.layer, layers) : { lo: 0, hi: 0x1ffff };
    // What is above (and, for one layer, below) the window is not even sent to the GPU...
    const range = drawRange(tp.layerStarts, tp.segments, lo, hi);
    path.geometry.setDrawRange(range.start, range.count);
    // ...and the shader drops whatever of it the range still holds (travel, the ends of the range).
    const scale = bucketScale(this.settings.colorMode, stats.bucketMin, stats.bucketMax);
    setPathUniforms(path.material, {
      colorMode: this.settings.colorMode,
      bucketMin: scale.min,
      bucketMax: scale.max,
      layerLo: lo,
      layerHi: layers > 0 ? hi : 0x1ffff,
      showTravel: this.settings.showTravel,
    });
  }

  private clearPath(): void {
    if (!this.path) return;
    this.scene.remove(this.path);
    this.path.geometry.dispose();
    this.path.material.dispose();
    this.path = null;
    this.toolpath = null;
    this.stats = null;
  }
}
