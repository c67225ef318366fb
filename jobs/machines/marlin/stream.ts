// The line protocol under the Marlin driver: numbering, the ring of sent lines, the window of lines
// in flight, acknowledgements, resends and the ack timer. No printer semantics here (temperatures,
// pause, connect): those are the driver's, which extends this class.
//
// Why a job line reaches the firmware exactly once and in order, whatever the link does:
// - every line, job or ours, gets the next number `N` and keeps it (and its text) until the firmware
//   is known to have it; numbers are never reused for other text (M110 only at connect, after a
//   reset, or to resync after a cancel, and always to a number not yet used);
// - Marlin executes a numbered line only if N = last + 1 and the checksum matches, otherwise it asks
//   `Resend: last+1`; we resend from there, in order, only what it asks for;
// so the firmware itself refuses any duplicate and any gap. Acknowledgements only drive flow control
// and `acked` events, and are accounted so they are never early:
// - `ok N<n>` (ADVANCED_OK) proves every line up to n; `ok T:` is M105's own reply and proves every
//   line up to the oldest M105 in flight; a bare `ok` acknowledges the oldest line in flight (lost oks
//   make that count late, never early: the bare `ok` Marlin prints after `Resend:` is recognised,
//   probed at connect when the firmware does not say it with ADVANCED_OK);
// - when no ok comes for `ackTimeoutMs` (busy:, heating reports reset that timer), we send a numbered
//   `M118 fksync <n>`. It cannot be mistaken: the firmware either accepts it — and its echo, printed
//   when it runs, proves every earlier line ran (the lost oks are recovered, nothing is resent) — or
//   refuses it with `Resend:` for the line it lacks, which is then resent. OctoPrint's unnumbered
//   M105 cannot tell "ok lost" from "line lost" and gets counted as the ack of a line it is not.
import { DriverError, type DriverMessage, type DriverOptions, type DriverStats, type MachineState } from '../driver';
import type { Link } from '../link';
import { LineFramer, stripNumbering } from './checksum';
import type { MarlinCode } from './codes';
import { ModalState } from './modes';
import type { Response, ResendCause } from './responses';
import { CONTROL, isLongCommand, isM105, JOB, LONG, M105, MARKER, SentRing } from './ring';

export interface StreamOptions extends Pick<DriverOptions, 'ackTimeoutMs' | 'trace'> {
  /** Lines in flight when the firmware has no ADVANCED_OK (1: send, wait for ok, send). */
  window?: number;
  /** Use ADVANCED_OK when the firmware answers with it (default true). */
  useAdvancedOk?: boolean;
  /** Upper bound on the command buffer learned from ADVANCED_OK's `B` (default 32). */
  maxBufferLines?: number;
  /** Whether the firmware prints `ok` after `Resend:`; probed at connect when left undefined. */
  okAfterResend?: boolean;
  /** Requests for the same line, with nothing acknowledged in between, before giving up. */
  maxResendCycles?: number;
  /**
   * After a resend, how long without progress before the line is sent again (ms, default 500):
   * Marlin 2.1 empties its receive buffer on each error, so a refused line still on its way can
   * take the freshly resent one with it, and nothing more comes.
   */
  resendStallMs?: number;
  /** Marlin's MAX_CMD_SIZE: a longer line is cut by the firmware and can never pass its checksum. */
  maxLineLength?: number;
  ringSize?: number;
}

export interface MarlinStats extends DriverStats {
  /** Most lines ever in flight at once. */
  maxInFlight: number;
  /** Acks recovered by a sync marker after they were lost on the way. */
  lostOksRecovered: number;
  /** Sync markers sent after an ack timeout. */
  tickles: number;
  /** Resend requests recognised as echoes of one already obeyed. */
  duplicateResendsIgnored: number;
}

