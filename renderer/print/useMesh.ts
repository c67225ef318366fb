// The model placed as the maker asks, from the mesh worker: one worker for the screen, the last
// request wins, the triangles handed over without a copy.
import { useEffect, useRef, useState } from 'react';
import type { MeshTransform } from '../../electron/api/types';
import type { BedBox, MeshReply, MeshRequest, Vec3 } from './mesh-data';
import { transformKey } from './choices';

export type MeshState =
  | { phase: 'idle' }
  | { phase: 'loading'; stage: 'reading' | 'placing' }
  | { phase: 'ready'; positions: Float32Array; triangles: number; min: Vec3; max: Vec3; sourceSize: Vec3; inside: boolean | null; key: string }
  | { phase: 'failed'; code: string; params: Record<string, string | number>; message: string };

export function useMesh(file: Blob | null, name: string, transform: MeshTransform, bed: BedBox | null): MeshState {
  const [state, setState] = useState<MeshState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const w = new Worker(new URL('./mesh.worker.ts', import.meta.url), { type: 'module', name: 'mesh' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<MeshReply>) => {
      const msg = e.data;
      if (msg.id !== seq.current) return;
      if (msg.type === 'progress') setState((s) => (s.phase === 'ready' ? s : { phase: 'loading', stage: msg.stage }));
      else if (msg.type === 'done') {
        setState({
          phase: 'ready',
          positions: msg.positions,
          triangles: msg.triangles,
          min: msg.min,
          max: msg.max,
          sourceSize: msg.sourceSize,
          inside: msg.inside,
          key: String(msg.id),
        });
      } else setState({ phase: 'failed', code: msg.code, params: msg.params, message: msg.message });
    };
    w.onerror = (e) => {
      e.preventDefault();
      setState({ phase: 'failed', code: 'preview_failed', params: {}, message: e.message || 'worker error' });
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  const bedKey = bed ? `${bed.area.x}/${bed.area.y}/${bed.area.z}/${bed.origin.x}/${bed.origin.y}/${bed.origin.z}` : '';
  const tKey = transformKey(transform);
  useEffect(() => {
    const w = worker.current;
    if (!w || !file) {
      setState({ phase: 'idle' });
      return;
    }
    const id = ++seq.current;
    const req: MeshRequest = { type: 'show', id, file, name, transform, bed };
    w.postMessage(req);
    // `tKey` and `bedKey` stand for the transform and the bed.
  }, [file, name, tKey, bedKey]);

  return state;
}
