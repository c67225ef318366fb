// A Grbl 1.1h board, byte for byte: what the kiosk's driver is tested against. Bytes in (receive),
// bytes out (onOutput), time from a pluggable clock.
//
// What it models because a driver can get it wrong:
// - the 128-byte serial receive buffer: bytes arriving while it is full are dropped and counted
//   (overflowBytes), so a broken character counter shows up as corrupted lines and a non-zero count;
// - a line is parsed and answered only when the 15-block planner has room, so `ok`s come at the pace
//   of the motion, not of the link;
// - real-time bytes are picked off on arrival, before the buffer (they work when it is full);
// - EEPROM writes (`$x=`, G10, G28.1...) during which every incoming byte is dropped;
// - feed hold (Hold:1 decelerating, then Hold:0), soft reset (ALARM:3 if it stops motion), alarms,
//   homing, jogging, check mode, overrides, the status report format and its WCO/Ov refresh counters;
// - optional wire rate (10 bits per byte each way) for the benchmark;
// - faults on demand: alarm or reboot at line N, dropped `ok`s, corrupted bytes.
import { realClock, type SimClock } from './clock';
import { DEFAULT_SETTINGS, f3, formatSetting, HELP, isWholeSetting } from './defaults';
import { GcodeState, type Move, type Plan } from './gcode';
import { Planner, type Axes } from './motion';
import { WirePacer } from './wire';

export interface GrblFaults {
  /** After answering the Nth G-code line (from 1; `$` commands are not counted), raise this alarm. */
  alarmAtLine?: number;
  /** Alarm code for alarmAtLine (default 1, hard limit: critical, nothing but a reset is heard). */
  alarmCode?: number;
  /** The board reboots on the Nth G-code line, before answering it (greeting, everything lost). */
  resetAtLine?: number;
  /** G-code line numbers (as above) whose `ok` never leaves. */
  dropOkAtLines?: number[];
  /** Probability for each received line byte to be garbled (never `\n`, `\r` or a real-time byte). */
  corruptRate?: number;
  /** Seed of the garbling (same seed, same garbage). */
  seed?: number;
  /** `$H` ends in this alarm (8 pull-off, 9 switch not found) instead of homing. */
  homingAlarm?: number;
}

export interface GrblSimulatorOptions {
  clock?: SimClock;
  /** Wire-rate emulation at this baud rate (e.g. 115200); null/undefined = bytes cross instantly. */
  baud?: number | null;
  rxBufferBytes?: number;
  plannerBlocks?: number;
  /** Time an EEPROM write takes (default 30 ms; real boards take 20–50). */
  eepromWriteMs?: number;
  /** Motion, dwell and homing run this many times faster than real (default 1). */
  timeScale?: number;
  /** Homing cycle length at time scale 1 (default 1500 ms). */
  homingMs?: number;
  /** Boot time before the greeting on start() (default 0) and on a simulated reboot (default 50 ms). */
  bootMs?: number;
  rebootMs?: number;
  /** Print the greeting on start() (default true); false = a board that was already running. */
  greetOnStart?: boolean;
  /** Add a start-from-rest acceleration penalty to moves (default false: constant speed). */
  accel?: boolean;
  /** EEPROM settings over the defaults (a laser: see defaults.ts). */
  settings?: Record<number, number>;
  faults?: GrblFaults;
  version?: string;
  buildDate?: string;
}

export interface GrblSimStats {
  bytesIn: number;
  bytesOut: number;
  /** Dropped because the receive buffer was full: a character-counting bug. */
  overflowBytes: number;
  /** Line bytes dropped because they arrived during an EEPROM write. */
  eepromDroppedBytes: number;
  /** Real-time bytes (`?`...) dropped during an EEPROM write: harmless, Grbl loses those too. */
  eepromDroppedRealtime: number;
  /** Dropped while the board was rebooting. */
  bootDroppedBytes: number;
  /** Extended-ASCII bytes that are no Grbl command (an override sent as UTF-8 text lands here). */
  unknownRealtimeBytes: number;
  /** Every real-time byte received, in order (first 10,000). */
  realtime: number[];
  maxRxUsed: number;
  linesOk: number;
  linesError: number;
  okDropped: number;
  corrupted: number;
  reports: number;
  resets: number;
  reboots: number;
  alarms: number[];
}

