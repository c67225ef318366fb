// A believable Marlin 2.1 behind a byte pipe: line numbers and checksums checked the way the firmware
// does (number first, then checksum; `Error:` + `Resend:` + `ok`; the receive buffer dropped on an
// error), a command buffer of BUFSIZE lines that is not read while full, a planner that runs moves in
// time, heaters that take time to heat, keep-alives, auto-reports, the emergency parser, and faults on
// demand from a seeded generator. Bytes in through `input`, bytes out to `onOutput` listeners.
import { realClock, type SimClock } from './clock';
import { seededRandom } from './prng';

export interface MarlinFaults {
  /** Seed of the generator that decides which lines and oks are hit. */
  seed?: number;
  /** Probability that an incoming line has one byte changed on the wire (never its leading `N`). */
  corruptRate?: number;
  /** Probability that the `ok` of an accepted command never reaches the host. */
  dropOkRate?: number;
  /** The board resets when the line with this number arrives (it is not executed). */
  resetAtLine?: number;
  /** Thermal runaway on the nozzle right after this line number is accepted... */
  thermalRunawayAtLine?: number;
  /** ...or at this simulated time after `open()`, ms. */
  thermalRunawayAtMs?: number;
  /** This line number is refused with a checksum error every time it comes. */
  resendForeverLine?: number;
  /** These line numbers get one byte changed the first time they arrive (deterministic tests). */
  corruptLines?: number[];
  /** The oks of these line numbers are lost, once each. */
  dropOkLines?: number[];
}

export interface MarlinSimOptions {
  clock?: SimClock;
  /** What M115 and the greeting say. */
  firmwareName?: string;
  /** `ok N<n> P<planner free> B<buffer free>` instead of `ok`. */
  advancedOk?: boolean;
  /** Marlin 2.1 prints `ok` after `Resend:`; some versions and forks do not. */
  okAfterResend?: boolean;
  /** Marlin 2.1 empties its receive buffer on a line error (lines already there vanish silently). */
  flushOnError?: boolean;
  /** Cap:EMERGENCY_PARSER: M108/M112/M410 act as their bytes arrive. */
  emergencyParser?: boolean;
  /** Cap:AUTOREPORT_TEMP: M155 is known. */
  autoreportTemp?: boolean;
  /** Command buffer (BUFSIZE) and planner (BLOCK_BUFFER_SIZE). */
  bufsize?: number;
  plannerBlocks?: number;
  /** Receive buffer in bytes; beyond it bytes are lost (AVR boards). Unlimited when absent (USB flow control). */
  rxBufferSize?: number;
  /** Emulates the wire at this baud rate (10 bits a byte) in both directions; off when absent. */
  wireBaud?: number;
  busyIntervalMs?: number;
  homingMs?: number;
  probingMs?: number;
  /** TEMP_RESIDENCY_TIME: how long a heater must stay at target before M109/M190 return. */
  residencyMs?: number;
  heatRate?: { tool: number; bed: number };
  /** How long the board is deaf after a reset (its bootloader), ms. */
  bootMs?: number;
  faults?: MarlinFaults;
}

export interface MarlinSimStats {
  accepted: number;
  lineNumberErrors: number;
  checksumErrors: number;
  resendRequests: number;
  corrupted: number;
  oksDropped: number;
  maxQueue: number;
  maxRxBacklog: number;
  rxOverflowBytes: number;
  resets: number;
  bytesIn: number;
  bytesOut: number;
}

interface Command {
  n: number;
  text: string;
}

interface Heater {
  actual: number;
  target: number;
}

const MAX_CMD_SIZE = 96;
const AMBIENT = 22;
const KEEP_RX = 8192;

export class MarlinSimulator {
  /** Every command the firmware took into its buffer, in order: the proof of exactly-once delivery. */
  readonly accepted: string[] = [];
  /** Their line numbers (-1 for unnumbered lines). */
  readonly acceptedNumbers: number[] = [];
  readonly stats: MarlinSimStats = {
    accepted: 0,
    lineNumberErrors: 0,
    checksumErrors: 0,
    resendRequests: 0,
    corrupted: 0,
    oksDropped: 0,
    maxQueue: 0,
    maxRxBacklog: 0,
    rxOverflowBytes: 0,
    resets: 0,
    bytesIn: 0,
    bytesOut: 0,
  };

