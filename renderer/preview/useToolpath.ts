// Runs the toolpath worker on the file the maker picked, as soon as it is picked (while the file
// travels to the back end), and hands the typed arrays to the preview. One worker per file; it is
// ended when the file, the kind of machine or the screen changes.
import { useEffect, useState } from 'react';
import type { PreviewMachine, PreviewToolpath, ToolpathStats, WorkerReply, WorkerRequest } from './toolpath-data';

export type ToolpathState =
  | { phase: 'idle' }
  | { phase: 'loading'; fraction: number }
  | { phase: 'ready'; toolpath: PreviewToolpath; stats: ToolpathStats }
  | { phase: 'failed'; message: string };

const origin0 = { x: 0, y: 0, z: 0 };

export function useToolpath(file: File | null, machine: PreviewMachine | null): ToolpathState {
  const [state, setState] = useState<ToolpathState>({ phase: 'idle' });
  // Only what changes the path itself: the kind of machine and its firmware (not its bed).
  const kind = machine?.kind ?? null;
  const firmware = machine?.firmware ?? null;
  const id = machine?.id ?? null;
  const workArea = machine?.workArea ?? null;
  const workOrigin = machine?.workOrigin ?? origin0;
  const maxSpindleS = machine?.maxSpindleS ?? null;

  useEffect(() => {
    if (!file) {
      setState({ phase: 'idle' });
      return;
    }
    setState({ phase: 'loading', fraction: 0 });
    const worker = new Worker(new URL('./toolpath.worker.ts', import.meta.url), { type: 'module', name: 'toolpath' });
    let live = true;
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      if (!live) return;
      const msg = e.data;
      if (msg.type === 'progress') setState({ phase: 'loading', fraction: msg.fraction });
      else if (msg.type === 'done') {
        setState({ phase: 'ready', toolpath: msg.toolpath, stats: msg.stats });
        worker.terminate();
      } else {
        setState({ phase: 'failed', message: msg.message });
        worker.terminate();
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (live) setState({ phase: 'failed', message: e.message || 'worker error' });
      worker.terminate();
    };
    const request: WorkerRequest = {
      type: 'load',
      file,
      machine: kind ? { id: id ?? '', kind, firmware, workArea, workOrigin, maxSpindleS } : null,
    };
    worker.postMessage(request);
    return () => {
      live = false;
      worker.terminate();
    };
    // The machine's id and bed do not change the path: no new worker for them.
  }, [file, kind, firmware, maxSpindleS]);

  return state;
}