interface Step {
  moves?: Move[];
  jog?: boolean;
  /** Wait until the planner is empty and no hold is active. */
  waitEmpty?: boolean;
  durationMs?: number;
  eeprom?: boolean;
  action?: () => void;
}

interface Busy extends Step {
  until?: number;
  then: () => void;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-#%=';
const clampOverride = (v: number): number => Math.min(200, Math.max(10, v));
const v3 = (a: Axes): string => `${f3(a[0])},${f3(a[1])},${f3(a[2])}`;

export class GrblSimulator {
  /** Every line the firmware took out of its buffer and answered (or meant to), as received, in order. */
  readonly log: string[] = [];
  readonly errors: Array<{ line: string; code: number }> = [];
  readonly stats: GrblSimStats = {
    bytesIn: 0,
    bytesOut: 0,
    overflowBytes: 0,
    eepromDroppedBytes: 0,
    eepromDroppedRealtime: 0,
    bootDroppedBytes: 0,
    unknownRealtimeBytes: 0,
    realtime: [],
    maxRxUsed: 0,
    linesOk: 0,
    linesError: 0,
    okDropped: 0,
    corrupted: 0,
    reports: 0,
    resets: 0,
    reboots: 0,
    alarms: [],
  };
  readonly settings: Map<number, number>;
  readonly startupLines: [string, string] = ['', ''];
  buildInfo = '';
  faults: GrblFaults;

  alarm = false;
  /** Hard/soft limit: only `?` and a reset are heard. */
  critical = false;
  checkMode = false;
  sleeping = false;

  private readonly clock: SimClock;
  private readonly timeScale: number;
  private readonly eepromMs: number;
  private readonly version: string;
  private readonly buildDate: string;
  private readonly rx: Uint8Array;
  private rxHead = 0;
  private rxCount = 0;
  private inbox: Uint8Array[] = [];
  private readonly inWire: WirePacer | null;
  private readonly outWire: WirePacer | null;
  private outText = '';
  private readonly listeners: Array<(bytes: Uint8Array) => void> = [];
  private readonly planner: Planner;
  private readonly gc: GcodeState;
  private lineRaw = '';
  private lineKept = '';
  private lineOverflow = false;
  private comment: 0 | 1 | 2 = 0;
  private busy: Busy | null = null;
  private hold: { phase: 0 | 1; until: number; door: boolean } | null = null;
  private homingUntil: number | null = null;
  private bootUntil: number | null = null;
  private spindleOverride = 100;
  private spindleStopped = false;
  private wcoCounter = 0;
  private ovCounter = 0;
  private gcodeLines = 0;
  private cancelTimer: (() => void) | null = null;
  private timerAt = Infinity;
  private stopped = false;
  private pumping = false;
  private again = false;
  private t = 0;
  private rng: () => number;

  constructor(private readonly options: GrblSimulatorOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.timeScale = options.timeScale ?? 1;
    this.eepromMs = options.eepromWriteMs ?? 30;
    this.version = options.version ?? '1.1h';
    this.buildDate = options.buildDate ?? '20190830';
    this.rx = new Uint8Array(options.rxBufferBytes ?? 128);
    this.planner = new Planner(options.plannerBlocks ?? 15);
    this.settings = new Map(DEFAULT_SETTINGS);
    for (const [k, v] of Object.entries(options.settings ?? {})) this.settings.set(Number(k), v);
    this.gc = new GcodeState(() => [this.setting(110), this.setting(111), this.setting(112)]);
    this.inWire = options.baud ? new WirePacer(options.baud) : null;
    this.outWire = options.baud ? new WirePacer(options.baud) : null;
    this.faults = options.faults ?? {};
    this.rng = mulberry32(this.faults.seed ?? 1);
  }

  // ---------------------------------------------------------------------------------------------
  // Outside world

  onOutput(listener: (bytes: Uint8Array) => void): void {
    this.listeners.push(listener);
  }

  /** Power-up: greeting (after bootMs) unless greetOnStart is false. */
  start(): void {
    this.stopped = false;
    this.t = this.clock.now();
    const boot = this.options.bootMs ?? 0;
    if (this.options.greetOnStart === false) {
      this.restart(true, false);
    } else if (boot > 0) {
      this.bootUntil = this.t + boot;
    } else {
      this.restart(true);
    }
    this.pump();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.timerAt = Infinity;
  }