interface JobWaiter {
  text: string;
  tag: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

interface Request {
  text: string;
  bypass: boolean;
  output: string[];
  done: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  resolve: (out: string[]) => void;
  reject: (e: DriverError) => void;
}

export type Phase = 'new' | 'greeting' | 'handshake' | 'stream' | 'closed';

export const DONE: Promise<void> = Promise.resolve();
const MAX_OUTPUT = 2000;

export abstract class MarlinStream {
  readonly stats: MarlinStats = {
    linesSent: 0,
    linesAcked: 0,
    resends: 0,
    errors: 0,
    bytesSent: 0,
    maxInFlight: 0,
    lostOksRecovered: 0,
    tickles: 0,
    duplicateResendsIgnored: 0,
  };

  /** `acked` fires once per line: a copy-on-write list spares the emitter's per-call copy. */
  protected ackedListeners: Array<(tag: number) => void> = [];
  protected readonly framer = new LineFramer();
  protected readonly ring: SentRing;
  /** Modes and targets as the job set them, for the pause to put back. */
  protected readonly modes = new ModalState();

  protected readonly ackTimeoutMs: number;
  protected readonly plainWindow: number;
  protected readonly useAdvancedOk: boolean;
  protected readonly maxBufferLines: number;
  protected readonly maxResendCycles: number;
  protected readonly resendStallMs: number;
  protected readonly maxCommandLength: number;
  protected readonly trace: ((direction: 'in' | 'out', text: string) => void) | undefined;

  // Line accounting (see the header).
  protected nextN = 0;
  /** Highest line known done, for flow control. */
  protected ackedN = -1;
  /** Highest line whose `acked` event (or request resolution) has been given: never twice. */
  protected emittedN = -1;
  protected writeSeq = 0;
  protected jobInFlight = 0;
  protected advancedOk = false;
  protected bufsize = 1;
  protected okAfterResend: boolean | undefined;
  /** The next ok is the one Marlin prints right after `Resend:`. */
  protected skipOk = false;
  /** Oks owed to the tails of cut lines, run unnumbered (plain oks only). */
  protected fragmentOks = 0;
  /** An `Error:...Last Line:` just asked for this line; the `Resend:` line that follows repeats it. */
  protected pendingErrorN = -1;
  protected guardN = -1;
  protected dupsLeft = 0;
  protected lastResendN = -1;
  protected resendCycles = 0;
  /** Resend requests for lines at or below this one predate an M110 resync: ignored. */
  protected resyncFloor = -1;
  /** The marker that closes a resync; until it is acknowledged a timeout resyncs again. */
  protected resyncMarker = -1;
  protected ticklesOut = 0;
  protected probe: 'resend' | 'ok' | null = null;
  protected probeDone: (() => void) | null = null;
  protected pollN = -1;

  // Queues.
  protected jobWaiters: JobWaiter[] = [];
  protected jobHead = 0;
  protected controlQueue: Request[] = [];
  protected readonly inFlightRequests = new Map<number, Request>();
  protected drainWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  protected settleWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  protected output: string[] = [];

  // Life.
  protected phase: Phase = 'new';
  protected connected = false;
  protected halted = false;
  /** Halted by Marlin's kill(): only a reset brings it back (M999 is not read). */
  protected killed = false;
  /** A resend loop left the firmware waiting for a line we gave up on. */
  protected stuck = false;
  protected paused = false;
  protected cancelling = false;
  protected lastProgress = 0;
  protected lastLineAt = 0;
  protected lastJobActivity = 0;
  protected noResponseWarned = false;
  protected housekeeping: ReturnType<typeof setInterval> | undefined;
  /** What the board shows; the driver turns it into reports. */
  protected state: MachineState = 'connecting';
  /** Planner and buffer room from ADVANCED_OK. */
  protected buffer: { planner: number; rx: number } | undefined;

