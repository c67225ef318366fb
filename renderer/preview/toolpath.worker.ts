// Builds the 3D preview's toolpath next to the page, not on it: the file the maker picked is read
// chunk by chunk from its stream into the G-code engine (constant memory for the reading, the
// toolpath grows with the segments), and the typed arrays are handed over to the page without a copy.
import { createAnalyzer, DEFAULT_MACHINE, toolpathTransferables, type MachineProfile, type Toolpath } from '../../jobs/gcode';
import { prepareToolpath, type EngineToolpath } from './prepare';
import type { PreviewMachine, WorkerReply, WorkerRequest } from './toolpath-data';

// The page's types (lib DOM) know `self` as a Window; in a worker it is the worker's global scope.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, options?: { transfer: Transferable[] }): void;
};

// The engine's toolpath is what prepare() reads (checked here, where both types are visible).
const _fits = (t: Toolpath): EngineToolpath => t;
void _fits;

/** Limits the page does not know stay at the engine's defaults: they only change the duration, not the path. */
function profile(m: PreviewMachine): MachineProfile {
  const p: MachineProfile = { ...DEFAULT_MACHINE, id: m.id, name: m.id, kind: m.kind, firmware: m.firmware, workArea: m.workArea, workOrigin: m.workOrigin };
  if (m.maxSpindleS !== null) p.maxSpindleS = m.maxSpindleS;
  return p;
}

async function load(file: File, machine: PreviewMachine | null): Promise<void> {
  const started = performance.now();
  const analyzer = machine ? createAnalyzer({ machine: profile(machine), toolpath: true }) : createAnalyzer({ toolpath: true });
  const reader = file.stream().getReader();
  const total = Math.max(1, file.size);
  let read = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (!analyzer.push(value)) {
      await reader.cancel();
      break;
    }
    if (read / total - reported >= 0.01) {
      reported = read / total;
      scope.postMessage({ type: 'progress', fraction: Math.min(1, reported) });
    }
  }
  const analysis = analyzer.finish();
  const tp = analysis.toolpath;
  if (!tp) throw new Error('the engine returned no toolpath');
  const { toolpath, stats } = prepareToolpath(tp, performance.now() - started);
  // The records on points replace the engine's records in the transfer; the latter stay here and go.
  scope.postMessage({ type: 'done', toolpath, stats }, { transfer: toolpathTransferables({ ...tp, records: toolpath.vertexRecords }) });
}

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type !== 'load') return;
  load(msg.file, msg.machine).catch((err: unknown) => {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  });
};