  receive(bytes: Uint8Array): void {
    if (this.stopped) return;
    this.stats.bytesIn += bytes.length;
    const copy = Uint8Array.from(bytes);
    if (this.inWire) this.inWire.push(copy, this.clock.now());
    else this.inbox.push(copy);
    this.pump();
  }

  /** Grbl's state word as `?` would report it. */
  get state(): string {
    return this.stateName();
  }

  get position(): Axes {
    return this.planner.positionAt(this.clock.now());
  }

  get rxUsed(): number {
    return this.rxCount;
  }

  get plannerUsed(): number {
    return this.planner.blocks.length;
  }

  get overrides(): { feed: number; rapid: number; spindle: number } {
    return { feed: this.planner.feedOverride, rapid: this.planner.rapidOverride, spindle: this.spindleOverride };
  }

  /** Pulls the power: reboot after rebootMs, bytes arriving meanwhile are lost. */
  powerCycle(): void {
    this.t = this.clock.now();
    this.reboot();
    this.pump();
  }

  /** An alarm right now (1 = hard limit switch hit). */
  raiseAlarm(code: number): void {
    this.t = this.clock.now();
    this.triggerAlarm(code);
    this.pump();
  }

  private setting(id: number): number {
    return this.settings.get(id) ?? DEFAULT_SETTINGS.get(id) ?? 0;
  }

  // ---------------------------------------------------------------------------------------------
  // The loop