  constructor(
    protected readonly link: Link,
    options: StreamOptions,
  ) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 4000;
    this.plainWindow = Math.max(1, Math.floor(options.window ?? 1));
    this.useAdvancedOk = options.useAdvancedOk ?? true;
    this.maxBufferLines = options.maxBufferLines ?? 32;
    this.okAfterResend = options.okAfterResend;
    this.maxResendCycles = options.maxResendCycles ?? 5;
    this.resendStallMs = options.resendStallMs ?? 500;
    // `N<n> ` and `*<cs>` take up to 14 characters of the firmware's line buffer (MAX_CMD_SIZE - 1).
    this.maxCommandLength = (options.maxLineLength ?? 96) - 1 - 14;
    this.trace = options.trace;
    this.ring = new SentRing(options.ringSize ?? 256);
  }

  /** Shown to the maker (a translation code under `marlin.`); counted in stats.errors when an error. */
  protected abstract message(
    severity: DriverMessage['severity'],
    code: MarlinCode,
    raw: string,
    params?: Record<string, string | number>,
    line?: number,
  ): void;

  protected abstract setState(state: MachineState): void;

  /** A temperature report came with an ok (M105's `ok T:`). */
  protected abstract onTemperatures(raw: string): void;

  send(line: string, tag: number): Promise<void> {
    if (!this.connected || this.phase !== 'stream') return Promise.reject(this.notConnected());
    if (this.halted || this.stuck) return Promise.reject(this.haltedError());
    const text = line.charCodeAt(0) === 78 ? stripNumbering(line) : line;
    if (text.length > this.maxCommandLength || text.includes('\n') || text.includes('\r')) {
      this.message('error', 'line_too_long', text.slice(0, 120), { length: text.length, limit: this.maxCommandLength }, tag);
      return Promise.reject(
        new DriverError('firmware_error', `line too long for Marlin (${text.length} > ${this.maxCommandLength})`, { tag }),
      );
    }
    if (this.jobHead === this.jobWaiters.length && this.controlQueue.length === 0 && this.canFeedJob() && this.hasRoom()) {
      this.writeJob(text, tag);
      return DONE;
    }
    return new Promise<void>((resolve, reject) => {
      this.jobWaiters.push({ text, tag, resolve, reject });
    });
  }

  drain(): Promise<void> {
    if (this.jobOutstanding() === 0) return DONE;
    if (!this.connected) return Promise.reject(this.notConnected());
    if (this.halted || this.stuck) return Promise.reject(this.haltedError());
    return new Promise<void>((resolve, reject) => this.drainWaiters.push({ resolve, reject }));
  }

  protected jobOutstanding(): number {
    return this.jobWaiters.length - this.jobHead + this.jobInFlight;
  }

  protected canFeedJob(): boolean {
    return !this.paused && !this.cancelling;
  }

  protected hasRoom(): boolean {
    return this.nextN - 1 - this.ackedN < (this.advancedOk ? this.bufsize : this.plainWindow);
  }

  /** Writes what may be written: driver commands first, then job lines, while the window has room. */
  protected pump(): void {
    if (this.phase !== 'stream' || this.halted || this.stuck) return;
    while (this.hasRoom()) {
      const req = this.controlQueue.shift();
      if (req) {
        this.writeRequest(req);
        continue;
      }
      if (this.jobHead < this.jobWaiters.length && this.canFeedJob()) {
        const w = this.jobWaiters[this.jobHead] as JobWaiter;
        this.jobWaiters[this.jobHead++] = undefined as unknown as JobWaiter;
        if (this.jobHead > 1024 && this.jobHead * 2 > this.jobWaiters.length) {
          this.jobWaiters = this.jobWaiters.slice(this.jobHead);
          this.jobHead = 0;
        }
        this.writeJob(w.text, w.tag);
        w.resolve();
        continue;
      }
      break;
    }
  }

  protected writeJob(text: string, tag: number): void {
    const n = this.nextN++;
    let flags = JOB;
    if (isLongCommand(text)) flags |= LONG;
    if (isM105(text)) flags |= M105;
    this.ring.put(n, text, tag, flags);
    this.modes.observe(text);
    this.jobInFlight++;
    this.stats.linesSent++;
    this.writeLine(n, true);
    this.lastJobActivity = this.lastProgress;
    if (this.state === 'idle') this.setState('running');
  }

