// The 3D view's canvas and its ToolpathView, for any panel that shows a toolpath (the G-code check,
// the machine board). The canvas is made here rather than by React: a canvas whose WebGL context was
// given back cannot be used again, and each mount gets a fresh one.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { ToolpathView } from './view';

export type GlProblem = 'noWebgl' | 'contextLost' | null;

/** `epoch` changes when a new view is ready: effects that feed the view depend on it. */
export function useToolpathView(stage: RefObject<HTMLDivElement | null>, label: string): {
  view: RefObject<ToolpathView | null>;
  epoch: number;
  problem: GlProblem;
} {
  const view = useRef<ToolpathView | null>(null);
  const [epoch, setEpoch] = useState(0);
  const [problem, setProblem] = useState<GlProblem>(null);

  useEffect(() => {
    const holder = stage.current;
    if (!holder) return;
    const canvas = document.createElement('canvas');
    canvas.className = 'preview-canvas';
    canvas.dataset.testid = 'preview-canvas';
    holder.prepend(canvas);
    let v: ToolpathView;
    try {
      v = new ToolpathView(canvas);
    } catch {
      canvas.remove();
      setProblem('noWebgl');
      return;
    }
    view.current = v;
    v.resize(holder.clientWidth, holder.clientHeight);
    const resize = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) v.resize(box.width, box.height);
    });
    resize.observe(holder);
    const lost = (e: Event) => {
      e.preventDefault();
      setProblem('contextLost');
    };
    canvas.addEventListener('webglcontextlost', lost);
    setEpoch((n) => n + 1);
    return () => {
      canvas.removeEventListener('webglcontextlost', lost);
      resize.disconnect();
      v.dispose();
      view.current = null;
      canvas.remove();
    };
  }, [stage]);

  useEffect(() => {
    const canvas = stage.current?.querySelector('canvas');
    canvas?.setAttribute('role', 'img');
    canvas?.setAttribute('aria-label', label);
  }, [stage, epoch, label]);

  return { view, epoch, problem };
}
