// A 3D model on the printer's bed (the bed, renderer and controls of preview/stage.ts), the model lit and
// flat-shaded. Frames drawn on demand only. Used by the print screen and the templates' preview.
import {
  AmbientLight,
  Box3,
  BufferAttribute,
  BufferGeometry,
  DirectionalLight,
  DoubleSide,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  Vector3,
  WebGLRenderer,
} from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { fitDistance } from '../preview/framing';
import { buildBed, createStage, disposeTree, fov, lines, sameArea, type WorkArea } from '../preview/stage';
import { sceneColors } from '../preview/palette';

export type Box3D = WorkArea;

export const modelColors = { ok: '#4e8c6c', bad: '#c0462b', neutral: '#d99a2b' } as const;
export type ModelTone = keyof typeof modelColors;

const slanted = new Vector3(-0.5, -1, 0.75).normalize();

export class MeshView {
  private readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera: PerspectiveCamera;
  private readonly controls: OrbitControls;
  private readonly bed = new Group();
  /** Without a bed: a small grid under the model, so that it stands on something. */
  private readonly ground = new Group();
  private model: Mesh<BufferGeometry, MeshStandardMaterial> | null = null;
  private area: Box3D | null = null;
  private origin: Box3D = { x: 0, y: 0, z: 0 };
  private pending = 0;
  private userMoved = false;
  private drawnModel = false;
  /** Called after the first frame that shows a new model. */
  onReady: (() => void) | null = null;

  constructor(readonly canvas: HTMLCanvasElement) {
    ({ renderer: this.renderer, camera: this.camera, controls: this.controls } = createStage(canvas, { maxPolarAngle: Math.PI / 2 + 0.3 }));
    this.controls.addEventListener('change', this.requestRender);
    this.controls.addEventListener('start', this.onUserMove);
    this.scene.add(this.bed, this.ground);
    this.scene.add(new HemisphereLight('#fffaf0', '#8a7d66', 1.6));
    this.scene.add(new AmbientLight('#ffffff', 0.35));
    const sun = new DirectionalLight('#ffffff', 1.6);
    sun.position.set(-0.6, -1, 1.4);
    this.scene.add(sun);
  }

  setBed(area: Box3D | null, origin: Box3D = { x: 0, y: 0, z: 0 }): void {
    if (sameArea(area, this.area) && sameArea(origin, this.origin)) return;
    this.area = area;
    this.origin = origin;
    disposeTree(this.bed);
    this.bed.clear();
    this.bed.position.set(origin.x, origin.y, origin.z);
    if (area && area.x > 0 && area.y > 0) buildBed(this.bed, area);
    this.buildGround();
    if (!this.userMoved) this.resetView();
    this.requestRender();
  }

  /** The model's triangles (9 floats each, mm), or none. The array is used as it is. */
  setModel(positions: Float32Array | null, tone: ModelTone = 'ok'): void {
    if (this.model) {
      this.scene.remove(this.model);
      this.model.geometry.dispose();
      this.model.material.dispose();
      this.model = null;
    }
    if (positions && positions.length >= 9) {
      const g = new BufferGeometry();
      g.setAttribute('position', new BufferAttribute(positions, 3));
      // Not indexed: one normal per face, the flat shading a printed part has.
      g.computeVertexNormals();
      g.computeBoundingBox();
      const material = new MeshStandardMaterial({ color: modelColors[tone], roughness: 0.7, metalness: 0.05, flatShading: true, side: DoubleSide });
      this.model = new Mesh(g, material);
      this.scene.add(this.model);
      this.drawnModel = false;
    }
    this.buildGround();
    this.resetView();
  }

  private buildGround(): void {
    disposeTree(this.ground);
    this.ground.clear();
    const mb = this.model?.geometry.boundingBox;
    if (this.area || !mb) return;
    const size = mb.getSize(new Vector3());
    const step = Math.max(size.x, size.y) > 120 ? 10 : 5;
    const half = Math.ceil((Math.max(size.x, size.y) * 0.8 + step) / step) * step;
    const c = mb.getCenter(new Vector3());
    const cx = Math.round(c.x / step) * step;
    const cy = Math.round(c.y / step) * step;
    const plane = new Mesh(
      new PlaneGeometry(2 * half, 2 * half),
      new MeshBasicMaterial({ color: sceneColors.bed, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: 2, polygonOffsetUnits: 2 }),
    );
    plane.position.set(cx, cy, mb.min.z);
    const grid: number[] = [];
    for (let v = -half; v <= half; v += step) grid.push(cx + v, cy - half, mb.min.z, cx + v, cy + half, mb.min.z, cx - half, cy + v, mb.min.z, cx + half, cy + v, mb.min.z);
    this.ground.add(plane, lines(grid, sceneColors.gridMinor));
  }

  setTone(tone: ModelTone): void {
    if (!this.model) return;
    this.model.material.color.set(modelColors[tone]);
    this.requestRender();
  }

  resetView(): void {
    const box = this.frameBox();
    const center = box.getCenter(new Vector3());
    const size = box.getSize(new Vector3());
    const distance = fitDistance(box, center, slanted, this.camera.up, fov, this.camera.aspect);
    this.camera.position.copy(center).addScaledVector(slanted, distance);
    this.camera.near = Math.max(0.05, distance / 200);
    this.camera.far = distance * 6 + size.length() * 4;
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(center);
    this.controls.minDistance = Math.max(size.length() * 0.05, 2);
    this.controls.maxDistance = distance * 4;
    this.controls.update();
    this.userMoved = false;
    this.requestRender();
  }

  resize(width: number, height: number): void {
    if (width <= 0 || height <= 0) return;
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.updateProjectionMatrix();
    if (!this.userMoved) this.resetView();
    this.requestRender();
  }

  readonly requestRender = (): void => {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.renderer.render(this.scene, this.camera);
      if (this.model && !this.drawnModel) {
        this.drawnModel = true;
        this.onReady?.();
      }
    });
  };

  dispose(): void {
    if (this.pending) cancelAnimationFrame(this.pending);
    this.pending = 0;
    this.onReady = null;
    this.controls.removeEventListener('change', this.requestRender);
    this.controls.removeEventListener('start', this.onUserMove);
    this.controls.dispose();
    this.setModel(null);
    disposeTree(this.bed);
    disposeTree(this.ground);
    this.scene.clear();
    this.renderer.dispose();
    this.renderer.forceContextLoss();
  }

  private readonly onUserMove = (): void => {
    this.userMoved = true;
  };

  /** The model with the bed around it (the maker sees where it stands), or the bed alone. */
  private frameBox(): Box3 {
    const box = new Box3();
    if (this.area) {
      const o = this.origin;
      box.expandByPoint(new Vector3(o.x, o.y, o.z));
      box.expandByPoint(new Vector3(o.x + this.area.x, o.y + this.area.y, o.z));
    }
    const mb = this.model?.geometry.boundingBox;
    if (mb) {
      box.union(mb);
      // A model much smaller than the bed: frame the model with some bed around it.
      if (this.area) {
        const ms = mb.getSize(new Vector3());
        const big = Math.max(ms.x, ms.y, ms.z);
        if (big < Math.max(this.area.x, this.area.y) * 0.3) {
          const c = mb.getCenter(new Vector3());
          const half = Math.max(big * 1.6, 30);
          return new Box3(new Vector3(c.x - half, c.y - half, 0), new Vector3(c.x + half, c.y + half, Math.max(mb.max.z, 1)));
        }
      }
    }
    if (box.isEmpty()) box.set(new Vector3(0, 0, 0), new Vector3(200, 200, 0));
    return box;
  }
}