  private readonly clock: SimClock;
  private readonly o: Required<Omit<MarlinSimOptions, 'clock' | 'rxBufferSize' | 'wireBaud' | 'faults' | 'heatRate'>> & {
    heatRate: { tool: number; bed: number };
  };
  private readonly faults: MarlinFaults;
  private readonly rxLimit: number;
  private readonly byteMs: number;
  private readonly rand: () => number;
  private readonly listeners: Array<(bytes: Uint8Array) => void> = [];
  private readonly timers = new Set<unknown>();

  private rx = '';
  private rxPos = 0;
  private epPartial = '';
  private queue: Command[] = [];
  private current: Command | null = null;
  private noOk = false;
  private lastN = 0;
  private killed = false;
  private booting = false;
  private stopped = false;
  private inService = false;
  private serviceAgain = false;
  private resetFired = false;
  private readonly corruptOnce: Set<number>;
  private readonly dropOnce: Set<number>;
  private closed = false;

  private blockEnds: number[] = [];
  private blockHead = 0;
  private lastBlockEnd = 0;
  private dropMovesUntil = Number.NEGATIVE_INFINITY;
  private pos = { x: 0, y: 0, z: 0, e: 0 };
  private relative = false;
  private relativeE = false;
  private feed = 1500;

  private readonly tool: Heater = { actual: AMBIENT, target: 0 };
  private readonly bed: Heater = { actual: AMBIENT, target: 0 };
  private lastThermal = 0;
  private autoreportMs = 0;
  private autoreportTimer: unknown;
  private busyTimer: unknown;
  private waitTimer: unknown;
  private waitCheck: (() => number | true) | null = null;
  private heatBroken = false;

  private inQueue: Array<{ at: number; bytes: Uint8Array }> = [];
  private inFree = 0;
  private inTimer: unknown;
  private outQueue: Array<{ at: number; bytes: Buffer }> = [];
  private outFree = 0;
  private outTimer: unknown;

  constructor(options: MarlinSimOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.o = {
      firmwareName: options.firmwareName ?? 'Marlin 2.1.2.1',
      advancedOk: options.advancedOk ?? false,
      okAfterResend: options.okAfterResend ?? true,
      flushOnError: options.flushOnError ?? true,
      emergencyParser: options.emergencyParser ?? true,
      autoreportTemp: options.autoreportTemp ?? true,
      bufsize: options.bufsize ?? 4,
      plannerBlocks: options.plannerBlocks ?? 16,
      busyIntervalMs: options.busyIntervalMs ?? 2000,
      homingMs: options.homingMs ?? 2500,
      probingMs: options.probingMs ?? 6000,
      residencyMs: options.residencyMs ?? 2000,
      bootMs: options.bootMs ?? 300,
      heatRate: options.heatRate ?? { tool: 2.5, bed: 0.8 },
    };
    this.faults = options.faults ?? {};
    this.rxLimit = options.rxBufferSize ?? Number.POSITIVE_INFINITY;
    this.byteMs = options.wireBaud ? 10_000 / options.wireBaud : 0;
    this.rand = seededRandom(this.faults.seed ?? 1);
    this.corruptOnce = new Set(this.faults.corruptLines);
    this.dropOnce = new Set(this.faults.dropOkLines);
    this.lastThermal = this.clock.now();
  }

  onOutput(listener: (bytes: Uint8Array) => void): void {
    this.listeners.push(listener);
  }

  /** The port was opened: most boards reset then (DTR), so the bootloader runs and `start` follows. */
  open(): void {
    this.reset();
    if (this.faults.thermalRunawayAtMs !== undefined) this.after(this.faults.thermalRunawayAtMs, () => this.thermalRunaway('0'));
  }

