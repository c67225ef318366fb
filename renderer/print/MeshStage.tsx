// The 3D stage of a model on a printer's bed, for the print screen and the templates' preview.
// Loaded on demand with three.js, in its own chunk. The canvas is made here, not by React: a canvas
// whose WebGL context was given back cannot be used again, and each mount gets a fresh one.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TargetIcon } from '../components/icons';
import { MeshView, type Box3D, type ModelTone } from './mesh-view';

export interface MeshStageProps {
  positions: Float32Array | null;
  /** Changes when the positions do (a new placement): the view takes the new array. */
  modelKey: string;
  tone: ModelTone;
  area: Box3D | null;
  origin?: Box3D;
  label: string;
  testId?: string;
  children?: ReactNode;
}

export default function MeshStage({ positions, modelKey, tone, area, origin, label, testId = 'mesh-stage', children }: MeshStageProps) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const view = useRef<MeshView | null>(null);
  const [epoch, setEpoch] = useState(0);
  const [problem, setProblem] = useState(false);
  const [drawn, setDrawn] = useState('');

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const canvas = document.createElement('canvas');
    canvas.className = 'preview-canvas';
    canvas.dataset.testid = `${testId}-canvas`;
    canvas.setAttribute('role', 'img');
    el.prepend(canvas);
    let v: MeshView;
    try {
      v = new MeshView(canvas);
    } catch {
      canvas.remove();
      setProblem(true);
      return;
    }
    view.current = v;
    v.resize(el.clientWidth, el.clientHeight);
    const ro = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) v.resize(box.width, box.height);
    });
    ro.observe(el);
    setEpoch((n) => n + 1);
    return () => {
      ro.disconnect();
      v.dispose();
      view.current = null;
      canvas.remove();
    };
  }, [testId]);

  useEffect(() => {
    holder.current?.querySelector('canvas')?.setAttribute('aria-label', label);
  }, [epoch, label]);

  const ax = area?.x, ay = area?.y, az = area?.z;
  const ox = origin?.x ?? 0, oy = origin?.y ?? 0, oz = origin?.z ?? 0;
  useEffect(() => {
    view.current?.setBed(ax !== undefined && ay !== undefined && az !== undefined ? { x: ax, y: ay, z: az } : null, { x: ox, y: oy, z: oz });
  }, [epoch, ax, ay, az, ox, oy, oz]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    setDrawn('');
    v.onReady = () => setDrawn(modelKey);
    v.setModel(positions, tone);
    // The tone has its own effect: a new colour is not a new model.
  }, [epoch, positions, modelKey]);

  useEffect(() => {
    view.current?.setTone(tone);
  }, [epoch, tone]);

  return (
    <div className="preview-stage mesh-stage" ref={holder} data-testid={testId} data-drawn={drawn && drawn === modelKey ? 'yes' : 'no'} data-tone={tone}>
      {problem ? (
        <p className="preview-overlay preview-problem" role="alert">
          {t('preview.noWebgl')}
        </p>
      ) : null}
      {children}
      <div className="stage-tools">
        <button
          type="button"
          className="btn btn-secondary btn-square"
          aria-label={t('preview.resetView')}
          title={t('preview.resetView')}
          onClick={() => view.current?.resetView()}
        >
          <TargetIcon />
        </button>
      </div>
    </div>
  );
}
