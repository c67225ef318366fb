// The motion planner on a second thread: the analyzer's moves go through a ring in shared memory to
// a real Planner that runs in a worker, so that the byte loop and the moves (about 55 % of the work)
// and the planner (about 45 %) run side by side on two cores.
//
// Every call the analyzer makes on its planner is a command without a result (add, flush, dwell,
// set), so the pipe only has to carry them in order: the worker's planner sees exactly the calls a
// planner in the analyzer would, and its results are the same to the last bit. Reading a result
// (`timeS` between pushes, `results()` at the end) waits until the worker has caught up, with
// Atomics.wait: the analyzer stays synchronous.
//
// No Node API here (SharedArrayBuffer and Atomics only); the worker that serves the pipe is
// planner-thread.ts, started by threads.ts.

import { Planner, type PlannerLike, type PlannerResults, type PlannerSettings } from './planner';

/** Commands in a ring slot's op field; 0–2 are `add()` with that acceleration kind. */
const OP_FLUSH = 3;
const OP_DWELL = 4;
const OP_SET = 5;
const OP_END = 6;

/** Int32 fields of the control block. */
const C_HEAD = 0; // commands published by the analyzer
const C_TAIL = 1; // commands the planner has executed
const C_DONE = 2; // 1 once the results are written
const C_ABORT = 3; // 1 when the analyzer was dropped without finishing
const C_FAILED = 4; // 1 when the worker's planner threw
const CTRL_BYTES = 64;

/** Float64 fields of the results block: timeS, workTimeS, laserTimeS, blocks, 32 feature times. */
const R_TIME = 0;
const R_WORK = 1;
const R_LASER = 2;
const R_BLOCKS = 3;
const R_FEATURES = 4;
const RESULT_FIELDS = R_FEATURES + 32;
const RING_AT = CTRL_BYTES + RESULT_FIELDS * 8;

/** Doubles per command: dx, dy, dz, de, feed, length, op, flags (for set: param, index, value). */
const SLOT = 8;
/** Commands in the ring (1 MiB): a few milliseconds of moves, so that either side can stall briefly. */
const RING_SLOTS = 1 << 14;
const RING_MASK = RING_SLOTS - 1;
/** The analyzer publishes its head every this many commands: one atomic store and notify per batch. */
const BATCH = 4096;
/** The worker re-checks `C_ABORT` this often while it waits for commands (ms). */
const IDLE_CHECK_MS = 1000;
/**
 * The analyzer gives up when the worker has executed nothing for this long while it waits for it (a
 * worker killed from outside cannot say so): the analysis fails with an error instead of hanging.
 */
const STALL_MS = 60_000;

/**
 * The last planner a worker ran, kept so that its hidden classes, and the code optimised for them,
 * outlive it: the next analysis starts with optimised code (see `keeper` in analyzer.ts).
 */
const kept: { planner: Planner | null } = { planner: null };

/** The shared memory of one pipe: control block, results, ring. */
export function pipeBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(RING_AT + RING_SLOTS * SLOT * 8);
}

/** Marks a pipe whose analyzer is gone, so that its worker stops waiting and can serve another. */
export function abortPipe(buffer: SharedArrayBuffer): void {
  const ctrl = new Int32Array(buffer, 0, CTRL_BYTES / 4);
  Atomics.store(ctrl, C_ABORT, 1);
  Atomics.notify(ctrl, C_HEAD);
}

/** The analyzer's side: a PlannerLike whose commands go to the worker. */
export class PipedPlanner implements PlannerLike {
  readonly in = new Float64Array(6);
  declare private readonly ctrl: Int32Array;
  declare private readonly res: Float64Array;
  declare private readonly ring: Float64Array;
  private head = 0;
  /** The worker's tail when last read: the ring has room up to tail + RING_SLOTS. */
  private tailSeen = 0;
  private final: PlannerResults | null = null;

