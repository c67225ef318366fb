// Streams one job file to one machine through its driver, and keeps an exact account of it: which line
// the firmware acknowledged last (persisted often through the journal, so a crash, a killed process or a
// pulled cable leaves the job at a known line), the layer, elapsed and remaining time.
import { DriverError, type Driver, type DriverMessage } from './driver';
import { Emitter } from './events';
import { readJobLines, START, type LineCursor } from './file-lines';
import { layerOf } from './layers';

export type RunState = 'starting' | 'running' | 'pausing' | 'paused' | 'cancelling' | 'ended';
export type RunOutcome = 'completed' | 'cancelled' | 'failed' | 'interrupted';

export interface RunCheckpoint {
  /** The last line the firmware acknowledged, and where the next line starts: a resume starts there. */
  acked: LineCursor;
  /** Highest line handed to the firmware (some of those after `acked` may have run too). */
  sentLine: number;
  layer: number;
  /** Running time, pauses excluded. */
  elapsedS: number;
  errors: number;
  resends: number;
}

export interface RunResult {
  outcome: RunOutcome;
  checkpoint: RunCheckpoint;
  /** Why it did not complete: a DriverError code (`link_lost`, `firmware_reset`, `alarm`...) or `cancelled`. */
  reason: string | null;
  reasonParams: Record<string, string | number>;
}

export interface RunJournal {
  /** Must be durable when it returns: it is what survives a crash. */
  checkpoint(c: RunCheckpoint): void;
}

export interface RunOptions {
  path: string;
  /** Resume point (default: the start of the file). */
  from?: LineCursor;
  /** Lines sent before the file (re-heat, re-home, position restore when resuming a print). */
  preamble?: string[];
  /** Layer the resume point is in, so the count carries on. */
  fromLayer?: number;
  /** A line the firmware refuses (Grbl `error:N`): pause (CNC: a wrong move can break a tool) or carry on. */
  onLineError?: 'pause' | 'continue';
  /** How often the acknowledged position is made durable while lines flow. */
  checkpointMs?: number;
  /** Line sent after the file that the firmware acknowledges only once every move has finished. */
  syncLine: string;
  now?: () => number;
}

export interface RunEvents {
  progress: (c: RunCheckpoint) => void;
  state: (s: RunState) => void;
  /** The runner's own messages (a line it could not send); the firmware's come from the driver. */
  message: (m: DriverMessage) => void;
}

interface InFlight {
  tag: number;
  byteEnd: number;
  layer: number;
}

/** Tags of lines that are not the file's (preamble, final sync) are negative. */
const SYNC_TAG = -1;

export class JobRun {
  readonly events = new Emitter<RunEvents>();
  private runState: RunState = 'starting';
  private readonly inFlight: InFlight[] = [];
  private head = 0;
  private acked: LineCursor;
  private sentLine = 0;
  private layer: number;
  private errors = 0;
  private readonly resendsAtStart: number;
  private runningSince: number | null = null;
  private elapsedMs = 0;
  private lastCheckpointAt = 0;
  private stopReason: DriverError | null = null;
  private readonly unsubscribe: Array<() => void> = [];
  private readonly now: () => number;

  constructor(
    private readonly driver: Driver,
    private readonly opts: RunOptions,
    private readonly journal: RunJournal,
  ) {
    this.now = opts.now ?? Date.now;
    const from = opts.from ?? START;
    this.acked = { byte: from.byte, line: from.line - 1 };
    this.layer = opts.fromLayer ?? 0;
    this.resendsAtStart = driver.stats.resends;
  }

  get state(): RunState {
    return this.runState;
  }

  get checkpoint(): RunCheckpoint {
    return {
      acked: { ...this.acked },
      sentLine: this.sentLine,
      layer: this.layer,
      elapsedS: this.elapsed() / 1000,
      errors: this.errors,
      resends: this.driver.stats.resends - this.resendsAtStart,
    };
  }

  /** Streams the whole job; resolves with how it ended (never rejects). */
  async run(): Promise<RunResult> {
    this.unsubscribe.push(
      this.driver.on('acked', (tag) => this.onAcked(tag)),
      this.driver.on('message', (m) => this.onMessage(m)),
    );
    this.setState('running');
    this.runningSince = this.now();
    this.journal.checkpoint(this.checkpoint);
    try {
      for (const [i, line] of (this.opts.preamble ?? []).entries()) await this.send(line, -2 - i, this.acked.byte, this.layer);
      const from = this.opts.from ?? START;
      let layer = this.layer;
      for await (const l of readJobLines(this.opts.path, from, () => this.errors++)) {
        if (this.stopReason) throw this.stopReason;
        if (l.comment !== null) {
          const next = layerOf(l.comment, layer);
          if (next !== layer) layer = next;
        }
        if (!l.text) {
          // A comment-only line: nothing to send, but a resume may start after it.
          if (this.head === this.inFlight.length) this.acked = { byte: l.byteEnd, line: l.line };
          continue;
        }
        await this.send(l.text, l.line, l.byteEnd, layer);
        this.sentLine = l.line;
      }
      await this.send(this.opts.syncLine, SYNC_TAG, this.acked.byte, layer);
      await this.driver.drain();
      return this.end('completed', null);
    } catch (err) {
      return this.end(...this.classify(err));
    }
  }