  private pump(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      let guard = 0;
      do {
        this.again = false;
        this.t = this.clock.now();
        if (this.bootUntil !== null && this.t >= this.bootUntil) {
          this.bootUntil = null;
          this.restart(true);
        }
        if (this.hold?.phase === 1 && this.t >= this.hold.until) {
          this.planner.hold(this.hold.until);
          this.hold.phase = 0;
        }
        this.planner.advance(this.t);
        this.drainRx();
        this.deliver();
        this.drainRx();
        this.flushOut();
      } while (this.again && ++guard < 1000);
    } finally {
      this.pumping = false;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    let next = Infinity;
    const consider = (at: number | null | undefined): void => {
      if (at !== null && at !== undefined && at < next) next = at;
    };
    consider(this.inWire?.nextAt(this.t));
    consider(this.outWire?.nextAt(this.t));
    if (this.hold?.phase === 1) consider(this.hold.until);
    consider(this.planner.nextEventAt());
    consider(this.busy?.until);
    consider(this.bootUntil);
    if (next === Infinity) {
      this.cancelTimer?.();
      this.cancelTimer = null;
      this.timerAt = Infinity;
      return;
    }
    if (this.cancelTimer && this.timerAt === next) return;
    this.cancelTimer?.();
    this.timerAt = next;
    this.cancelTimer = this.clock.setTimer(() => {
      this.cancelTimer = null;
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(0, Math.ceil(next - this.clock.now())));
  }

  private reply(text: string): void {
    this.outText += text + '\r\n';
  }

  private flushOut(): void {
    if (this.outText) {
      const bytes = Buffer.from(this.outText, 'latin1');
      this.outText = '';
      this.stats.bytesOut += bytes.length;
      if (this.outWire) this.outWire.push(bytes, this.t);
      else this.emit(bytes);
    }
    if (this.outWire) {
      const b = this.outWire.take(this.t);
      if (b) this.emit(b);
    }
  }

  /** The parser works through what waits in the buffer until it blocks or runs dry. */
  private drainRx(): void {
    this.updateBusy();
    while (this.parserFree() && this.rxCount > 0) {
      this.processLine();
      this.updateBusy();
    }
  }

  private parserFree(): boolean {
    return this.busy === null && !this.critical && this.bootUntil === null;
  }

  private emit(bytes: Uint8Array): void {
    for (const l of this.listeners) l(bytes);
  }

  // ---------------------------------------------------------------------------------------------
  // Serial input: the receive interrupt

  private deliver(): void {
    if (this.inWire) {
      const b = this.inWire.take(this.t);
      if (b) for (const byte of b) this.acceptByte(byte);
      return;
    }
    while (this.inbox.length > 0) {
      const chunk = this.inbox.shift()!;
      for (const byte of chunk) this.acceptByte(byte);
    }
  }

  private eepromWriting(): boolean {
    return this.busy?.eeprom === true && this.busy.until !== undefined && this.t < this.busy.until;
  }

  private acceptByte(byte: number): void {
    if (this.bootUntil !== null) {
      this.stats.bootDroppedBytes++;
      return;
    }
    // Interrupts are off while the EEPROM is written: the UART overruns, everything is lost.
    const isRealtime = byte === 0x18 || byte === 0x3f || byte === 0x21 || byte === 0x7e || byte >= 0x80;
    if (this.eepromWriting()) {
      if (isRealtime) this.stats.eepromDroppedRealtime++;
      else this.stats.eepromDroppedBytes++;
      return;
    }
    if (isRealtime) {
      this.realtime(byte);
      return;
    }
    let b = byte;
    const rate = this.faults.corruptRate ?? 0;
    if (rate > 0 && b !== 10 && b !== 13 && this.rng() < rate) {
      b = GARBLE.charCodeAt(Math.floor(this.rng() * GARBLE.length));
      this.stats.corrupted++;
    }
    // A free parser takes bytes as they come (Grbl's main loop outruns the UART): the buffer only
    // fills while the parser is blocked (planner full, dwell, EEPROM, homing).
    if (this.rxCount === 0 && this.parserFree()) {
      if (this.consume(b)) this.updateBusy();
      return;
    }
    if (this.rxCount >= this.rx.length) {
      this.stats.overflowBytes++;
      return;
    }
    this.rx[(this.rxHead + this.rxCount) % this.rx.length] = b;
    this.rxCount++;
    if (this.rxCount > this.stats.maxRxUsed) this.stats.maxRxUsed = this.rxCount;
  }

  private realtime(b: number): void {
    if (this.stats.realtime.length < 10_000) this.stats.realtime.push(b);
    if (this.critical && b !== 0x18 && b !== 0x3f) return;
    switch (b) {
      case 0x18:
        this.softReset();
        return;
      case 0x3f:
        this.report();
        return;
      case 0x21:
        this.feedHold(false);
        return;
      case 0x7e:
        this.cycleStart();
        return;
      case 0x84:
        this.feedHold(true);
        return;
      case 0x85:
        this.jogCancel();
        return;
      case 0x90:
      case 0x91:
      case 0x92:
      case 0x93:
      case 0x94: {
        const f = this.planner.feedOverride;
        const next = b === 0x90 ? 100 : clampOverride(f + [0, 10, -10, 1, -1][b - 0x90]!);
        this.planner.setOverride('feed', next, this.t);
        this.ovCounter = 0;
        return;
      }
      case 0x95:
      case 0x96:
      case 0x97:
        this.planner.setOverride('rapid', [100, 50, 25][b - 0x95]!, this.t);
        this.ovCounter = 0;
        return;
      case 0x99:
      case 0x9a:
      case 0x9b:
      case 0x9c:
      case 0x9d:
        this.spindleOverride = b === 0x99 ? 100 : clampOverride(this.spindleOverride + [0, 10, -10, 1, -1][b - 0x99]!);
        this.ovCounter = 0;
        return;
      case 0x9e:
        if (this.hold?.phase === 0) this.spindleStopped = !this.spindleStopped;
        return;
      case 0xa0:
        this.gc.flood = !this.gc.flood;
        this.ovCounter = 0;
        return;
      case 0xa1:
        this.gc.mist = !this.gc.mist;
        this.ovCounter = 0;
        return;
      default:
        this.stats.unknownRealtimeBytes++;
    }
  }

  private jogging(): boolean {
    return this.planner.blocks[0]?.kind === 'jog' || this.busy?.jog === true;
  }

  private feedHold(door: boolean): void {
    if (this.alarm || this.checkMode || this.sleeping || this.homingUntil !== null) return;
    if (this.jogging()) {
      this.jogCancel();
      return;
    }
    if (this.hold) {
      if (door) this.hold.door = true;
      return;
    }
    if (this.planner.moving) {
      const v = this.planner.speedAt() / 60;
      const a = Math.max(1, Math.min(this.setting(120), this.setting(121)));
      this.hold = { phase: 1, until: this.t + Math.max(1, ((v / a) * 1000) / this.timeScale), door };
    } else {
      // Idle: nothing to slow down, the hold is complete at once (and blocks the next job until `~`).
      this.planner.hold(this.t);
      this.hold = { phase: 0, until: this.t, door };
    }
  }

  private cycleStart(): void {
    if (this.hold?.phase !== 0) return;
    this.hold = null;
    this.spindleStopped = false;
    this.planner.release(this.t);
  }

  private jogCancel(): void {
    if (!this.jogging()) return;
    this.planner.flush(this.t);
    this.gc.planned = [...this.planner.position];
    if (this.busy?.jog) this.busy.moves = [];
    this.hold = null;
  }

  // ---------------------------------------------------------------------------------------------
  // Resets and alarms

  private halt(): void {
    this.planner.flush(this.t);
    this.gc.planned = [...this.planner.position];
    this.busy = null;
    this.hold = null;
    this.homingUntil = null;
  }

  private softReset(): void {
    const code = this.homingUntil !== null ? 6 : this.planner.moving || this.hold?.phase === 1 ? 3 : 0;
    this.halt();
    if (code) this.emitAlarm(code);
    this.restart(false);
  }

  private emitAlarm(code: number): void {
    this.alarm = true;
    this.stats.alarms.push(code);
    this.reply(`ALARM:${code}`);
  }

  private triggerAlarm(code: number): void {
    this.halt();
    this.emitAlarm(code);
    if (code === 1 || code === 2) {
      this.critical = true;
      this.reply('[MSG:Reset to continue]');
    } else {
      this.restart(false);
    }
  }

  private reboot(): void {
    this.halt();
    this.planner.position = [0, 0, 0];
    this.gc.planned = [0, 0, 0];
    this.alarm = false;
    this.critical = false;
    this.outText = '';
    this.outWire?.clear();
    this.clearLine();
    this.rxCount = 0;
    this.stats.reboots++;
    this.bootUntil = this.t + (this.options.rebootMs ?? 50);
  }

  private clearLine(): void {
    this.lineRaw = '';
    this.lineKept = '';
    this.lineOverflow = false;
    this.comment = 0;
  }

  /** Grbl's main loop restarting: buffers flushed, parser reset, greeting. */
  private restart(powerUp: boolean, greet = true): void {
    this.rxHead = 0;
    this.rxCount = 0;
    this.clearLine();
    this.critical = false;
    this.checkMode = false;
    if (this.sleeping) this.alarm = true;
    this.sleeping = false;
    this.planner.feedOverride = 100;
    this.planner.rapidOverride = 100;
    this.spindleOverride = 100;
    this.spindleStopped = false;
    this.gc.reset(this.planner.position);
    this.wcoCounter = 0;
    this.ovCounter = 0;
    // HOMING_INIT_LOCK: with homing enabled, a board that just powered up does not know where it is.
    if (powerUp && this.setting(22) === 1) this.alarm = true;
    this.stats.resets++;
    if (!greet) return;
    this.reply('');
    this.reply(`Grbl ${this.version} ['$' for help]`);
    if (this.alarm) this.reply("[MSG:'$H'|'$X' to unlock]");
    else this.runStartupLines();
  }

  private runStartupLines(): void {
    for (const line of this.startupLines) {
      if (!line) continue;
      const plan = this.gc.execute(line);
      this.reply(`>${line}:${plan.error ? `error:${plan.error}` : 'ok'}`);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The protocol loop: lines out of the buffer, one at a time

  /** Takes bytes out of the buffer up to the end of one line. */
  private processLine(): void {
    while (this.rxCount > 0) {
      const b = this.rx[this.rxHead]!;
      this.rxHead = (this.rxHead + 1) % this.rx.length;
      this.rxCount--;
      if (this.consume(b)) return;
    }
  }

  /** Grbl's line assembly: spaces, control characters and comments dropped, letters upper-cased. True at a line's end. */
  private consume(b: number): boolean {
    if (b === 10 || b === 13) {
      const raw = this.lineRaw;
      const kept = this.lineKept;
      const overflow = this.lineOverflow;
      this.clearLine();
      this.executeLine(raw, kept, overflow);
      return true;
    }
    if (this.lineRaw.length < 256) this.lineRaw += String.fromCharCode(b);
    if (this.comment === 1) {
      if (b === 0x29) this.comment = 0;
    } else if (this.comment === 0 && b > 32) {
      if (b === 0x28) this.comment = 1;
      else if (b === 0x3b) this.comment = 2;
      else if (this.lineKept.length >= 79) this.lineOverflow = true;
      else this.lineKept += String.fromCharCode(b >= 97 && b <= 122 ? b - 32 : b);
    }
    return false;
  }

  private answer(raw: string, code: number): void {
    if (code) {
      this.reply(`error:${code}`);
      this.errors.push({ line: raw, code });
      this.stats.linesError++;
    } else {
      this.reply('ok');
      this.stats.linesOk++;
    }
  }

  private executeLine(raw: string, kept: string, overflow: boolean): void {
    if (overflow) {
      this.log.push(raw);
      this.answer(raw, 11);
    } else if (kept === '') {
      // An empty line is answered too: senders use it to sync.
      this.answer(raw, 0);
    } else if (kept.charCodeAt(0) === 36) {
      this.log.push(raw);
      this.system(raw, kept);
    } else {
      this.gcodeLine(raw, kept);
    }
  }

  /** Runs the steps one after the other (each may block the protocol), then `done`. */
  private chain(steps: Step[], done: () => void): void {
    const next = (i: number): void => {
      const step = steps[i];
      if (!step) {
        done();
        return;
      }
      step.action?.();
      const busy: Busy = { ...step, then: () => next(i + 1) };
      if (step.durationMs !== undefined) busy.until = this.t + step.durationMs;
      this.busy = busy;
    };
    next(0);
  }

  private updateBusy(): void {
    while (this.busy) {
      const b = this.busy;
      if (b.moves) {
        while (b.moves.length > 0 && this.planner.free > 0) this.pushMove(b.moves.shift()!);
        if (b.moves.length > 0) return;
      }
      if (b.waitEmpty && (this.planner.blocks.length > 0 || this.hold !== null)) return;
      if (b.until !== undefined && this.t < b.until) return;
      this.busy = null;
      b.then();
    }
  }

  private pushMove(m: Move): void {
    let ms = Number.isFinite(m.speedMmMin) && m.speedMmMin > 0 ? (m.lengthMm / m.speedMmMin) * 60_000 : 0;
    if (this.options.accel && this.planner.blocks.length === 0 && !this.planner.held) {
      const v = m.speedMmMin / 60;
      const a = Math.max(1, Math.min(this.setting(120), this.setting(121)));
      ms += (v / (2 * a)) * 1000;
    }
    this.planner.push(
      { target: m.target, lengthMm: m.lengthMm, nominalMs: ms / this.timeScale, speedMmMin: m.speedMmMin, kind: m.jog ? 'jog' : m.rapid ? 'rapid' : 'feed' },
      this.t,
    );
  }

  private planSteps(plan: Plan): Step[] {
    const steps: Step[] = [];
    if (plan.moves.length > 0) steps.push({ moves: plan.moves.slice() });
    if (plan.sync) steps.push({ waitEmpty: true });
    if (plan.dwellMs) steps.push({ durationMs: plan.dwellMs / this.timeScale });
    if (plan.eeprom) steps.push({ durationMs: this.eepromMs, eeprom: true });
    if (plan.pause) {
      steps.push({ waitEmpty: true });
      steps.push({
        action: () => {
          this.planner.hold(this.t);
          this.hold = { phase: 0, until: this.t, door: false };
        },
        waitEmpty: true,
      });
    }
    if (plan.programEnd) {
      steps.push({
        action: () => {
          this.gc.motion = 10;
          this.gc.wcs = 0;
          this.gc.plane = 17;
          this.gc.relative = false;
          this.gc.inverseTime = false;
          this.gc.spindle = 5;
          this.gc.flood = this.gc.mist = false;
          this.planner.feedOverride = this.planner.rapidOverride = this.spindleOverride = 100;
          this.reply('[MSG:Pgm End]');
        },
      });
    }
    return steps;
  }

  private gcodeLine(raw: string, kept: string): void {
    const n = ++this.gcodeLines;
    if (this.faults.resetAtLine === n) {
      this.reboot();
      return;
    }
    this.log.push(raw);
    if (this.alarm || this.jogging()) {
      this.answer(raw, 9);
      return;
    }
    const plan = this.gc.execute(kept);
    if (plan.error) {
      this.answer(raw, plan.error);
      return;
    }
    const finish = (): void => {
      if (this.faults.dropOkAtLines?.includes(n)) this.stats.okDropped++;
      else this.answer(raw, 0);
      if (this.faults.alarmAtLine === n) this.triggerAlarm(this.faults.alarmCode ?? 1);
    };
    if (this.checkMode) {
      finish();
      return;
    }
    this.chain(this.planSteps(plan), finish);
  }

  // ---------------------------------------------------------------------------------------------
  // `$` system commands

  private system(raw: string, kept: string): void {
    const rest = kept.slice(1);
    const state = this.stateName();
    const base = state.split(':')[0]!;
    const ok = (): void => this.answer(raw, 0);
    const err = (code: number): void => this.answer(raw, code);
    if (rest === '') {
      this.reply(HELP);
      return ok();
    }
    if (rest.startsWith('J=')) return this.jogLine(raw, rest.slice(2), base);
    if (rest === '$') {
      if (base === 'Run' || base === 'Hold') return err(8);
      for (const [id, value] of [...this.settings].sort((a, b) => a[0] - b[0])) this.reply(formatSetting(id, value));
      return ok();
    }
    if (rest === 'G') {
      this.reply(this.gc.modes());
      return ok();
    }
    if (rest === 'C') {
      if (this.checkMode) {
        this.reply('[MSG:Disabled]');
        ok();
        this.halt();
        this.restart(false);
        return;
      }
      if (base !== 'Idle') return err(8);
      this.checkMode = true;
      this.reply('[MSG:Enabled]');
      return ok();
    }
    if (rest === 'X') {
      if (this.alarm) {
        this.alarm = false;
        this.reply('[MSG:Caution: Unlocked]');
      }
      return ok();
    }
    if (base !== 'Idle' && base !== 'Alarm') return err(8);
    if (rest === '#') {
      for (const line of this.gc.parameters()) this.reply(line);
      return ok();
    }
    if (rest === 'H') return this.home(raw);
    if (rest === 'SLP') {
      this.halt();
      this.sleeping = true;
      this.reply('[MSG:Sleeping]');
      return ok();
    }
    if (rest === 'I') {
      this.reply(`[VER:${this.version}.${this.buildDate}:${this.buildInfo}]`);
      this.reply(`[OPT:V,${this.planner.capacity},${this.rx.length}]`);
      return ok();
    }
    if (rest.startsWith('I=')) {
      this.buildInfo = rest.slice(2);
      return this.chain([{ durationMs: this.eepromMs, eeprom: true }], ok);
    }
    if (rest.startsWith('RST=')) return this.restore(raw, rest.slice(4));
    if (rest === 'N') {
      this.startupLines.forEach((line, i) => this.reply(`$N${i}=${line}`));
      return ok();
    }
    const startup = /^N([01])=(.*)$/.exec(rest);
    if (startup) {
      this.startupLines[Number(startup[1])] = startup[2]!;
      return this.chain([{ durationMs: this.eepromMs, eeprom: true }], ok);
    }
    const setting = /^(\d+)=(.*)$/.exec(rest);
    if (setting) {
      const id = Number(setting[1]);
      if (!this.settings.has(id)) return err(3);
      const text = setting[2]!;
      if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return err(2);
      const value = Number(text);
      if (value < 0) return err(4);
      if (id === 0 && value < 3) return err(6);
      if (id === 20 && value && this.setting(22) !== 1) return err(10);
      this.settings.set(id, isWholeSetting(id) ? Math.trunc(value) : value);
      return this.chain([{ durationMs: this.eepromMs, eeprom: true }], ok);
    }
    return err(3);
  }

  private jogLine(raw: string, body: string, base: string): void {
    if (base !== 'Idle' && base !== 'Jog') return this.answer(raw, 8);
    const plan = this.gc.jog(body);
    if (plan.error) return this.answer(raw, plan.error);
    this.chain([{ moves: plan.moves.slice(), jog: true }], () => this.answer(raw, 0));
  }

  private home(raw: string): void {
    if (this.setting(22) !== 1) return this.answer(raw, 5);
    const until = this.t + (this.options.homingMs ?? 1500) / this.timeScale;
    this.homingUntil = until;
    this.busy = {
      until,
      then: () => {
        this.homingUntil = null;
        const failure = this.faults.homingAlarm;
        if (failure) {
          // Grbl reports the alarm, still answers the `$H`, then resets.
          this.emitAlarm(failure);
          this.answer(raw, 0);
          this.restart(false);
          return;
        }
        this.planner.position = [0, 0, 0];
        this.gc.planned = [0, 0, 0];
        this.alarm = false;
        this.answer(raw, 0);
        this.runStartupLines();
      },
    };
  }

  private restore(raw: string, what: string): void {
    if (what !== '$' && what !== '#' && what !== '*') return this.answer(raw, 3);
    this.chain([{ durationMs: this.eepromMs, eeprom: true }], () => {
      if (what === '$' || what === '*') {
        this.settings.clear();
        for (const [k, v] of DEFAULT_SETTINGS) this.settings.set(k, v);
      }
      if (what === '#' || what === '*') {
        for (const o of this.gc.wcsOffsets) o.fill(0);
        this.gc.g28 = [0, 0, 0];
        this.gc.g30 = [0, 0, 0];
      }
      if (what === '*') {
        this.startupLines[0] = this.startupLines[1] = '';
        this.buildInfo = '';
      }
      this.reply('[MSG:Restoring defaults]');
      this.answer(raw, 0);
      this.halt();
      this.restart(false);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Status report

  private stateName(): string {
    if (this.critical) return 'Alarm';
    if (this.homingUntil !== null) return 'Home';
    if (this.alarm) return 'Alarm';
    if (this.sleeping) return 'Sleep';
    if (this.hold) return this.hold.door ? `Door:${this.hold.phase === 1 ? 2 : 0}` : `Hold:${this.hold.phase}`;
    if (this.jogging()) return 'Jog';
    if (this.planner.blocks.length > 0) return 'Run';
    if (this.checkMode) return 'Check';
    return 'Idle';
  }

  private report(): void {
    if (this.bootUntil !== null) return;
    const state = this.stateName();
    const pos = this.planner.positionAt(this.t);
    const mask = this.setting(10);
    const wco = this.gc.wco();
    let s = `<${state}|`;
    s += mask & 1 ? `MPos:${v3(pos)}` : `WPos:${v3([pos[0] - wco[0], pos[1] - wco[1], pos[2] - wco[2]])}`;
    if (mask & 2) s += `|Bf:${this.planner.free},${this.rx.length - this.rxCount}`;
    const spindleOn = this.gc.spindle !== 5 && !this.spindleStopped;
    const spindle = spindleOn ? Math.round((this.gc.spindleSpeed * this.spindleOverride) / 100) : 0;
    s += `|FS:${Math.round(this.planner.speedAt())},${spindle}`;
    const busy = state !== 'Idle' && state !== 'Alarm' && state !== 'Check' && state !== 'Sleep';
    // Grbl saves bandwidth: WCO every 10 (idle) or 30 (busy) reports, Ov/A every 10 or 20.
    if (this.wcoCounter > 0) this.wcoCounter--;
    else {
      this.wcoCounter = (busy ? 30 : 10) - 1;
      if (this.ovCounter === 0) this.ovCounter = 1;
      s += `|WCO:${v3(wco)}`;
    }
    if (this.ovCounter > 0) this.ovCounter--;
    else {
      this.ovCounter = (busy ? 20 : 10) - 1;
      s += `|Ov:${this.planner.feedOverride},${this.planner.rapidOverride},${this.spindleOverride}`;
      const a = (this.gc.spindle === 3 ? 'S' : this.gc.spindle === 4 ? 'C' : '') + (this.gc.flood ? 'F' : '') + (this.gc.mist ? 'M' : '');
      if (a) s += `|A:${a}`;
    }
    this.reply(s + '>');
    this.stats.reports++;
  }
}