  protected writeRequest(req: Request): void {
    const n = this.nextN++;
    let flags = CONTROL;
    if (isLongCommand(req.text)) flags |= LONG;
    if (isM105(req.text)) flags |= M105;
    this.ring.put(n, req.text, -1, flags);
    this.inFlightRequests.set(n, req);
    this.writeLine(n, true);
  }

  /** Writes line n from the ring; `fresh` when it was never written (the ack timer starts with it). */
  protected writeLine(n: number, fresh: boolean): void {
    const i = this.ring.slot(n);
    if (fresh && this.ackedN >= n - 1) {
      this.lastProgress = Date.now();
      // Something now waits for an answer: the ack timer must keep the process alive until it comes.
      this.housekeeping?.ref();
    }
    this.ring.seq[i] = ++this.writeSeq;
    const inFlight = this.nextN - 1 - this.ackedN;
    if (inFlight > this.stats.maxInFlight) this.stats.maxInFlight = inFlight;
    this.writeRaw(this.framer.frame(n, this.ring.text[i] as string));
  }

  protected writeRaw(bytes: Uint8Array): void {
    if (!this.link.isOpen) return;
    this.stats.bytesSent += bytes.length;
    if (this.trace) this.trace('out', Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length - 1).toString('latin1'));
    this.link.write(bytes).then(undefined, this.onWriteError);
  }

  protected readonly onWriteError = (e: unknown): void => {
    // The link reports its own close; a failed write on an open link is logged, the resend or the
    // ack timeout repairs what it lost.
    this.trace?.('out', `write failed: ${e instanceof Error ? e.message : String(e)}`);
  };

  /** A driver command through the numbered path: resolves with what the firmware printed before its ok. */
  protected request(text: string, opts: { bypass?: boolean; timeoutMs?: number; allowHalted?: boolean } = {}): Promise<string[]> {
    if (this.phase === 'closed') return Promise.reject(new DriverError('link_lost', 'the link is closed'));
    if (this.phase !== 'stream') return Promise.reject(this.notConnected());
    if (this.halted && !opts.allowHalted) return Promise.reject(this.haltedError());
    return new Promise<string[]>((resolve, reject) => {
      const req: Request = {
        text,
        bypass: opts.bypass === true,
        output: [],
        done: false,
        timer: undefined,
        resolve: (out) => {
          if (req.done) return;
          req.done = true;
          clearTimeout(req.timer);
          resolve(out);
        },
        reject: (e) => {
          if (req.done) return;
          req.done = true;
          clearTimeout(req.timer);
          reject(e);
        },
      };
      if (opts.timeoutMs !== undefined) {
        req.timer = setTimeout(() => {
          const q = this.controlQueue.indexOf(req);
          if (q >= 0) this.controlQueue.splice(q, 1);
          req.reject(new DriverError('timeout', `no answer to ${text} within ${opts.timeoutMs} ms`, { command: text }));
        }, opts.timeoutMs);
      }
      // Stops and breaks do not wait for room: Marlin's emergency parser acts on them as they arrive.
      if (req.bypass && !this.stuck) this.writeRequest(req);
      else {
        this.controlQueue.push(req);
        this.pump();
      }
    });
  }

  protected collect(raw: string): void {
    if (this.output.length < MAX_OUTPUT) this.output.push(raw);
  }

  protected onOk(r: Extract<Response, { kind: 'ok' }>, raw: string): void {
    const bare = r.n < 0 && !r.temps;
    if (this.probe === 'ok') {
      // The probe's answer: a bare ok right after the provoked `Resend:` says the firmware sends one.
      this.okAfterResend = bare;
      this.skipOk = false;
      this.probeDone?.();
      if (bare) return;
    }
    if (this.skipOk) {
      this.skipOk = false;
      if (bare) return;
    }
    this.lastProgress = Date.now();
    if (r.b >= 0) this.learnBuffer(r.p, r.b);
    if (r.temps) {
      this.onTemperatures(raw);
      this.ackM105();
      return;
    }
    if (this.advancedOk) {
      // ADVANCED_OK names the line: everything up to it is done, whatever oks were lost before.
      // Every line we send is numbered, so an ok without a number is not one of ours: the tail of
      // a line cut in two when Marlin emptied its receive buffer, run as an unnumbered command.
      if (r.n >= 0 && r.n < this.nextN && r.n > this.ackedN) this.ackThrough(r.n);
      return;
    }
    if (this.fragmentOks > 0) {
      this.fragmentOks--;
      return;
    }
    this.ackCounted();
  }

  protected learnBuffer(p: number, b: number): void {
    // Marlin reports B with the acknowledged command still counted: B + 1 slots once it is gone.
    const size = Math.min(this.maxBufferLines, b + 1);
    if (size > this.bufsize) this.bufsize = size;
    if (this.buffer) {
      this.buffer.planner = p;
      this.buffer.rx = b;
    } else this.buffer = { planner: p, rx: b };
  }

  /** A bare ok: the oldest line in flight. */
  protected ackCounted(): void {
    let k = this.ackedN + 1;
    if (k >= this.nextN) return; // nothing in flight: a stray ok
    if (this.ring.flags[this.ring.slot(k)]! & M105) {
      // M105 answers `ok T:`, never a bare ok: that reply was lost and this ok is a later line's.
      while (k < this.nextN && this.ring.flags[this.ring.slot(k)]! & M105) k++;
      if (k >= this.nextN) return;
    }
    this.ackThrough(k);
  }

  /** `ok T:...`: M105's reply; every line before the oldest M105 in flight ran before it. */
  protected ackM105(): void {
    for (let k = this.ackedN + 1; k < this.nextN; k++) {
      if (this.ring.flags[this.ring.slot(k)]! & M105) {
        this.ackThrough(k);
        return;
      }
    }
  }

  /** The echo of `M118 fksync <n>`: line n is running, so every line before it ran. */
  protected marker(raw: string): boolean {
    const at = raw.indexOf('fksync ');
    if (at < 0) return false;
    // Only the whole echo counts: a cut line's tail (with its `*checksum`) proves nothing.
    const m = /fksync (\d+)"?$/.exec(raw);
    if (!m || raw.includes('*')) return true;
    const n = Number(m[1]);
    if (n >= this.nextN) return true;
    this.lastProgress = Date.now();
    const lost = n - 1 - this.ackedN;
    if (lost > 0) {
      this.stats.lostOksRecovered += lost;
      this.message('info', 'lost_ok_recovered', raw, { count: lost, line: n - 1 });
      this.ackThrough(n - 1);
    }
    return true;
  }

  protected ackThrough(n: number): void {
    const from = this.ackedN + 1;
    if (n < from) return;
    this.ackedN = n;
    const ring = this.ring;
    for (let k = from; k <= n; k++) {
      if (k <= this.emittedN) continue;
      this.emittedN = k;
      const i = ring.slot(k);
      const f = ring.flags[i]!;
      if (f & JOB) {
        this.jobInFlight--;
        this.stats.linesAcked++;
        if (this.output.length) this.output.length = 0;
        const tag = ring.tag[i]!;
        const ls = this.ackedListeners;
        for (let j = 0; j < ls.length; j++) ls[j]!(tag);
      } else if (f & CONTROL) {
        const req = this.inFlightRequests.get(k);
        if (req) {
          this.inFlightRequests.delete(k);
          const out = this.output;
          this.output = [];
          req.resolve(out);
        }
      } else if (f & MARKER && this.ticklesOut > 0) this.ticklesOut--;
    }
    if (this.resendCycles && n >= this.lastResendN) this.resendCycles = 0;
    if (this.guardN >= 0 && n >= this.guardN) {
      this.guardN = -1;
      this.dupsLeft = 0;
    }
    const now = Date.now();
    this.lastProgress = now;
    this.lastJobActivity = now;
    if (this.settleWaiters.length && this.ackedN >= this.nextN - 1) this.settle(this.settleWaiters);
    if (this.drainWaiters.length && this.jobOutstanding() === 0) this.settle(this.drainWaiters);
    this.pump();
  }

  protected settle(list: Array<{ resolve: () => void }>): void {
    const copy = list.splice(0);
    for (const w of copy) w.resolve();
  }

  protected onResend(n: number, cause: ResendCause): void {
    this.lastProgress = Date.now();
    if (this.probe === 'resend') {
      this.probe = 'ok';
      this.request('M105').catch(() => undefined);
      return;
    }
    if (this.probe === 'ok') return;
    if (this.okAfterResend !== false) this.skipOk = true;
    if (n <= this.resyncFloor) return;
    if (n >= this.nextN) {
      // The firmware wants the line after the last we sent (noise between lines): nothing to redo.
      // Asking for one we never numbered means its count and ours differ: set it to ours.
      if (n > this.nextN) this.resync();
      return;
    }
    if (!this.ring.has(n)) {
      this.giveUp(n, 'the line asked for is no longer kept');
      return;
    }
    const i = this.ring.slot(n);
    // Every line that was on its way behind the broken one is refused in turn, each with its own
    // request for the same line: those echoes are counted off, not obeyed. A checksum error is the
    // resent line itself broken again, so it is always obeyed.
    if (n === this.guardN && this.dupsLeft > 0 && cause !== 'checksum') {
      this.dupsLeft--;
      this.stats.duplicateResendsIgnored++;
      return;
    }
    this.stats.resends++;
    if (n === this.lastResendN) this.resendCycles++;
    else {
      this.lastResendN = n;
      this.resendCycles = 1;
    }
    if (this.resendCycles > this.maxResendCycles) {
      this.giveUp(n, `line ${n} refused ${this.resendCycles - 1} times in a row`);
      return;
    }
    this.guardN = n;
    this.dupsLeft = this.writeSeq - this.ring.seq[i]!;
    if (n <= this.ackedN) {
      // We had counted it done; the firmware says otherwise, and it is the one that knows.
      this.ackedN = n - 1;
    }
    for (let k = n; k < this.nextN; k++) this.writeLine(k, false);
  }

  protected giveUp(n: number, why: string): void {
    this.stuck = true;
    this.message('error', 'resend_loop', why, { line: n, attempts: this.resendCycles });
    this.setState('error');
    this.rejectPending(new DriverError('resend_loop', `communication stuck: ${why}`, { line: n }));
  }

  /**
   * Sets the firmware's line counter to ours (M110 is exempt from the number check), then a marker:
   * its echo proves the firmware is past everything before it, acknowledged or abandoned.
   */
  protected resync(): void {
    const m = this.nextN++;
    this.ring.put(m, `M110 N${m}`, -1, LONG);
    this.resyncFloor = m;
    this.writeLine(m, true);
    this.tickle();
    this.resyncMarker = this.nextN - 1;
  }

  /** Sends a sync marker after an ack timeout (see the header): it proves or repairs, never duplicates. */
  protected tickle(): void {
    this.stats.tickles++;
    this.ticklesOut++;
    this.guardN = -1;
    this.dupsLeft = 0;
    const n = this.nextN++;
    this.ring.put(n, `M118 fksync ${n}`, -1, MARKER);
    this.writeLine(n, true);
  }

  protected currentTag(): number | undefined {
    const k = this.ackedN + 1;
    if (k >= this.nextN) return undefined;
    const i = this.ring.slot(k);
    return this.ring.flags[i]! & JOB ? this.ring.tag[i] : undefined;
  }

  protected rejectPending(error: DriverError): void {
    const waiters = this.jobWaiters.slice(this.jobHead);
    this.jobWaiters = [];
    this.jobHead = 0;
    for (const w of waiters) w.reject(error);
    const queued = this.controlQueue.splice(0);
    for (const r of queued) r.reject(error);
    for (const r of this.inFlightRequests.values()) r.reject(error);
    this.inFlightRequests.clear();
    for (const w of this.drainWaiters.splice(0)) w.reject(error);
    for (const w of this.settleWaiters.splice(0)) w.reject(error);
  }

  protected startHousekeeping(): void {
    clearInterval(this.housekeeping);
    const every = Math.max(20, Math.min(250, Math.floor(this.ackTimeoutMs / 4)));
    this.housekeeping = setInterval(() => this.tick(), every);
    this.housekeeping.unref?.();
  }

  protected tick(): void {
    if (this.phase !== 'stream' || this.halted || this.stuck) {
      this.housekeeping?.unref();
      return;
    }
    const now = Date.now();
    if (this.state === 'running' && this.jobOutstanding() === 0 && now - this.lastJobActivity > 1000) this.setState('idle');
    if (this.nextN - 1 - this.ackedN <= 0) {
      this.housekeeping?.unref();
      return;
    }
    // Heating, homing and waits for moves may keep the firmware from acking for minutes; it still
    // prints temperatures then, and that is enough to know it is alive.
    // After a resend, silence means the resent line was lost too: ask sooner.
    const recovering = this.guardN >= 0;
    const since = !recovering && this.longInFlight() ? Math.max(this.lastProgress, this.lastLineAt) : this.lastProgress;
    if (now - since < (recovering ? Math.min(this.ackTimeoutMs, this.resendStallMs) : this.ackTimeoutMs)) return;
    // A resync whose M110 was itself garbled would leave the firmware waiting for a line we no
    // longer send: M110 is exempt from the number check, so simply say it again.
    if (this.resyncMarker > this.ackedN) this.resync();
    else if (this.ticklesOut < 2) this.tickle();
    if (!this.noResponseWarned && now - this.lastLineAt >= 2 * this.ackTimeoutMs) {
      this.noResponseWarned = true;
      this.message('warning', 'no_response', '', { seconds: Math.round((now - this.lastLineAt) / 1000) });
    }
    this.lastProgress = now;
  }

  protected longInFlight(): boolean {
    for (let k = this.ackedN + 1; k < this.nextN; k++) if (this.ring.flags[this.ring.slot(k)]! & LONG) return true;
    return false;
  }

  protected neutralizeJobLines(): void {
    for (let k = this.ackedN + 1; k < this.nextN; k++) {
      const i = this.ring.slot(k);
      const f = this.ring.flags[i]!;
      if (!(f & JOB)) continue;
      if (k > this.emittedN) this.jobInFlight--;
      this.ring.flags[i] = (f & ~JOB) | LONG;
      if (!(f & M105)) this.ring.text[i] = 'M400';
      this.ring.tag[i] = -1;
    }
  }

  /** Resolves once every line written so far is known done. */
  protected allAcked(): Promise<void> {
    if (this.ackedN >= this.nextN - 1 && this.controlQueue.length === 0) return DONE;
    return new Promise<void>((resolve, reject) => this.settleWaiters.push({ resolve, reject }));
  }

  protected isClosed(): boolean {
    return this.phase === 'closed';
  }

  protected notConnected(): DriverError {
    return this.phase === 'closed'
      ? new DriverError('link_lost', 'the link is closed')
      : new DriverError('not_connected', 'the printer is not connected');
  }

  protected haltedError(): DriverError {
    if (this.stuck) return new DriverError('resend_loop', 'communication stuck: cancel or unlock first');
    return new DriverError('firmware_error', this.killed ? 'the printer is halted: it needs a reset' : 'the printer stopped on an error');
  }
}
