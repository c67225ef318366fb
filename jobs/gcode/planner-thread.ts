// Node only: the worker that runs the motion planner of an analysis on its own thread (see
// planner-pipe.ts). One analysis at a time. The analyzer knows when its results are in; an analyzer
// dropped before them is not there to know, so the worker says "aborted" when it is free again.

import { parentPort } from 'node:worker_threads';
import { servePipe } from './planner-pipe';
import type { PlannerSettings } from './planner';

const port = parentPort;
if (port) {
  port.on('message', (m: { buffer: SharedArrayBuffer; settings: PlannerSettings }) => {
    if (!servePipe(m.buffer, m.settings)) port.postMessage('aborted');
  });
  port.postMessage('ready');
}
