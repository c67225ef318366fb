// The Marlin driver: connect (greeting, M110, M115, temperature reports), what each firmware line
// means for the maker (temperatures, position, errors, reset), and the printer's actions: host pause
// with a safe park, resume, cancel, emergency stop, home, jog. The line protocol underneath (numbers,
// checksums, resends, acknowledgements) is MarlinStream's, in stream.ts.
import {
  DriverError,
  type Driver,
  type DriverErrorCode,
  type DriverEvents,
  type DriverFactory,
  type DriverMessage,
  type DriverOptions,
  type FirmwareInfo,
  type JogMove,
  type MachineReport,
  type MachineState,
  type Temperature,
} from '../driver';
import { Emitter } from '../events';
import { cleanLine, LineSplitter } from '../lines';
import type { Link } from '../link';
import { stripNumbering } from './checksum';
import type { MarlinCode } from './codes';
import { DEFAULT_PAUSE, modeCommands, planPark, resumeCommands, type PauseOptions, type SavedState } from './pause';
import { classify, parseFirmwareName, parsePosition, parseTemperatures, type Position, type Response } from './responses';
import { DONE, MarlinStream, type StreamOptions } from './stream';

export type { MarlinStats } from './stream';

export interface MarlinDriverOptions extends DriverOptions, StreamOptions {
  /** How long to wait for `start` after opening the port (boards that reset on open), ms. */
  greetingMs?: number;
  handshakeRetryMs?: number;
  pause?: Partial<PauseOptions>;
  /** What FIRMWARE_NAME must match to be driven (Marlin and its forks, Prusa's included). */
  firmwarePattern?: RegExp;
}

export class MarlinDriver extends MarlinStream implements Driver {
  readonly firmware = 'marlin' as const;
  info: FirmwareInfo | null = null;

  private readonly emitter = new Emitter<DriverEvents>();
  private readonly splitter: LineSplitter;

  private readonly pollMs: number;
  private readonly greetingMs: number;
  private readonly handshakeRetryMs: number;
  private readonly pauseOpts: PauseOptions;
  private readonly firmwarePattern: RegExp;

  private pausing: Promise<void> | null = null;
  private saved: SavedState | null = null;
  private hsLine: ((raw: string, r: Response) => void) | null = null;
  private connectFail: ((e: Error) => void) | null = null;
  private readonly earlyLines: string[] = [];
  private greeting: string[] = [];
  private poller: ReturnType<typeof setInterval> | undefined;

  private detail: string | undefined;
  private position: Position | undefined;
  private tool: Temperature | undefined;
  private bed: Temperature | undefined;
  private chamber: Temperature | undefined;
  private report: MachineReport = { state: 'connecting' };

  constructor(link: Link, options: MarlinDriverOptions = {}) {
    super(link, options);
    this.pollMs = options.pollMs ?? 1000;
    this.greetingMs = options.greetingMs ?? 2000;
    this.handshakeRetryMs = options.handshakeRetryMs ?? 1000;
    this.pauseOpts = { ...DEFAULT_PAUSE, ...options.pause, park: { ...DEFAULT_PAUSE.park, ...options.pause?.park } };
    this.firmwarePattern = options.firmwarePattern ?? /marlin|prusa/i;
    this.splitter = new LineSplitter(this.onLine);
    link.onData((chunk) => this.splitter.push(chunk));
    link.onClose((error) => this.handleClose(error));
  }

  get lastReport(): MachineReport {
    return this.report;
  }

  on<K extends keyof DriverEvents>(event: K, listener: DriverEvents[K]): () => void {
    if (event === 'acked') {
      const l = listener as (tag: number) => void;
      this.ackedListeners = [...this.ackedListeners, l];
      return () => {
        this.ackedListeners = this.ackedListeners.filter((x) => x !== l);
      };
    }
    return this.emitter.on(event, listener);
  }