  async pause(): Promise<void> {
    if (this.runState !== 'running') return;
    this.setState('pausing');
    try {
      await this.driver.pause();
    } finally {
      if ((this.runState as RunState) === 'pausing') {
        this.stopClock();
        this.setState('paused');
        this.journal.checkpoint(this.checkpoint);
      }
    }
  }

  async resume(): Promise<void> {
    if (this.runState !== 'paused') return;
    await this.driver.resume();
    if (this.runState === 'paused') {
      this.runningSince = this.now();
      this.setState('running');
    }
  }

  async cancel(): Promise<void> {
    if (this.runState === 'ended' || this.runState === 'cancelling') return;
    this.setState('cancelling');
    this.stopReason ??= new DriverError('cancelled', 'cancelled by the operator');
    await this.driver.cancel();
  }

  async emergencyStop(): Promise<void> {
    if (this.runState === 'ended') return;
    this.stopReason ??= new DriverError('emergency_stop', 'emergency stop');
    await this.driver.emergencyStop();
  }

  private async send(text: string, tag: number, byteEnd: number, layer: number): Promise<void> {
    // Recorded before the write: the ack can arrive before `send` resolves.
    this.inFlight.push({ tag, byteEnd, layer });
    try {
      await this.driver.send(text, tag);
    } catch (err) {
      if (!(err instanceof DriverError) || err.code !== 'invalid_line') throw err;
      // Never written: forget it, say so, and carry on (or pause, as for a line the firmware refused).
      this.inFlight.pop();
      this.onMessage({ severity: 'error', code: String(err.params.code ?? 'link.invalid_line'), raw: text, line: tag, params: err.params }, true);
    }
  }

  private onAcked(tag: number): void {
    // Acks come in order; anything before the acked tag was acked too (a driver may coalesce).
    while (this.head < this.inFlight.length) {
      const f = this.inFlight[this.head++]!;
      if (f.tag > 0) {
        this.acked = { byte: f.byteEnd, line: f.tag };
        this.layer = f.layer;
      }
      if (f.tag === tag) break;
    }
    if (this.head > 4096) {
      this.inFlight.splice(0, this.head);
      this.head = 0;
    }
    const t = this.now();
    if (t - this.lastCheckpointAt >= (this.opts.checkpointMs ?? 250)) {
      this.lastCheckpointAt = t;
      const c = this.checkpoint;
      this.journal.checkpoint(c);
      this.events.emit('progress', c);
    }
  }

  private onMessage(m: DriverMessage, own = false): void {
    if (own) this.events.emit('message', m);
    if (m.severity !== 'error' || m.line === undefined) return;
    this.errors++;
    if (this.opts.onLineError === 'pause') void this.pause();
  }

  private classify(err: unknown): [RunOutcome, DriverError | null] {
    const e = this.stopReason ?? (err instanceof DriverError ? err : new DriverError('firmware_error', String(err)));
    switch (e.code) {
      case 'cancelled':
      case 'emergency_stop':
        return ['cancelled', e];
      case 'link_lost':
      case 'firmware_reset':
      case 'timeout':
      case 'resend_loop':
      case 'not_connected':
        return ['interrupted', e];
      default:
        return ['failed', e];
    }
  }

  private end(outcome: RunOutcome, reason: DriverError | null): RunResult {
    this.stopClock();
    for (const u of this.unsubscribe.splice(0)) u();
    this.setState('ended');
    const checkpoint = this.checkpoint;
    this.journal.checkpoint(checkpoint);
    return { outcome, checkpoint, reason: reason?.code ?? null, reasonParams: reason?.params ?? {} };
  }

  private stopClock(): void {
    if (this.runningSince !== null) this.elapsedMs += this.now() - this.runningSince;
    this.runningSince = null;
  }

  private elapsed(): number {
    return this.elapsedMs + (this.runningSince === null ? 0 : this.now() - this.runningSince);
  }

  private setState(s: RunState): void {
    if (this.runState === s) return;
    this.runState = s;
    this.events.emit('state', s);
  }
}
