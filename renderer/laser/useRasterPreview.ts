// Runs the engraving preview worker on the maker's image whenever the settings change (the last
// request wins), and gives back one picture per dithering method, as object URLs the page may show.
import { useEffect, useRef, useState } from 'react';
import type { DitherMethod } from '../../electron/api/types';
import type { RasterPreviewReply, RasterPreviewRequest, Tone } from './raster-preview';

export type RasterPreview =
  | { phase: 'idle' }
  | { phase: 'working'; previous: Partial<Record<DitherMethod, string>> | null }
  | { phase: 'ready'; urls: Partial<Record<DitherMethod, string>>; cols: number; rows: number }
  | { phase: 'failed'; message: string };

export function useRasterPreview(
  image: Blob | null,
  tone: Tone,
  grid: { cols: number; rows: number },
  methods: readonly DitherMethod[],
): RasterPreview {
  const [state, setState] = useState<RasterPreview>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const urls = useRef<string[]>([]);

  useEffect(() => {
    const w = new Worker(new URL('./raster.worker.ts', import.meta.url), { type: 'module', name: 'raster-preview' });
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
      urls.current.forEach((u) => URL.revokeObjectURL(u));
      urls.current = [];
    };
  }, []);

  const key = `${tone.brightness}/${tone.contrast}/${tone.invert ? 1 : 0}/${grid.cols}x${grid.rows}/${methods.join(',')}`;
  useEffect(() => {
    const w = worker.current;
    if (!w || !image) {
      setState({ phase: 'idle' });
      return;
    }
    const id = ++seq.current;
    setState((s) => ({ phase: 'working', previous: s.phase === 'ready' ? s.urls : s.phase === 'working' ? s.previous : null }));
    // Settings move by the slider's steps: wait for the finger to settle a moment.
    const timer = window.setTimeout(() => {
      const req: RasterPreviewRequest = { id, image, tone, cols: grid.cols, rows: grid.rows, methods };
      w.onmessage = (e: MessageEvent<RasterPreviewReply>) => {
        const reply = e.data;
        if (reply.id !== seq.current) return;
        if (reply.type === 'error') {
          setState({ phase: 'failed', message: reply.message });
          return;
        }
        const next: Partial<Record<DitherMethod, string>> = {};
        const made: string[] = [];
        for (const img of reply.images) {
          const u = URL.createObjectURL(img.png);
          made.push(u);
          next[img.method] = u;
        }
        urls.current.forEach((u) => URL.revokeObjectURL(u));
        urls.current = made;
        setState({ phase: 'ready', urls: next, cols: reply.cols, rows: reply.rows });
      };
      w.postMessage(req);
    }, 120);
    return () => window.clearTimeout(timer);
    // `key` stands for the tone, the grid and the methods.
  }, [image, key]);

  return state;
}