  async connect(options: { timeoutMs?: number } = {}): Promise<FirmwareInfo> {
    if (this.connected && this.info) return this.info;
    if (this.phase === 'closed' || !this.link.isOpen) throw new DriverError('link_lost', 'the link is closed');
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    this.setState('connecting');
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.connectOnce(deadline);
      } catch (e) {
        // A board that resets while we talk to it (DTR on open, late) has simply started over.
        if (!(e instanceof DriverError) || e.code !== 'firmware_reset' || attempt >= 2) {
          if (!this.isClosed()) this.setState('offline');
          throw e;
        }
      }
    }
  }

  private async connectOnce(deadline: number): Promise<FirmwareInfo> {
    await this.guarded(this.waitGreeting(deadline));
    await this.guarded(this.handshake(deadline));
    const remaining = (): number => Math.max(200, deadline - Date.now());
    const out = await this.guarded(this.request('M115', { timeoutMs: remaining() }));
    const info = this.firmwareInfo(out);
    if (!info) {
      this.message('error', 'unexpected_firmware', out.join(' | ').slice(0, 300));
      throw new DriverError('unexpected_firmware', 'the other end does not answer M115 like Marlin', {
        name: out.find((l) => l.startsWith('FIRMWARE_NAME:'))?.slice(14, 80) ?? '',
      });
    }
    if (!this.advancedOk && this.okAfterResend === undefined) await this.guarded(this.probeOkAfterResend(remaining()));
    info.capabilities.ADVANCED_OK = this.advancedOk;
    info.capabilities.OK_AFTER_RESEND = this.okAfterResend ?? true;
    await this.guarded(this.startTemperatureReports(info, remaining()));
    this.info = info;
    this.connected = true;
    this.startHousekeeping();
    this.setState('idle');
    return info;
  }

  /** Rejects with link_lost if the link goes while we wait. */
  private guarded<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.connectFail = reject;
      p.then(resolve, reject).finally(() => {
        if (this.connectFail === reject) this.connectFail = null;
      });
    });
  }

  private waitGreeting(deadline: number): Promise<void> {
    this.phase = 'greeting';
    this.greeting = [...this.earlyLines];
    let sawStart = this.earlyLines.includes('start');
    const foreign = this.earlyLines.some((l) => classify(l).kind === 'foreign');
    const alive = this.earlyLines.length > 0 && !sawStart;
    this.earlyLines.length = 0;
    if (foreign) return Promise.reject(new DriverError('unexpected_firmware', 'the other end speaks Grbl, not Marlin'));
    if (alive) return DONE;
    return new Promise<void>((resolve, reject) => {
      let overall: ReturnType<typeof setTimeout> | undefined;
      let quiet: ReturnType<typeof setTimeout> | undefined;
      const finish = (): void => {
        clearTimeout(overall);
        clearTimeout(quiet);
        this.hsLine = null;
        resolve();
      };
      const startOverall = (ms: number): void => {
        clearTimeout(overall);
        overall = setTimeout(finish, Math.max(0, Math.min(ms, deadline - Date.now())));
      };
      // After `start` Marlin prints its settings; talk once it has been quiet for a moment.
      const armQuiet = (): void => {
        clearTimeout(quiet);
        quiet = setTimeout(finish, Math.min(250, this.greetingMs / 4));
      };
      startOverall(sawStart ? 4000 : this.greetingMs);
      if (sawStart) armQuiet();
      this.hsLine = (_raw, r) => {
        if (r.kind === 'foreign') {
          clearTimeout(overall);
          clearTimeout(quiet);
          this.hsLine = null;
          reject(new DriverError('unexpected_firmware', 'the other end speaks Grbl, not Marlin'));
        } else if (r.kind === 'start') {
          sawStart = true;
          startOverall(4000);
          armQuiet();
        } else if (sawStart) armQuiet();
        else finish(); // alive and talking without a reset: no reason to wait
      };
    });
  }

  /** `N0 M110 N0`, repeated until an ok: a board still in its bootloader eats the first ones. */
  private handshake(deadline: number): Promise<void> {
    this.phase = 'handshake';
    this.ring.clear();
    this.nextN = 0;
    this.ackedN = -1;
    this.emittedN = -1;
    return new Promise<void>((resolve, reject) => {
      let tries = 0;
      let refused = false;
      let retry: ReturnType<typeof setTimeout> | undefined;
      const send = (): void => {
        if (Date.now() > deadline) {
          this.hsLine = null;
          reject(new DriverError('timeout', 'the printer does not answer (no ok to M110)'));
          return;
        }
        tries++;
        this.writeRaw(this.framer.frame(0, 'M110 N0'));
        retry = setTimeout(send, Math.min(this.handshakeRetryMs, Math.max(1, deadline - Date.now() + 1)));
      };
      const done = (): void => {
        this.hsLine = null;
        this.ring.put(0, 'M110 N0', -1, 0);
        this.nextN = 1;
        this.ackedN = 0;
        this.emittedN = 0;
        this.phase = 'stream';
        this.lastProgress = Date.now();
        resolve();
      };
      this.hsLine = (_raw, r) => {
        if (r.kind === 'foreign') {
          clearTimeout(retry);
          this.hsLine = null;
          reject(new DriverError('unexpected_firmware', 'the other end speaks Grbl, not Marlin'));
        } else if (r.kind === 'start') {
          clearTimeout(retry);
          retry = setTimeout(send, 500);
        } else if (r.kind === 'line_error' || r.kind === 'resend') {
          // The M110 itself arrived broken. Say it again once the firmware has finished answering:
          // the ok some versions print after `Resend:` is not the M110's.
          refused = true;
          clearTimeout(retry);
          retry = setTimeout(() => {
            refused = false;
            send();
          }, 100);
        } else if (r.kind === 'ok' && !refused) {
          clearTimeout(retry);
          if (r.n === 0 && r.b >= 0 && this.useAdvancedOk) {
            this.advancedOk = true;
            this.learnBuffer(r.p, r.b);
          }
          if (tries > 1) {
            // Several M110 went out: let their other oks pass before counting any.
            this.hsLine = () => undefined;
            setTimeout(done, 300);
          } else done();
        }
      };
      send();
    });
  }

  private firmwareInfo(out: string[]): FirmwareInfo | null {
    const nameLine = out.find((l) => l.startsWith('FIRMWARE_NAME:'));
    if (!nameLine) return null;
    const fw = parseFirmwareName(nameLine);
    if (!this.firmwarePattern.test(fw.fields.FIRMWARE_NAME ?? '')) return null;
    const capabilities: Record<string, string | boolean> = {};
    for (const [k, v] of Object.entries(fw.fields)) if (k !== 'FIRMWARE_NAME') capabilities[k] = v;
    for (const l of out) {
      const r = classify(l);
      if (r.kind === 'capability') capabilities[r.name] = r.value;
    }
    return { firmware: 'marlin', version: fw.version || fw.name, capabilities, greeting: this.greeting.slice(0, 200) };
  }

  /**
   * Marlin 2.1 prints `ok` after `Resend:`, some versions and forks do not; counting acks needs to
   * know. Provoke one resend with a line numbered one too far (the firmware refuses it and asks for
   * the right one), and only after that request send a real M105: if a bare `ok` comes before
   * M105's `ok T:`, the firmware says ok after resends. Nothing is executed twice or skipped: the
   * probe line is refused, and its number is the one the next line uses anyway.
   */
  private probeOkAfterResend(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        // No answer to the probe: assume the common case and stop probing.
        this.probe = null;
        this.probeDone = null;
        if (this.okAfterResend === undefined) this.okAfterResend = true;
        resolve();
      }, Math.min(timeoutMs, 3000));
      this.probe = 'resend';
      this.probeDone = () => {
        clearTimeout(timer);
        this.probe = null;
        this.probeDone = null;
        resolve();
      };
      this.writeRaw(this.framer.frame(this.nextN + 1, 'M105'));
    });
  }

  private async startTemperatureReports(info: FirmwareInfo, timeoutMs: number): Promise<void> {
    if (info.capabilities.AUTOREPORT_TEMP === true) {
      await this.request(`M155 S${Math.max(1, Math.round(this.pollMs / 1000))}`, { timeoutMs });
      return;
    }
    clearInterval(this.poller);
    this.poller = setInterval(() => this.poll(), this.pollMs);
    this.poller.unref?.();
  }

  private poll(): void {
    if (this.phase !== 'stream' || this.halted || this.stuck || this.pollN > this.ackedN) return;
    this.pollN = this.nextN + this.controlQueue.length;
    this.request('M105').catch(() => undefined);
  }

  command(line: string, options: { timeoutMs?: number } = {}): Promise<string[]> {
    if (!this.connected || this.phase !== 'stream') return Promise.reject(this.notConnected());
    if (this.halted) return Promise.reject(this.haltedError());
    const text = cleanLine(line.charCodeAt(0) === 78 ? stripNumbering(line) : line);
    if (!text) return Promise.resolve([]);
    if (text.length > this.maxCommandLength) {
      return Promise.reject(new DriverError('firmware_error', `line too long for Marlin (${text.length} > ${this.maxCommandLength})`));
    }
    return this.request(text, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  }

  private readonly onLine = (raw: string): void => {
    this.trace?.('in', raw);
    const now = Date.now();
    this.lastLineAt = now;
    this.noResponseWarned = false;
    const r = classify(raw);
    if (this.phase !== 'stream') {
      if (this.phase === 'new') {
        if (this.earlyLines.length < 200) this.earlyLines.push(raw);
        return;
      }
      if (this.greeting.length < 200 && r.kind !== 'ok') this.greeting.push(raw);
      this.hsLine?.(raw, r);
      return;
    }
    const errorN = this.pendingErrorN;
    this.pendingErrorN = -1;
    switch (r.kind) {
      case 'ok':
        this.onOk(r, raw);
        return;
      case 'resend':
        if (errorN !== r.n) this.onResend(r.n, 'unknown');
        return;
      case 'line_error':
        this.onResend(r.lastLine + 1, r.cause);
        this.pendingErrorN = r.lastLine + 1;
        return;
      case 'busy':
        this.lastProgress = now;
        if (this.detail !== r.detail) {
          // Said every two seconds while it lasts: tell the maker once.
          if (r.detail.includes('paused for user') || r.detail.includes('paused for input')) this.message('info', 'paused_for_user', raw);
          this.detail = r.detail;
          this.emitReport();
        }
        return;
      case 'temperature':
        if (r.waiting) this.lastProgress = now;
        this.onTemperatures(raw);
        return;
      case 'position':
        this.collect(raw);
        this.onPosition(raw);
        return;
      case 'start':
        this.onReset(raw);
        return;
      case 'thermal':
        this.onFatal(raw, `error.${r.fault}`, 'firmware_error', { heater: r.heater, tool: r.tool, context: r.heater });
        return;
      case 'halted':
        this.killed = true;
        this.onFatal(raw, 'error.halted', 'firmware_error');
        return;
      case 'stopped':
        this.onFatal(raw, 'error.stopped', 'firmware_error');
        return;
      case 'error':
        this.onFirmwareError(raw, r.text);
        return;
      case 'unknown_command':
        if (this.marker(raw)) return;
        // `Unknown command: "23 G1 X5*71"`: the tail of one of our lines, cut when Marlin emptied
        // its receive buffer after an error; its ok is not a line's.
        if (/\*\d+$/.test(r.command)) {
          if (!this.advancedOk) this.fragmentOks++;
          return;
        }
        this.collect(raw);
        this.message('warning', 'unknown_command', raw, { command: r.command }, this.currentTag());
        return;
      case 'cold_extrusion':
        this.collect(raw);
        this.message('warning', 'cold_extrusion', raw, {}, this.currentTag());
        return;
      case 'echo':
        if (this.marker(raw)) return;
        this.collect(raw);
        this.message('info', 'echo', raw, { text: r.text });
        return;
      case 'action':
        this.message('info', 'host_action', raw, { action: r.action });
        return;
      default:
        if (this.marker(raw)) return;
        this.collect(raw);
    }
  };

  private onFirmwareError(raw: string, text: string): void {
    this.collect(raw);
    this.message('error', 'error.other', raw, { text }, this.currentTag());
    // The command running is the one refused; a driver command waiting for it learns why.
    const req = this.inFlightRequests.get(this.ackedN + 1);
    if (req) req.reject(new DriverError('firmware_error', text, { command: req.text }));
  }

  private onFatal(raw: string, code: MarlinCode, errorCode: DriverErrorCode, params: Record<string, string | number> = {}): void {
    const wasHalted = this.halted;
    this.halted = true;
    this.message('error', code, raw, params, this.currentTag());
    this.setState('error');
    if (!wasHalted) this.rejectPending(new DriverError(errorCode, raw.trim(), params));
  }

  private onReset(raw: string): void {
    this.message('warning', 'reset_detected', raw);
    this.rejectPending(new DriverError('firmware_reset', 'the printer restarted: position and settings are lost'));
    this.emitter.emit('reset');
    this.jobInFlight = 0;
    this.halted = false;
    this.killed = false;
    this.stuck = false;
    this.paused = false;
    this.saved = null;
    this.cancelling = false;
    this.skipOk = false;
    this.fragmentOks = 0;
    this.guardN = -1;
    this.dupsLeft = 0;
    this.resendCycles = 0;
    this.lastResendN = -1;
    this.resyncFloor = -1;
    this.resyncMarker = -1;
    this.ticklesOut = 0;
    this.pollN = -1;
    this.bufsize = 1;
    this.advancedOk = false;
    this.modes.reset();
    this.position = undefined;
    this.earlyLines.length = 0;
    this.earlyLines.push('start');
    this.phase = 'new';
    const wasConnected = this.connected;
    this.connected = false;
    this.setState('connecting');
    if (!wasConnected || !this.info) return;
    const info = this.info;
    // Talk again as at connect: numbering from 0, temperature reports back on.
    const deadline = Date.now() + 15_000;
    void (async () => {
      try {
        await this.guarded(this.waitGreeting(deadline));
        await this.guarded(this.handshake(deadline));
        await this.guarded(this.startTemperatureReports(info, 5000));
        this.connected = true;
        this.setState('idle');
      } catch (e) {
        if (this.phase !== 'closed') {
          this.trace?.('in', `reconnect after reset failed: ${e instanceof Error ? e.message : String(e)}`);
          this.setState('error');
        }
      }
    })();
  }

  protected onTemperatures(raw: string): void {
    const t = parseTemperatures(raw);
    if (t.tool) this.tool = t.tool;
    if (t.bed) this.bed = t.bed;
    if (t.chamber) this.chamber = t.chamber;
    this.emitReport();
  }

  private onPosition(raw: string): void {
    const p = parsePosition(raw);
    if (p) {
      this.position = p;
      this.emitReport();
    }
  }

  pause(): Promise<void> {
    if (!this.connected) return Promise.reject(this.notConnected());
    if (this.halted || this.stuck) return Promise.reject(this.haltedError());
    if (this.pausing) return this.pausing;
    if (this.paused) return DONE;
    this.paused = true;
    this.pausing = this.park().finally(() => {
      this.pausing = null;
    });
    return this.pausing;
  }

  private async park(): Promise<void> {
    // Stop feeding, let what is in flight land, then look where the head is before moving it.
    await this.allAcked();
    await this.request('M400');
    const out = await this.request('M114');
    const at = out.map((l) => parsePosition(l)).find((p): p is Position => p !== null) ?? null;
    if (!this.paused) return; // cancelled meanwhile
    if (!at) {
      this.saved = null;
      this.setState('paused');
      return;
    }
    const toolTarget = Number.isFinite(this.modes.toolTarget) ? this.modes.toolTarget : (this.tool?.target ?? 0);
    const bedTarget = Number.isFinite(this.modes.bedTarget) ? this.modes.bedTarget : (this.bed?.target ?? 0);
    const plan = planPark(at, this.tool?.actual ?? 0, this.pauseOpts);
    this.saved = {
      position: at,
      relative: this.modes.relative,
      relativeE: this.modes.relativeE,
      feed: this.modes.feed,
      toolTarget,
      bedTarget,
      retracted: plan.retracted,
      lifted: plan.lifted,
    };
    await Promise.all(plan.commands.map((c) => this.request(c)));
    if (this.paused) this.setState('paused');
  }

  async resume(): Promise<void> {
    if (!this.connected) throw this.notConnected();
    if (this.halted || this.stuck) throw this.haltedError();
    if (this.pausing) await this.pausing;
    if (!this.paused) return;
    const saved = this.saved;
    if (saved) {
      // Fresh temperatures, not the last report: someone may have changed a target during the pause.
      await this.request('M105');
      const now = {
        toolTarget: this.tool?.target ?? 0,
        toolActual: this.tool?.actual ?? 0,
        bedTarget: this.bed?.target ?? 0,
        bedActual: this.bed?.actual ?? 0,
      };
      await Promise.all(resumeCommands(saved, now, this.pauseOpts).map((c) => this.request(c)));
    }
    this.saved = null;
    this.paused = false;
    this.setState(this.jobOutstanding() > 0 ? 'running' : 'idle');
    this.pump();
  }

  /**
   * Stops the job: the lines not yet sent are dropped, those in flight become harmless (a refused one
   * is resent as M400), M410 empties the planner at once (emergency parser), then heaters and fan
   * go off. Motors stay powered so the position holds for the trainer; the head is not moved, because
   * Marlin drops every move for a second after M410 and a part may be under the nozzle.
   */
  async cancel(): Promise<void> {
    if (!this.connected) throw this.notConnected();
    const error = new DriverError('cancelled', 'the job was cancelled');
    this.cancelling = true;
    try {
      const waiters = this.jobWaiters.slice(this.jobHead);
      this.jobWaiters = [];
      this.jobHead = 0;
      for (const w of waiters) w.reject(error);
      for (const w of this.drainWaiters.splice(0)) w.reject(error);
      this.neutralizeJobLines();
      this.paused = false;
      this.saved = null;
      if (this.halted) return;
      if (this.stuck) {
        this.stuck = false;
        this.resync();
      }
      await Promise.all([
        this.request('M410', { bypass: true }),
        this.request('M104 S0'),
        this.request('M140 S0'),
        this.request('M107'),
      ]);
    } finally {
      this.cancelling = false;
      if (!this.halted && this.phase === 'stream') this.setState('idle');
    }
  }

  emergencyStop(): Promise<void> {
    // Unnumbered: Marlin takes a line without N whatever it expects next, and its emergency parser
    // acts on M112 as the bytes arrive, even with the command buffer full.
    if (this.link.isOpen) this.writeRaw(Buffer.from('M112\n', 'latin1'));
    this.halted = true;
    this.killed = true;
    this.message('warning', 'emergency_stop', 'M112');
    this.setState('error');
    this.rejectPending(new DriverError('emergency_stop', 'emergency stop'));
    return DONE;
  }

  /** M108: ends a heating wait (M109/M190) or a wait for the user now, through the emergency parser. */
  breakWait(): Promise<void> {
    if (!this.connected) return Promise.reject(this.notConnected());
    return this.request('M108', { bypass: true }).then(() => undefined);
  }

  async home(): Promise<void> {
    if (!this.connected) throw this.notConnected();
    this.refuseWhileRunning('G28');
    this.setState('homing');
    try {
      await this.request('G28');
      const out = await this.request('M114');
      for (const l of out) this.onPosition(l);
    } finally {
      if (!this.halted && this.phase === 'stream') this.setState(this.paused ? 'paused' : this.jobOutstanding() ? 'running' : 'idle');
    }
  }

  /**
   * M999 clears Marlin's "stopped" state (errors that say "use M999"). After kill() (M112, thermal
   * runaway) the firmware reads nothing more: only its reset button or a power cycle helps, and we say so.
   */
  async unlock(): Promise<void> {
    if (!this.connected) throw this.notConnected();
    if (this.stuck) {
      this.stuck = false;
      this.resync();
      await this.allAcked();
      this.setState('idle');
      return;
    }
    if (!this.halted) return;
    try {
      await this.request('M999', { bypass: true, allowHalted: true, timeoutMs: Math.min(3000, Math.max(500, 2 * this.ackTimeoutMs)) });
    } catch (e) {
      if (e instanceof DriverError && e.code === 'timeout') {
        this.message('error', 'halted_needs_reset', 'M999');
        throw new DriverError('firmware_error', 'the printer is halted: press its reset button or switch it off and on', {
          code: 'marlin.halted_needs_reset',
        });
      }
      throw e;
    }
    this.halted = false;
    this.killed = false;
    this.setState('idle');
  }

  async jog(move: JogMove): Promise<void> {
    if (!this.connected) throw this.notConnected();
    this.refuseWhileRunning('jog');
    const words: string[] = [];
    for (const axis of ['x', 'y', 'z'] as const) {
      const v = move[axis];
      if (v === undefined || v === 0) continue;
      if (!Number.isFinite(v)) throw new DriverError('firmware_error', `bad jog distance ${axis}=${v}`);
      words.push(`${axis.toUpperCase()}${Math.round(v * 1000) / 1000}`);
    }
    if (!words.length) return;
    if (!(move.feedMmMin > 0) || !Number.isFinite(move.feedMmMin)) throw new DriverError('firmware_error', 'bad jog feed');
    // Relative for the jog only; then the job's own modes (G90/G91, then M82/M83) are put back.
    const cmds = ['G91', `G0 ${words.join(' ')} F${Math.round(move.feedMmMin)}`, ...modeCommands(this.modes.relative, this.modes.relativeE)];
    await Promise.all(cmds.map((c) => this.request(c)));
  }

  /** Moving the head by hand while a job streams would mix its moves into the part: pause first. */
  private refuseWhileRunning(what: string): void {
    if (this.jobOutstanding() > 0 && !this.paused) {
      throw new DriverError('firmware_error', `${what} refused while a job is running: pause it first`, { command: what });
    }
  }

  jogCancel(): Promise<void> {
    if (!this.connected) return Promise.reject(this.notConnected());
    return this.request('M410', { bypass: true }).then(() => undefined);
  }

  async close(): Promise<void> {
    this.stopTimers();
    await this.link.close();
    this.handleClose();
  }

  private handleClose(error?: Error): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    this.connected = false;
    this.stopTimers();
    this.hsLine = null;
    const lost = new DriverError('link_lost', error ? `link lost: ${error.message}` : 'link closed');
    this.connectFail?.(lost);
    this.connectFail = null;
    this.rejectPending(lost);
    this.setState('offline');
    this.emitter.emit('closed', error);
  }

  private stopTimers(): void {
    clearInterval(this.housekeeping);
    clearInterval(this.poller);
    this.housekeeping = undefined;
    this.poller = undefined;
  }

  protected setState(state: MachineState): void {
    if (this.state === state) return;
    this.state = state;
    if (state !== 'running' && state !== 'homing') this.detail = undefined;
    this.emitReport();
  }

  private emitReport(): void {
    const temperatures: NonNullable<MachineReport['temperatures']> = {};
    if (this.tool) temperatures.tool = this.tool;
    if (this.bed) temperatures.bed = this.bed;
    if (this.chamber) temperatures.chamber = this.chamber;
    const report: MachineReport = { state: this.state, temperatures };
    if (this.detail) report.detail = this.detail;
    if (this.position) report.position = { x: this.position.x, y: this.position.y, z: this.position.z };
    if (this.buffer) report.buffer = { planner: this.buffer.planner, rx: this.buffer.rx };
    this.report = report;
    this.emitter.emit('report', report);
  }

  protected message(
    severity: DriverMessage['severity'],
    code: MarlinCode,
    raw: string,
    params?: Record<string, string | number>,
    line?: number,
  ): void {
    if (severity === 'error') this.stats.errors++;
    const m: DriverMessage = { severity, code: `marlin.${code}`, raw };
    if (params && Object.keys(params).length) m.params = params;
    if (line !== undefined) m.line = line;
    this.emitter.emit('message', m);
  }
}

export const createMarlinDriver = (link: Link, options?: MarlinDriverOptions): MarlinDriver => new MarlinDriver(link, options);

// The factory the runner and the CLI expect.
export const marlinDriverFactory: DriverFactory = createMarlinDriver;