  /** `onEnd` runs once the worker has sent the results: it can take another pipe. */
  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly onEnd: (() => void) | null = null,
  ) {
    this.ctrl = new Int32Array(buffer, 0, CTRL_BYTES / 4);
    this.res = new Float64Array(buffer, CTRL_BYTES, RESULT_FIELDS);
    this.ring = new Float64Array(buffer, RING_AT, RING_SLOTS * SLOT);
  }

  add(accelKind: number, flags: number): void {
    const h = this.head;
    if (h - this.tailSeen >= RING_SLOTS) this.waitForRoom();
    const r = this.ring;
    const x = this.in;
    const o = (h & RING_MASK) * SLOT;
    r[o] = x[0]!;
    r[o + 1] = x[1]!;
    r[o + 2] = x[2]!;
    r[o + 3] = x[3]!;
    r[o + 4] = x[4]!;
    r[o + 5] = x[5]!;
    r[o + 6] = accelKind;
    r[o + 7] = flags;
    this.head = h + 1;
    if ((h + 1) % BATCH === 0) this.publish();
  }

  flush(): void {
    this.command(OP_FLUSH, 0, 0, 0);
  }

  dwell(seconds: number): void {
    this.command(OP_DWELL, seconds, 0, 0);
  }

  set(param: number, index: number, value: number): void {
    this.command(OP_SET, param, index, value);
  }

  /** Seconds of the blocks executed so far: waits for the worker to execute every command sent. */
  get timeS(): number {
    if (this.final !== null) return this.final.timeS;
    this.publish();
    this.waitForTail(this.head);
    return this.res[R_TIME]!;
  }

  results(): PlannerResults {
    if (this.final !== null) return this.final;
    this.command(OP_END, 0, 0, 0);
    this.publish();
    const ctrl = this.ctrl;
    while (Atomics.load(ctrl, C_DONE) === 0) {
      if (Atomics.wait(ctrl, C_DONE, 0, STALL_MS) === 'timed-out' || Atomics.load(ctrl, C_FAILED) !== 0) this.fail();
    }
    const r = this.res;
    this.final = {
      timeS: r[R_TIME]!,
      workTimeS: r[R_WORK]!,
      laserTimeS: r[R_LASER]!,
      blocks: r[R_BLOCKS]!,
      featureTimeS: Float64Array.from(r.subarray(R_FEATURES, R_FEATURES + 32)),
    };
    this.onEnd?.();
    return this.final;
  }

  private command(op: number, a: number, b: number, c: number): void {
    const h = this.head;
    if (h - this.tailSeen >= RING_SLOTS) this.waitForRoom();
    const r = this.ring;
    const o = (h & RING_MASK) * SLOT;
    r[o] = a;
    r[o + 1] = b;
    r[o + 2] = c;
    r[o + 6] = op;
    this.head = h + 1;
    if ((h + 1) % BATCH === 0) this.publish();
  }

  private publish(): void {
    // Int32 counters wrap after 2^31 commands; both sides compare differences, never magnitudes.
    Atomics.store(this.ctrl, C_HEAD, this.head | 0);
    Atomics.notify(this.ctrl, C_HEAD);
  }

  private waitForRoom(): void {
    this.publish();
    this.waitForTail(this.head - RING_SLOTS + 1);
  }

  /** Wait until the worker has executed `upTo` commands. */
  private waitForTail(upTo: number): void {
    const ctrl = this.ctrl;
    for (;;) {
      const t = Atomics.load(ctrl, C_TAIL);
      if (((t - upTo) | 0) >= 0) {
        this.tailSeen = upTo + ((t - upTo) | 0);
        return;
      }
      if (Atomics.load(ctrl, C_FAILED) !== 0 || Atomics.wait(ctrl, C_TAIL, t, STALL_MS) === 'timed-out') this.fail();
    }
  }

  private fail(): never {
    throw new Error(Atomics.load(this.ctrl, C_FAILED) !== 0 ? 'the planner thread failed' : 'the planner thread stopped responding');
  }
}

/**
 * The worker's side: executes the commands of one pipe on a Planner until the analyzer ends it (true)
 * or is dropped (false). Blocks its thread while it waits: call it in a worker. Should the planner
 * throw, the analyzer is told (its analysis fails with an error) rather than left waiting.
 */
export function servePipe(buffer: SharedArrayBuffer, settings: PlannerSettings): boolean {
  try {
    return serve(buffer, settings);
  } catch (e) {
    const ctrl = new Int32Array(buffer, 0, CTRL_BYTES / 4);
    Atomics.store(ctrl, C_FAILED, 1);
    Atomics.notify(ctrl, C_TAIL);
    Atomics.notify(ctrl, C_DONE);
    throw e;
  }
}

function serve(buffer: SharedArrayBuffer, settings: PlannerSettings): boolean {
  const ctrl = new Int32Array(buffer, 0, CTRL_BYTES / 4);
  const res = new Float64Array(buffer, CTRL_BYTES, RESULT_FIELDS);
  const ring = new Float64Array(buffer, RING_AT, RING_SLOTS * SLOT);
  const planner = new Planner(settings);
  kept.planner = planner;
  const pin = planner.in;
  let tail = 0;
  for (;;) {
    let head = Atomics.load(ctrl, C_HEAD);
    while (head === (tail | 0)) {
      if (Atomics.load(ctrl, C_ABORT) !== 0) return false;
      Atomics.wait(ctrl, C_HEAD, head, IDLE_CHECK_MS);
      head = Atomics.load(ctrl, C_HEAD);
    }
    const end = tail + ((head - tail) | 0);
    for (; tail < end; tail++) {
      const o = (tail & RING_MASK) * SLOT;
      const op = ring[o + 6]!;
      if (op < OP_FLUSH) {
        pin[0] = ring[o]!;
        pin[1] = ring[o + 1]!;
        pin[2] = ring[o + 2]!;
        pin[3] = ring[o + 3]!;
        pin[4] = ring[o + 4]!;
        pin[5] = ring[o + 5]!;
        planner.add(op, ring[o + 7]!);
      } else if (op === OP_FLUSH) planner.flush();
      else if (op === OP_DWELL) planner.dwell(ring[o]!);
      else if (op === OP_SET) planner.set(ring[o]!, ring[o + 1]!, ring[o + 2]!);
      else {
        const r = planner.results();
        res[R_TIME] = r.timeS;
        res[R_WORK] = r.workTimeS;
        res[R_LASER] = r.laserTimeS;
        res[R_BLOCKS] = r.blocks;
        res.set(r.featureTimeS, R_FEATURES);
        Atomics.store(ctrl, C_TAIL, (tail + 1) | 0);
        Atomics.store(ctrl, C_DONE, 1);
        Atomics.notify(ctrl, C_DONE);
        Atomics.notify(ctrl, C_TAIL);
        return true;
      }
    }
    res[R_TIME] = planner.timeS;
    Atomics.store(ctrl, C_TAIL, tail | 0);
    Atomics.notify(ctrl, C_TAIL);
  }
}