  /** The reset button: everything in memory is gone, line numbers start again from 0. */
  reset(): void {
    this.stats.resets++;
    for (const t of [this.autoreportTimer, this.busyTimer, this.waitTimer]) this.cancel(t);
    this.autoreportTimer = this.busyTimer = this.waitTimer = undefined;
    this.waitCheck = null;
    this.rx = '';
    this.rxPos = 0;
    this.epPartial = '';
    this.queue = [];
    this.current = null;
    this.lastN = 0;
    this.blockEnds = [];
    this.blockHead = 0;
    this.lastBlockEnd = this.clock.now();
    this.pos = { x: 0, y: 0, z: 0, e: 0 };
    this.relative = this.relativeE = false;
    this.feed = 1500;
    this.tool.target = this.bed.target = 0;
    this.autoreportMs = 0;
    this.killed = this.stopped = false;
    this.booting = true;
    this.after(this.o.bootMs, () => {
      this.booting = false;
      this.greet();
      this.service();
    });
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) this.clock.clearTimeout(t);
    this.timers.clear();
  }

  get halted(): boolean {
    return this.killed;
  }

  get lineNumber(): number {
    return this.lastN;
  }

  get position(): { x: number; y: number; z: number; e: number } {
    return { ...this.pos };
  }

  get modes(): { relative: boolean; relativeE: boolean; feed: number } {
    return { relative: this.relative, relativeE: this.relativeE, feed: this.feed };
  }

  get temperatures(): { tool: Heater; bed: Heater } {
    this.updateHeaters();
    return { tool: { ...this.tool }, bed: { ...this.bed } };
  }

  /** Bytes from the host. */
  input(bytes: Uint8Array): void {
    if (this.closed) return;
    this.stats.bytesIn += bytes.length;
    if (!this.byteMs) {
      this.arrive(bytes);
      return;
    }
    // Each line is readable once its own last byte is through, not when the whole write is.
    let start = 0;
    let at = Math.max(this.clock.now(), this.inFree);
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 10 && i !== bytes.length - 1) continue;
      at += (i + 1 - start) * this.byteMs;
      this.inQueue.push({ at, bytes: bytes.subarray(start, i + 1) });
      start = i + 1;
    }
    this.inFree = at;
    if (this.inTimer === undefined) this.scheduleIn();
  }

  private scheduleIn(): void {
    const head = this.inQueue[0];
    if (!head) return;
    this.inTimer = this.after(head.at - this.clock.now(), () => {
      this.inTimer = undefined;
      const now = this.clock.now() + 0.5;
      while (this.inQueue.length && (this.inQueue[0] as { at: number }).at <= now) this.arrive((this.inQueue.shift() as { bytes: Uint8Array }).bytes);
      this.scheduleIn();
    });
  }

  private arrive(bytes: Uint8Array): void {
    if (this.killed || this.booting || this.closed) return; // halted, or the bootloader eats it
    let s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const backlog = this.rx.length - this.rxPos;
    if (backlog + s.length > this.rxLimit) {
      const room = Math.max(0, this.rxLimit - backlog);
      this.stats.rxOverflowBytes += s.length - room;
      s = s.slice(0, room);
    }
    this.rx += s;
    const now = this.rx.length - this.rxPos;
    if (now > this.stats.maxRxBacklog) this.stats.maxRxBacklog = now;
    if (this.o.emergencyParser) this.scanEmergency(s);
    this.service();
  }

  /** The emergency parser sees every byte as it arrives, before any line is checked or queued. */
  private scanEmergency(s: string): void {
    const text = this.epPartial + s;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (i > start) this.emergency(text.slice(start, i));
      start = i + 1;
    }
    this.epPartial = text.slice(start);
  }

  private emergency(line: string): void {
    const m = /^\s*(?:N\d+\s*)?M(108|112|410)(?!\d)/.exec(line);
    if (!m) return;
    if (m[1] === '112') this.kill();
    else if (m[1] === '108') this.breakWait();
    else this.quickStop();
  }

  // ------------------------------------------------------------ the main loop

  private service(): void {
    if (this.inService) {
      this.serviceAgain = true;
      return;
    }
    this.inService = true;
    try {
      do {
        this.serviceAgain = false;
        this.readLines();
        while (!this.current && this.queue.length && !this.killed && !this.booting) {
          const cmd = this.queue[0] as Command;
          this.current = cmd;
          this.noOk = false;
          if (!this.execute(cmd)) break;
          this.finishCurrent();
          this.readLines();
        }
      } while (this.serviceAgain);
    } finally {
      this.inService = false;
    }
  }

  /** Marlin reads the serial port only while its command buffer has room. */
  private readLines(): void {
    while (this.queue.length < this.o.bufsize && !this.killed && !this.booting) {
      const nl = this.rx.indexOf('\n', this.rxPos);
      const cr = this.rx.indexOf('\r', this.rxPos);
      const end = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
      if (end < 0) return;
      const raw = this.rx.slice(this.rxPos, end);
      this.rxPos = end + 1;
      if (this.rxPos > KEEP_RX) {
        this.rx = this.rx.slice(this.rxPos);
        this.rxPos = 0;
      }
      this.incoming(raw);
    }
  }

  private incoming(raw: string): void {
    let line = raw;
    if (this.corruptOnce.size && line.charCodeAt(0) === 78 && this.corruptOnce.delete(strtol(line, 1))) line = this.corrupt(line);
    else if (this.faults.corruptRate && line.length > 1 && this.rand() < this.faults.corruptRate) line = this.corrupt(line);
    const semi = line.indexOf(';');
    if (semi >= 0) line = line.slice(0, semi);
    if (line.length > MAX_CMD_SIZE - 1) line = line.slice(0, MAX_CMD_SIZE - 1);
    line = line.replace(/^ +/, '');
    if (!line) return;
    let n = -1;
    let command = line;
    if (line.charCodeAt(0) === 78 /* N */) {
      const isM110 = line.includes('M110');
      let npos = 0;
      if (isM110) {
        const n2 = line.indexOf('N', 4);
        if (n2 >= 0) npos = n2;
      }
      n = strtol(line, npos + 1);
      if (n !== this.lastN + 1 && !isM110) return this.lineError('Line Number is not Last Line Number+1, Last Line: ', 'number');
      const apos = line.lastIndexOf('*');
      if (apos < 0) return this.lineError('No Checksum with line number, Last Line: ', 'checksum');
      let cs = 0;
      for (let i = 0; i < apos; i++) cs ^= line.charCodeAt(i) & 0xff;
      if (strtol(line, apos + 1) !== cs || n === this.faults.resendForeverLine) {
        return this.lineError('checksum mismatch, Last Line: ', 'checksum');
      }
      if (n === this.faults.resetAtLine && !this.resetFired) {
        this.resetFired = true;
        this.reset();
        return;
      }
      this.lastN = n;
      command = line.slice(0, apos).replace(/^N-?\d+\s*/, '').trim();
    } else command = line.trim();
    this.accepted.push(command);
    this.acceptedNumbers.push(n);
    this.stats.accepted++;
    if (!this.o.emergencyParser) {
      // Without the emergency parser Marlin still acts on these the moment it reads them.
      if (/^M108(?!\d)/.test(command)) this.breakWait();
      else if (/^M112(?!\d)/.test(command)) return this.kill();
      else if (/^M410(?!\d)/.test(command)) this.quickStop();
    }
    this.queue.push({ n, text: command });
    if (this.queue.length > this.stats.maxQueue) this.stats.maxQueue = this.queue.length;
    if (n >= 0 && n === this.faults.thermalRunawayAtLine) this.thermalRunaway('0');
  }

  /** One byte changed on the wire: anything printable but the escape character. */
  private corrupt(line: string): string {
    this.stats.corrupted++;
    const i = 1 + Math.floor(this.rand() * (line.length - 1));
    const was = line.charCodeAt(i);
    let c = was;
    while (c === was || c === 92) c = 33 + Math.floor(this.rand() * 94);
    return line.slice(0, i) + String.fromCharCode(c) + line.slice(i + 1);
  }

  private lineError(message: string, kind: 'number' | 'checksum'): void {
    if (kind === 'number') this.stats.lineNumberErrors++;
    else this.stats.checksumErrors++;
    this.stats.resendRequests++;
    this.emit(`Error:${message}${this.lastN}`);
    if (this.o.flushOnError) {
      this.rx = '';
      this.rxPos = 0;
      this.epPartial = '';
    }
    this.emit(`Resend: ${this.lastN + 1}`);
    if (this.o.okAfterResend) this.emit('ok');
  }

  private finishCurrent(): void {
    const cmd = this.current;
    if (!cmd) return;
    this.stopBusy();
    if (!this.noOk) this.sendOk(cmd);
    this.queue.shift();
    this.current = null;
  }

  private sendOk(cmd: Command, text?: string): void {
    if ((this.dropOnce.size && this.dropOnce.delete(cmd.n)) || (this.faults.dropOkRate && this.rand() < this.faults.dropOkRate)) {
      this.stats.oksDropped++;
      return;
    }
    if (text !== undefined) this.emit(text);
    else if (this.o.advancedOk) {
      // Sent with the command still in the buffer, as Marlin does: B is one less than the free slots after it.
      this.emit(`ok${cmd.n >= 0 ? ` N${cmd.n}` : ''} P${this.plannerFree()} B${this.o.bufsize - this.queue.length}`);
    } else this.emit('ok');
  }

  // ------------------------------------------------------------ commands

  /** Runs the command; false when it waits (planner full, heating, homing...) and will finish later. */
  private execute(cmd: Command): boolean {
    const m = /^([GMT])(\d+)/.exec(cmd.text);
    if (!m) return this.unknown(cmd);
    const letter = m[1];
    const code = Number(m[2]);
    const p = params(cmd.text, (m[0] ?? '').length);
    if (letter === 'T') return true;
    if (letter === 'G') {
      switch (code) {
        case 0:
        case 1:
        case 2:
        case 3:
          return this.waitUntil(() => {
            if (this.plannerCount() >= this.o.plannerBlocks) return Math.max(0.05, (this.blockEnds[this.blockHead] ?? 0) - this.clock.now());
            this.plan(p);
            return true;
          });
        case 4: {
          const ms = (p.P ?? 0) + (p.S ?? 0) * 1000;
          let end = -1;
          return this.waitUntil(() => {
            const wait = this.untilPlannerEmpty();
            if (wait > 0) return wait;
            if (end < 0) end = this.clock.now() + ms;
            return this.clock.now() >= end ? true : end - this.clock.now();
          });
        }
        case 28:
          return this.timed(this.o.homingMs, () => {
            const all = p.X === undefined && p.Y === undefined && p.Z === undefined;
            if (all || p.X !== undefined) this.pos.x = 0;
            if (all || p.Y !== undefined) this.pos.y = 0;
            if (all || p.Z !== undefined) this.pos.z = 0;
          });
        case 29:
          return this.timed(this.o.probingMs, () => undefined);
        case 20:
        case 21:
          return true;
        case 90:
          this.relative = this.relativeE = false;
          return true;
        case 91:
          this.relative = this.relativeE = true;
          return true;
        case 92:
          if (p.X !== undefined) this.pos.x = p.X;
          if (p.Y !== undefined) this.pos.y = p.Y;
          if (p.Z !== undefined) this.pos.z = p.Z;
          if (p.E !== undefined) this.pos.e = p.E;
          return true;
        default:
          return this.unknown(cmd);
      }
    }
    switch (code) {
      case 82:
        this.relativeE = false;
        return true;
      case 83:
        this.relativeE = true;
        return true;
      case 104:
        this.tool.target = p.S ?? this.tool.target;
        return true;
      case 140:
        this.bed.target = p.S ?? this.bed.target;
        return true;
      case 109:
        return this.heatWait(this.tool, p);
      case 190:
        return this.heatWait(this.bed, p);
      case 105:
        this.noOk = true;
        this.sendOk(cmd, `ok${this.temperatureText()}`);
        return true;
      case 108: // acted on as it arrived (emergency parser) or as it was read
        return true;
      case 110:
        return true;
      case 112:
        this.kill();
        return false;
      case 114:
        this.emit(
          `X:${f2(this.pos.x)} Y:${f2(this.pos.y)} Z:${f2(this.pos.z)} E:${f2(this.pos.e)} Count X:${Math.round(this.pos.x * 80)} Y:${Math.round(this.pos.y * 80)} Z:${Math.round(this.pos.z * 400)}`,
        );
        return true;
      case 115:
        for (const l of this.m115()) this.emit(l);
        return true;
      case 118:
        this.emit(m118(cmd.text));
        return true;
      case 155:
        if (!this.o.autoreportTemp) return this.unknown(cmd);
        this.setAutoreport((p.S ?? 0) * 1000);
        return true;
      case 400:
        return this.waitUntil(() => this.untilPlannerEmpty() || true);
      case 410:
        if (!this.o.emergencyParser) this.quickStop();
        return true;
      case 503:
        for (const l of M503) this.emit(l);
        return true;
      case 999:
        this.stopped = false;
        if (!((p.S ?? 0) > 0)) {
          this.emit(`Resend: ${this.lastN + 1}`);
          if (this.o.okAfterResend) this.emit('ok');
        }
        return true;
      case 17:
      case 18:
      case 84:
      case 106:
      case 107:
      case 117:
      case 73:
      case 75:
      case 76:
      case 77:
      case 92:
      case 201:
      case 203:
      case 204:
      case 205:
      case 220:
      case 221:
      case 302:
      case 500:
      case 501:
      case 502:
      case 900:
        return true;
      default:
        return this.unknown(cmd);
    }
  }

  private unknown(cmd: Command): boolean {
    this.emit(`echo:Unknown command: "${cmd.text}"`);
    return true;
  }

  /**
   * Holds the current command until `check` says it is done; `check` returns the time to wait
   * before asking again. Keep-alives go out meanwhile, as Marlin's host keep-alive does.
   */
  private waitUntil(check: () => number | true, keepAlive = true): boolean {
    const r = check();
    if (r === true) return true;
    if (keepAlive) this.startBusy();
    this.waitCheck = check;
    this.waitTimer = this.after(r, () => this.recheck());
    return false;
  }

  private recheck(): void {
    this.cancel(this.waitTimer);
    this.waitTimer = undefined;
    const check = this.waitCheck;
    if (!check || this.killed) return;
    const r = check();
    if (r === true) {
      this.waitCheck = null;
      this.finishCurrent();
      this.service();
      return;
    }
    this.waitTimer = this.after(r, () => this.recheck());
  }

  private timed(ms: number, then: () => void): boolean {
    let end = -1;
    return this.waitUntil(() => {
      const wait = this.untilPlannerEmpty();
      if (wait > 0) return wait;
      if (end < 0) end = this.clock.now() + ms;
      if (this.clock.now() < end) return end - this.clock.now();
      then();
      return true;
    });
  }

  private heatWait(heater: Heater, p: Record<string, number>): boolean {
    const target = p.S ?? p.R;
    if (target !== undefined) heater.target = target;
    this.heatBroken = false;
    let residency = -1;
    let nextPrint = this.clock.now() + 1000;
    // While heating Marlin prints temperatures every second (with W: the residency left), not busy:.
    return this.waitUntil(() => {
      this.updateHeaters();
      const now = this.clock.now();
      if (this.heatBroken) {
        this.heatBroken = false;
        return true;
      }
      if (heater.target <= 0) return true;
      if (Math.abs(heater.actual - heater.target) <= 1) {
        if (residency < 0) residency = now;
        if (now - residency >= this.o.residencyMs) return true;
      } else residency = -1;
      if (now >= nextPrint) {
        const w = residency < 0 ? '?' : String(Math.ceil((this.o.residencyMs - (now - residency)) / 1000));
        this.emit(`${this.temperatureText()} W:${w}`);
        nextPrint += 1000;
      }
      return Math.max(1, Math.min(250, nextPrint - now));
    }, false);
  }

  private breakWait(): void {
    this.heatBroken = true;
    if (this.waitCheck) this.recheck();
  }

  /** M410: the planner is emptied and, as in Marlin, moves are dropped for a second after. */
  private quickStop(): void {
    const now = this.clock.now();
    this.blockEnds = [];
    this.blockHead = 0;
    this.lastBlockEnd = now;
    this.dropMovesUntil = now + 1000;
    if (this.waitCheck) this.recheck();
  }

  private kill(): void {
    if (this.killed) return;
    this.emit('Error:Printer halted. kill() called!');
    this.killed = true;
    this.tool.target = this.bed.target = 0;
    for (const t of [this.autoreportTimer, this.busyTimer, this.waitTimer]) this.cancel(t);
    this.autoreportTimer = this.busyTimer = this.waitTimer = undefined;
    this.waitCheck = null;
    this.queue = [];
    this.current = null;
    this.blockEnds = [];
    this.blockHead = 0;
  }

  /** Thermal protection tripped: Marlin says which heater, then kills itself. */
  thermalRunaway(heaterId: string): void {
    if (this.killed) return;
    this.emit(`Error:Thermal Runaway, system stopped! Heater_ID: ${heaterId}`);
    this.kill();
  }

  // ------------------------------------------------------------ motion

  private plannerCount(): number {
    const now = this.clock.now();
    while (this.blockHead < this.blockEnds.length && (this.blockEnds[this.blockHead] as number) <= now) this.blockHead++;
    if (this.blockHead > 1024) {
      this.blockEnds = this.blockEnds.slice(this.blockHead);
      this.blockHead = 0;
    }
    return this.blockEnds.length - this.blockHead;
  }

  private plannerFree(): number {
    return Math.max(0, this.o.plannerBlocks - this.plannerCount() - 1);
  }

  /** 0 when the planner is empty, else how long until its last move ends. */
  private untilPlannerEmpty(): number {
    return this.plannerCount() === 0 ? 0 : Math.max(0.05, this.lastBlockEnd - this.clock.now());
  }

  private plan(p: Record<string, number>): void {
    if (p.F !== undefined && p.F > 0) this.feed = p.F;
    const to = { ...this.pos };
    for (const axis of ['X', 'Y', 'Z'] as const) {
      const v = p[axis];
      if (v === undefined) continue;
      const k = axis.toLowerCase() as 'x' | 'y' | 'z';
      to[k] = this.relative ? to[k] + v : v;
    }
    if (p.E !== undefined) to.e = this.relativeE ? to.e + p.E : p.E;
    const dx = to.x - this.pos.x;
    const dy = to.y - this.pos.y;
    const dz = to.z - this.pos.z;
    const de = to.e - this.pos.e;
    const dist = Math.sqrt(dx * dx + dy * dy + dz * dz) || Math.abs(de);
    this.pos = to;
    const now = this.clock.now();
    if (dist <= 0 || now < this.dropMovesUntil) return; // Marlin drops empty moves, and moves after M410
    const start = Math.max(now, this.lastBlockEnd);
    this.lastBlockEnd = start + (dist / (this.feed / 60)) * 1000;
    this.blockEnds.push(this.lastBlockEnd);
  }

  // ------------------------------------------------------------ heaters

  private updateHeaters(): void {
    const now = this.clock.now();
    const dt = Math.max(0, (now - this.lastThermal) / 1000);
    this.lastThermal = now;
    step(this.tool, this.o.heatRate.tool, dt);
    step(this.bed, this.o.heatRate.bed, dt);
  }

  private temperatureText(): string {
    this.updateHeaters();
    const power = (h: Heater): number => (h.target > h.actual + 0.5 ? 127 : 0);
    return ` T:${f2(this.tool.actual)} /${f2(this.tool.target)} B:${f2(this.bed.actual)} /${f2(this.bed.target)} @:${power(this.tool)} B@:${power(this.bed)}`;
  }

  private setAutoreport(ms: number): void {
    this.cancel(this.autoreportTimer);
    this.autoreportTimer = undefined;
    this.autoreportMs = ms;
    if (ms <= 0) return;
    const tick = (): void => {
      if (this.killed || this.booting) return;
      this.emit(this.temperatureText());
      this.autoreportTimer = this.after(this.autoreportMs, tick);
    };
    this.autoreportTimer = this.after(ms, tick);
  }

  private startBusy(): void {
    if (this.busyTimer !== undefined) return;
    const tick = (): void => {
      if (!this.current || this.killed) {
        this.busyTimer = undefined;
        return;
      }
      this.emit('echo:busy: processing');
      this.busyTimer = this.after(this.o.busyIntervalMs, tick);
    };
    this.busyTimer = this.after(this.o.busyIntervalMs, tick);
  }

  private stopBusy(): void {
    this.cancel(this.busyTimer);
    this.busyTimer = undefined;
  }

  // ------------------------------------------------------------ output

  private greet(): void {
    const version = this.o.firmwareName;
    for (const l of [
      'start',
      `echo:${version}`,
      'echo: Last Updated: 2023-07-13 | Author: (FabKiosk simulator)',
      'echo: Compiled: Jan  1 2024',
      'echo: Free Memory: 4352  PlannerBufferBytes: 1232',
      'echo:V86 stored settings retrieved (614 bytes; crc 10838)',
      ...M503,
      'echo:SD card ok',
    ]) {
      this.emit(l);
    }
  }

  private m115(): string[] {
    const caps: Array<[string, boolean]> = [
      ['SERIAL_XON_XOFF', false],
      ['BINARY_FILE_TRANSFER', false],
      ['EEPROM', true],
      ['VOLUMETRIC', true],
      ['AUTOREPORT_POS', false],
      ['AUTOREPORT_TEMP', this.o.autoreportTemp],
      ['PROGRESS', false],
      ['PRINT_JOB', true],
      ['AUTOLEVEL', false],
      ['RUNOUT', false],
      ['Z_PROBE', false],
      ['LEVELING_DATA', false],
      ['BUILD_PERCENT', false],
      ['SOFTWARE_POWER', false],
      ['TOGGLE_LIGHTS', false],
      ['CASE_LIGHT_BRIGHTNESS', false],
      ['EMERGENCY_PARSER', this.o.emergencyParser],
      ['HOST_ACTION_COMMANDS', false],
      ['PROMPT_SUPPORT', false],
      ['SDCARD', true],
      ['REPEAT', false],
      ['SD_WRITE', true],
      ['AUTOREPORT_SD_STATUS', false],
      ['LONG_FILENAME', false],
      ['THERMAL_PROTECTION', true],
      ['MOTION_MODES', false],
      ['ARCS', true],
      ['BABYSTEPPING', false],
      ['CHAMBER_TEMPERATURE', false],
      ['COOLER_TEMPERATURE', false],
      ['MEATPACK', false],
    ];
    return [
      `FIRMWARE_NAME:${this.o.firmwareName} (Jan  1 2024 12:00:00) SOURCE_CODE_URL:github.com/MarlinFirmware/Marlin PROTOCOL_VERSION:1.0 MACHINE_TYPE:FabKiosk Sim EXTRUDER_COUNT:1 UUID:cede2a2f-41a2-4748-9b12-c55c62f367ff`,
      ...caps.map(([k, v]) => `Cap:${k}:${v ? 1 : 0}`),
    ];
  }

  private emit(line: string): void {
    if (this.closed) return;
    const bytes = Buffer.from(`${line}\n`, 'latin1');
    this.stats.bytesOut += bytes.length;
    if (!this.byteMs) {
      for (const l of this.listeners) l(bytes);
      return;
    }
    const at = Math.max(this.clock.now(), this.outFree) + bytes.length * this.byteMs;
    this.outFree = at;
    this.outQueue.push({ at, bytes });
    if (this.outTimer === undefined) this.scheduleOut();
  }

  private scheduleOut(): void {
    const head = this.outQueue[0];
    if (!head) return;
    this.outTimer = this.after(head.at - this.clock.now(), () => {
      this.outTimer = undefined;
      const now = this.clock.now() + 0.5;
      const due: Buffer[] = [];
      while (this.outQueue.length && (this.outQueue[0] as { at: number }).at <= now) due.push((this.outQueue.shift() as { bytes: Buffer }).bytes);
      if (due.length) {
        const chunk = due.length === 1 ? (due[0] as Buffer) : Buffer.concat(due);
        for (const l of this.listeners) l(chunk);
      }
      this.scheduleOut();
    });
  }

  private after(ms: number, fn: () => void): unknown {
    const handle = this.clock.setTimeout(() => {
      this.timers.delete(handle);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(handle);
    return handle;
  }

  private cancel(handle: unknown): void {
    if (handle === undefined) return;
    this.clock.clearTimeout(handle);
    this.timers.delete(handle);
  }
}

const M503 = [
  'echo:  G21    ; Units in mm (mm)',
  'echo:  M149 C ; Units in Celsius',
  'echo:; Steps per unit:',
  'echo:  M92 X80.00 Y80.00 Z400.00 E93.00',
  'echo:; Max feedrates (units/s):',
  'echo:  M203 X300.00 Y300.00 Z5.00 E25.00',
  'echo:; Hotend PID:',
  'echo:  M301 P21.73 I1.54 D76.55',
];

/** strtol from `at`: optional spaces and sign, then digits; 0 when there are none. */
function strtol(s: string, at: number): number {
  let i = at;
  while (s.charCodeAt(i) === 32) i++;
  let sign = 1;
  if (s.charCodeAt(i) === 45) {
    sign = -1;
    i++;
  } else if (s.charCodeAt(i) === 43) i++;
  let v = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  return sign * v;
}

function params(text: string, from: number): Record<string, number> {
  const out: Record<string, number> = {};
  const re = /([A-Z])\s*(-?\d*\.?\d+)/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1] as string] = Number(m[2]);
  return out;
}

function m118(text: string): string {
  let rest = text.slice(4).trimStart();
  let prefix = '';
  for (;;) {
    const flag = /^([AEP])(\d)\s*/.exec(rest);
    if (!flag) break;
    if (flag[1] === 'E' && flag[2] === '1') prefix = `echo:${prefix}`;
    if (flag[1] === 'A' && flag[2] === '1') prefix = `${prefix}//`;
    rest = rest.slice(flag[0].length);
  }
  return prefix + rest;
}

function step(h: Heater, rate: number, dt: number): void {
  const goal = h.target > 0 ? h.target : AMBIENT;
  if (h.actual < goal) h.actual = Math.min(goal, h.actual + rate * dt);
  else if (h.actual > goal) h.actual = Math.max(goal, h.actual - rate * 0.4 * dt);
}

const f2 = (v: number): string => v.toFixed(2);
