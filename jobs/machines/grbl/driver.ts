// The Grbl 1.1 driver: lasers and CNC routers behind one Driver interface.
//
// Streaming is character counting: Grbl has a 128-byte serial receive buffer and answers every line with
// exactly one `ok` or `error:N`, in order. The driver keeps a FIFO of the lines in flight (their byte
// counts, `\n` included) and writes a line only when it fits in what is left of the buffer, so the buffer
// stays full (the planner never starves on short raster moves) and never overflows (Grbl would drop
// bytes and run a corrupted line). Lines that make Grbl write EEPROM travel alone (send-response), as
// the firmware drops serial bytes while it writes.
//
// Real-time commands (`?`, `!`, `~`, 0x18, overrides) are single raw bytes outside the count.
//
// Accounting, for a runner that needs each line exactly once:
// - `acked(tag)` is emitted once for every job line Grbl consumed, whether it answered `ok` or
//   `error:N` (an error also emits a `message` with the line's tag, before the `acked`). So
//   `stats.linesAcked` counts both and `stats.errors` the errors among them.
// - Lines lost to a reset, an alarm, a cancel or an emergency stop are never acked: the pending `send`
//   and `drain` reject with the reason. An `ok` that Grbl had already sent for such a line before the
//   reset is swallowed, not counted.
// - A fault that nobody was waiting on (the runner was between two `send` calls) is kept and delivered
//   once, by the next `send` or `drain`, so the runner cannot stream on after a reset it did not see.
// - send() rejects, without writing anything, a line Grbl cannot take: DriverError('invalid_line') with
//   params.code `grbl.line_too_long` (more than 79 characters once spaces are removed, Grbl's line
//   buffer) or `grbl.line_bad_character` (`?`, `!`, `~`, control or non-ASCII bytes, which Grbl would
//   take as real-time commands or garbage). The runner decides whether to skip the line or stop.
import {
  DriverError,
  type Driver,
  type DriverEvents,
  type DriverMessage,
  type DriverOptions,
  type DriverFactory,
  type DriverStats,
  type FirmwareInfo,
  type JogMove,
  type MachineReport,
} from '../driver';
import { Emitter } from '../events';
import { LineSplitter } from '../lines';
import type { Link } from '../link';
import { alarmKey, alarmName, CRITICAL_ALARMS, errorKey, errorName } from './codes';
import {
  RT,
  describeRealtime,
  overrideByte,
  overrideSteps,
  type OverrideKind,
  type RapidAction,
  type StepAction,
} from './realtime';
import { BUILD_OPTIONS, classifyReply, isSupportedVersion, messageCode, parseBuildInfo, parseGreeting, type BuildInfo } from './replies';
import { compactLine, MAX_LINE_CHARS, scanLine, type ScannedLine } from './scan';
import { compareSettings, parseSettingLine, parseSettings, type GrblExpectedSettings, type SettingMismatch } from './settings';
import { parseStatus, StatusTracker, type GrblReport, type GrblStatus } from './status';

export type StreamingMode = 'character-counting' | 'send-response';

export interface GrblDriverOptions extends DriverOptions {
  /** `character-counting` (default) or `send-response` (one line at a time; for comparison and odd boards). */
  streaming?: StreamingMode;
  /** Receive buffer to count against; default what `$I` declares (`[OPT:V,15,128]`), else 128. */
  rxBufferBytes?: number;
  /** How long connect() waits for the greeting before provoking one with a soft reset (default 1500 ms). */
  greetingTimeoutMs?: number;
  /** Default timeout of command() (default 10 s). */
  commandTimeoutMs?: number;
  /** `$H` can take a while on a big machine (default 120 s). */
  homeTimeoutMs?: number;
  /** How long cancel() waits for the feed hold to complete before resetting anyway (default 5 s). */
  holdTimeoutMs?: number;
  /** Remove spaces before sending (Grbl ignores them): ~15 % more raster lines per second. Default off. */
  compactWhitespace?: boolean;
}

const DEFAULTS = {
  pollMs: 200,
  ackTimeoutMs: 5000,
  greetingTimeoutMs: 1500,
  commandTimeoutMs: 10_000,
  homeTimeoutMs: 120_000,
  holdTimeoutMs: 5000,
  rxBufferBytes: 128,
};

/** Whatever asked for the greeting that will come next: our own resets are not the board's. */
type GreetingReason = 'connect' | 'reset' | 'alarm' | 'command';

interface Command {
  line: string;
  lines: string[];
  settled: boolean;
  resolve: (lines: string[]) => void;
  reject: (e: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Entry {
  /** The line with its `\n`. */
  text: string;
  bytes: number;
  /** Runner's tag; -1 for commands. */
  tag: number;
  sync: boolean;
  eeprom: boolean;
  resets: boolean;
  dwellMs: number;
  /** For job lines: settles the send() promise once the bytes are written. */
  written?: { resolve: () => void; reject: (e: Error) => void; done: boolean };
  command?: Command;
}

interface Waiter {
  check: () => boolean;
  done: (ok: boolean) => void;
  fail: (e: Error) => void;
}

const now = (): number => performance.now();

const fmt = (n: number): string => {
  const s = n.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
};

export class GrblDriver implements Driver {
  readonly firmware = 'grbl' as const;
  readonly stats: DriverStats = { linesSent: 0, linesAcked: 0, resends: 0, errors: 0, bytesSent: 0 };
  info: FirmwareInfo | null = null;
  lastReport: GrblReport | MachineReport = { state: 'offline' };
  /** `$$` as last read. */
  settings: ReadonlyMap<number, number> = new Map();
  /** Receive buffer the character counter fills. */
  rxLimit: number;
  readonly streaming: StreamingMode;
  private readonly rxFixed: boolean;

  private readonly events = new Emitter<DriverEvents>();
  private readonly splitter = new LineSplitter((line) => this.onLine(line));
  private readonly opts: Required<Pick<GrblDriverOptions, keyof typeof DEFAULTS>> & GrblDriverOptions;
  private readonly tracker = new StatusTracker();

  private outbox: Entry[] = [];
  private inflight: Entry[] = [];
  private inflightBytes = 0;
  /** A sync line is in flight: nothing else goes until it is answered. */
  private barrier = false;
  private drainers: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private readonly waiters = new Set<Waiter>();

  private open = true;
  private connected = false;
  private everConnected = false;
  private awaitingGreeting: GreetingReason | null = null;
  private greetingGrace: ReturnType<typeof setTimeout> | undefined;
  private greetings = 0;
  private greetingLine = '';
  private heard: string[] = [];
  private critical = false;
  private cancelling = false;
  private jobFault: DriverError | null = null;

  private lastStatus: GrblStatus | null = null;
  private statusSent = 0;
  private statusRecv = 0;
  private plannerMax = 0;
  private rxMax = 0;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private lastRxAt = now();
  private lastProgressAt = now();
  private stallSince: number | null = null;

  constructor(
    private readonly link: Link,
    options: GrblDriverOptions = {},
  ) {
    this.opts = { ...DEFAULTS, ...stripUndefined(options) };
    this.streaming = options.streaming ?? 'character-counting';
    this.rxLimit = options.rxBufferBytes ?? DEFAULTS.rxBufferBytes;
    this.rxFixed = options.rxBufferBytes !== undefined;
    link.onData((chunk) => {
      this.lastRxAt = now();
      this.splitter.push(chunk);
    });
    link.onClose((error) => this.onClosed(error));
    if (!link.isOpen) this.onClosed();
  }

  on<K extends keyof DriverEvents>(event: K, listener: DriverEvents[K]): () => void {
    return this.events.on(event, listener);
  }

  // ---------------------------------------------------------------------------------------------
  // Connection

  async connect(options: { timeoutMs?: number } = {}): Promise<FirmwareInfo> {
    if (!this.open) throw this.linkLost();
    const deadline = now() + (options.timeoutMs ?? 10_000);
    const left = (): number => Math.max(0, deadline - now());
    this.stopPoll();
    this.connected = false;
    this.jobFault = null;
    this.setReport({ state: 'connecting' });

    // Opening the port resets most boards (DTR): the greeting may already be here, or on its way.
    let greeted = this.greetings > 0 && !this.everConnected;
    if (!greeted) {
      const seen = this.greetings;
      this.awaitingGreeting = 'connect';
      greeted = await this.waitUntil(() => this.greetings > seen, Math.min(this.opts.greetingTimeoutMs, left()));
      if (!greeted && this.open) {
        // A board without auto-reset (or one already running): a soft reset makes Grbl introduce itself.
        this.awaitingGreeting = 'connect';
        await this.writeRealtime(RT.softReset);
        greeted = await this.waitUntil(() => this.greetings > seen, Math.min(this.opts.greetingTimeoutMs, left()));
      }
    }
    if (!greeted) {
      this.awaitingGreeting = null;
      this.setReport({ state: 'offline' });
      if (this.heard.length > 0) {
        throw new DriverError('unexpected_firmware', `the device answers but is not Grbl: "${this.heard[0]}"`, {
          code: 'grbl.unexpected_firmware',
          heard: this.heard[0]!,
        });
      }
      throw new DriverError('timeout', 'no answer from the device (no Grbl greeting, even after a soft reset)', { code: 'grbl.no_greeting' });
    }
    const version = parseGreeting(this.greetingLine)?.version ?? '';
    if (!isSupportedVersion(version)) {
      this.setReport({ state: 'offline' });
      throw new DriverError('unexpected_firmware', `Grbl ${version} is not supported (1.1 or later needed)`, {
        code: 'grbl.unsupported_version',
        version,
      });
    }

    const tolerant = (e: unknown): string[] => {
      // A board that refuses `$I` or `$$` (odd state, fork) still streams; a silent one does not.
      if (e instanceof DriverError && e.code === 'firmware_error') return [];
      throw e;
    };
    const infoLines = await this.enqueueCommand('$I', Math.max(1, Math.min(this.opts.commandTimeoutMs, left()))).catch(tolerant);
    const settingLines = await this.enqueueCommand('$$', Math.max(1, Math.min(this.opts.commandTimeoutMs, left()))).catch(tolerant);
    const build = parseBuildInfo(infoLines);
    this.settings = parseSettings(settingLines);
    if (!this.rxFixed && build.rxBufferBytes) this.rxLimit = build.rxBufferBytes;
    if (build.plannerBlocks) this.plannerMax = build.plannerBlocks;
    this.info = {
      firmware: 'grbl',
      version: build.version ?? version,
      capabilities: this.capabilities(build, settingLines),
      greeting: [this.greetingLine, ...infoLines],
    };
    this.connected = true;
    this.everConnected = true;
    if (((this.settings.get(10) ?? 0) & 2) === 0 && this.settings.size > 0) {
      this.emitMessage({ severity: 'info', code: 'grbl.settings_no_buffer_report', raw: `$10=${this.settings.get(10) ?? '?'}`, params: { setting: '$10' } });
    }
    this.startPoll();
    // Resolve with the machine's real state known (an alarm lock, a position), not "connecting".
    const first = this.requestStatus();
    await this.waitUntil(() => this.statusRecv >= first, Math.max(1, Math.min(1000, left())));
    return this.info;
  }

  private capabilities(build: BuildInfo, settingLines: string[]): Record<string, string | boolean> {
    const caps: Record<string, string | boolean> = {
      streaming: this.streaming,
      rxBufferBytes: String(this.rxLimit),
      options: build.options,
    };
    if (build.build) caps.build = build.build;
    if (build.info) caps.buildInfo = build.info;
    if (build.plannerBlocks) caps.plannerBlocks = String(build.plannerBlocks);
    for (const code of build.options) {
      const name = BUILD_OPTIONS[code];
      if (name) caps[name] = true;
    }
    for (const line of settingLines) {
      const s = parseSettingLine(line);
      if (s) caps[`$${s[0]}`] = s[1];
    }
    if (this.settings.has(32)) caps.laserMode = this.settings.get(32) === 1;
    if (this.settings.has(10)) caps.statusBuffer = ((this.settings.get(10) ?? 0) & 2) !== 0;
    return caps;
  }

  async close(): Promise<void> {
    this.stopPoll();
    if (!this.open) return;
    await this.link.close();
    this.onClosed();
  }

  // ---------------------------------------------------------------------------------------------
  // Streaming

  send(line: string, tag: number): Promise<void> {
    const gate = this.gate() ?? this.alarmGate();
    if (gate) return Promise.reject(gate);
    const text = this.opts.compactWhitespace ? compactLine(line) : line;
    const scan = scanLine(text);
    const bad = this.refuse(text, scan);
    if (bad) return Promise.reject(bad);
    return new Promise<void>((resolve, reject) => {
      this.outbox.push({
        text: text + '\n',
        bytes: scan.bytes,
        tag,
        sync: scan.sync || this.streaming === 'send-response',
        eeprom: scan.eeprom,
        resets: scan.resets,
        dwellMs: scan.dwellMs,
        written: { resolve, reject, done: false },
      });
      this.pump();
      this.keepAlive();
    });
  }

  drain(): Promise<void> {
    const gate = this.gate();
    if (gate) return Promise.reject(gate);
    // Lines in flight when an alarm struck will never be answered: do not wait for them.
    if (this.awaitingGreeting === 'alarm' && this.inflight.length > 0) {
      return Promise.reject(new DriverError('alarm', 'Grbl is in alarm: the lines in flight were discarded', { code: 'grbl.alarm_active' }));
    }
    if (this.outbox.length === 0 && this.inflight.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.drainers.push({ resolve, reject });
      this.keepAlive();
    });
  }

  command(line: string, options: { timeoutMs?: number } = {}): Promise<string[]> {
    if (!this.open) return Promise.reject(this.linkLost());
    if (!this.connected) return Promise.reject(notConnected());
    return this.enqueueCommand(line, options.timeoutMs ?? this.opts.commandTimeoutMs);
  }

  private enqueueCommand(line: string, timeoutMs: number): Promise<string[]> {
    if (this.critical) return Promise.reject(resetRequired());
    const scan = scanLine(line);
    const bad = this.refuse(line, scan);
    if (bad) return Promise.reject(bad);
    // Leaving check mode (`$C` while in Check) makes Grbl reset itself after its `ok`.
    const leavesCheck = this.lastStatus?.state === 'Check' && line.trim().toUpperCase() === '$C';
    return new Promise<string[]>((resolve, reject) => {
      const cmd: Command = { line, lines: [], settled: false, resolve, reject };
      cmd.timer = setTimeout(() => {
        settleCommand(cmd, new DriverError('timeout', `no answer to "${line}" within ${timeoutMs} ms`, { code: 'grbl.command_timeout', command: line }));
      }, timeoutMs);
      this.outbox.push({
        text: line + '\n',
        bytes: scan.bytes,
        tag: -1,
        sync: true,
        eeprom: scan.eeprom,
        resets: scan.resets || leavesCheck,
        dwellMs: scan.dwellMs,
        command: cmd,
      });
      this.pump();
    });
  }

  /** Why a line cannot go to Grbl at all, or null. */
  private refuse(text: string, scan: ScannedLine): DriverError | null {
    if (scan.badAt >= 0) {
      const code = text.charCodeAt(scan.badAt);
      return new DriverError('invalid_line', `byte 0x${code.toString(16)} at column ${scan.badAt + 1} would be misread by Grbl`, {
        code: 'grbl.line_bad_character',
        column: scan.badAt + 1,
        byte: `0x${code.toString(16).padStart(2, '0')}`,
      });
    }
    if (scan.kept > MAX_LINE_CHARS || scan.bytes > this.rxLimit) {
      return new DriverError('invalid_line', `line of ${scan.kept} characters: Grbl takes at most ${MAX_LINE_CHARS}`, {
        code: 'grbl.line_too_long',
        length: scan.kept,
        limit: MAX_LINE_CHARS,
      });
    }
    return null;
  }

  /** Writes every queued line that fits, in one write. */
  private pump(): void {
    if (!this.open || this.awaitingGreeting !== null || this.barrier) return;
    let chunk = '';
    let first: Entry | undefined;
    let batch: Entry[] | undefined;
    while (this.outbox.length > 0) {
      const e = this.outbox[0]!;
      if (e.sync) {
        if (this.inflight.length > 0) break;
      } else if (this.inflightBytes + e.bytes > this.rxLimit) break;
      this.outbox.shift();
      if (this.inflight.length === 0) this.lastProgressAt = now();
      this.inflight.push(e);
      this.inflightBytes += e.bytes;
      chunk += e.text;
      if (!first) first = e;
      else (batch ??= [first]).push(e);
      if (e.command === undefined) this.stats.linesSent++;
      if (this.opts.trace) this.opts.trace('out', e.text.slice(0, -1));
      if (e.sync) {
        this.barrier = true;
        break;
      }
    }
    if (!first) return;
    this.stats.bytesSent += chunk.length;
    const entries = batch ?? [first];
    this.link.write(Buffer.from(chunk, 'latin1')).then(
      () => {
        for (const e of entries) {
          if (e.written) {
            e.written.done = true;
            e.written.resolve();
          }
        }
      },
      (err: unknown) => this.onClosed(err instanceof Error ? err : new Error(String(err))),
    );
  }

  // ---------------------------------------------------------------------------------------------
  // What Grbl says

  private onLine(line: string): void {
    if (this.opts.trace) this.opts.trace('in', line);
    // Before any greeting, remember what the other end says: a board that is not Grbl is named by it.
    if (this.greetings === 0 && !this.connected && this.heard.length < 10) this.heard.push(line);
    if (line === 'ok') {
      this.onAnswer(0, line);
      return;
    }
    const reply = classifyReply(line);
    switch (reply.kind) {
      case 'ok':
        this.onAnswer(0, line);
        break;
      case 'error':
        this.onAnswer(Number.isInteger(reply.code) ? reply.code : -1, line);
        break;
      case 'status':
        this.onStatus(line);
        break;
      case 'alarm':
        this.onAlarm(reply.code, line);
        break;
      case 'greeting':
        this.onGreeting(line);
        break;
      case 'msg':
        this.collect(line);
        this.onMsg(reply.text, line);
        break;
      case 'setting':
        this.collect(line);
        break;
      case 'feedback':
        if (!this.collect(line) && this.connected) {
          this.emitMessage({ severity: 'info', code: 'grbl.feedback', raw: line, params: { tag: reply.tag, text: reply.text } });
        }
        break;
      case 'startup': {
        const ok = reply.result === 'ok';
        this.emitMessage({
          severity: ok ? 'info' : 'warning',
          code: ok ? 'grbl.startup_line' : 'grbl.startup_line_error',
          raw: line,
          params: { line: reply.line, result: reply.result },
        });
        break;
      }
      default:
        if (this.greetings > 0 && !this.collect(line)) {
          this.emitMessage({ severity: 'warning', code: 'grbl.unknown_reply', raw: line, params: { text: line } });
        }
    }
    if (this.waiters.size > 0) this.checkWaiters();
  }

  /** Gives a line to the command waiting for its answer, if one is. */
  private collect(line: string): boolean {
    const head = this.inflight[0];
    if (!head?.command || head.command.settled) return false;
    head.command.lines.push(line);
    return true;
  }

  /** `ok` (code 0) or `error:N`: the oldest line in flight is consumed. */
  private onAnswer(code: number, raw: string): void {
    const e = this.inflight.shift();
    if (!e) {
      if (this.awaitingGreeting === null && this.connected) {
        if (code === 0) this.emitMessage({ severity: 'warning', code: 'grbl.unexpected_ok', raw });
        else this.emitMessage({ severity: 'error', code: errorKey(code), raw, params: { error: code } });
      }
      return;
    }
    this.inflightBytes -= e.bytes;
    if (e.sync) this.barrier = false;
    this.stallSince = null;
    this.lastProgressAt = now();
    if (this.awaitingGreeting !== null) {
      // Answer to a line that a reset or an alarm has already written off.
      return;
    }
    if (e.resets && code === 0) this.expectGreeting('command');
    this.pump();
    if (e.command) {
      const cmd = e.command;
      if (code === 0) settleCommand(cmd, null);
      else {
        settleCommand(
          cmd,
          new DriverError('firmware_error', `Grbl error:${code} (${errorName(code)}) for "${cmd.line}"`, {
            code: errorKey(code),
            error: code,
            command: cmd.line,
          }),
        );
      }
    } else {
      this.stats.linesAcked++;
      if (code !== 0) {
        this.stats.errors++;
        this.emitMessage({ severity: 'error', code: errorKey(code), raw, line: e.tag, params: { error: code } });
      }
      this.events.emit('acked', e.tag);
    }
    this.checkDrained();
  }

  private checkDrained(): void {
    if (this.drainers.length === 0 || this.outbox.length > 0 || this.inflight.length > 0) return;
    const list = this.drainers;
    this.drainers = [];
    for (const d of list) d.resolve();
  }

  private onStatus(line: string): void {
    const status = parseStatus(line);
    if (!status) {
      this.emitMessage({ severity: 'warning', code: 'grbl.unknown_reply', raw: line, params: { text: line } });
      return;
    }
    this.statusRecv++;
    this.lastStatus = status;
    if (status.buffer) {
      if (status.buffer.planner > this.plannerMax) this.plannerMax = status.buffer.planner;
      if (status.buffer.rx > this.rxMax) this.rxMax = status.buffer.rx;
    }
    if (status.state !== 'Alarm') this.critical = false;
    const report = this.tracker.toReport(status, line);
    this.lastReport = report;
    this.checkStall(status);
    this.events.emit('report', report);
  }

  /**
   * Grbl cannot resend a lost `ok`. When it says it is idle with nothing buffered while answers are owed
   * for longer than ackTimeoutMs (plus any dwell in flight), they are not coming: say so rather than hang.
   */
  private checkStall(status: GrblStatus): void {
    if (this.inflight.length === 0 || this.awaitingGreeting !== null) {
      this.stallSince = null;
      return;
    }
    const b = status.buffer;
    const empty = !b || (b.planner >= this.plannerMax && b.rx >= Math.max(this.rxMax, 1));
    if (status.state !== 'Idle' || !empty) {
      this.stallSince = null;
      return;
    }
    const t = now();
    if (this.stallSince === null) {
      this.stallSince = t;
      return;
    }
    let allowance = this.opts.ackTimeoutMs;
    for (const e of this.inflight) allowance += e.dwellMs;
    if (t - this.stallSince >= allowance && t - this.lastProgressAt >= allowance) this.ackTimeout('grbl.ack_timeout');
  }

  private ackTimeout(code: 'grbl.ack_timeout' | 'grbl.no_response'): void {
    const owed = this.inflight.length;
    const firstJob = this.inflight.find((e) => !e.command);
    // Not tied to a `line`: no single line is at fault, and the runner counts those as line errors.
    const message: DriverMessage = { severity: 'error', code, raw: `${owed} answer(s) missing`, params: { owed } };
    if (firstJob) message.params = { owed, firstLine: firstJob.tag };
    this.emitMessage(message);
    const err = new DriverError(
      'timeout',
      code === 'grbl.ack_timeout' ? `Grbl is idle but ${owed} answer(s) never came` : `Grbl stopped answering with ${owed} answer(s) owed`,
      { code, owed },
    );
    this.fail(err, true);
    this.forgetInflight();
    this.stallSince = null;
    this.pump();
  }

  private onAlarm(code: number, raw: string): void {
    const n = Number.isInteger(code) ? code : -1;
    const key = alarmKey(n);
    this.emitMessage({ severity: 'error', code: key, raw, params: { alarm: n } });
    if (CRITICAL_ALARMS.has(n)) this.critical = true;
    // Grbl resets itself after an alarm (after ours for critical ones): the greeting that follows is
    // part of the alarm, and whatever was in flight is gone with it.
    if (this.awaitingGreeting === null) {
      this.awaitingGreeting = 'alarm';
      this.armGreetingGrace();
    }
    this.fail(new DriverError('alarm', `Grbl ALARM:${n} (${alarmName(n)})`, { code: key, alarm: n }), true);
    this.setReport({ ...this.lastReport, state: 'alarm', detail: `ALARM:${n}` });
  }

  /** If no greeting follows a non-critical alarm (some forks do not reset), stop waiting for it. */
  private armGreetingGrace(): void {
    clearTimeout(this.greetingGrace);
    this.greetingGrace = setTimeout(() => {
      if (this.awaitingGreeting === 'alarm' && !this.critical) {
        this.awaitingGreeting = null;
        this.forgetInflight();
        this.pump();
      }
    }, 3000);
    this.greetingGrace.unref?.();
  }

  private onMsg(text: string, raw: string): void {
    const { code, severity } = messageCode(text);
    if (code === 'grbl.msg.reset_to_continue') {
      this.critical = true;
      if (this.awaitingGreeting === null) this.awaitingGreeting = 'alarm';
    } else if (code === 'grbl.msg.unlock_required') {
      this.setReport({ state: 'alarm', detail: this.lastReport.detail ?? 'Alarm' });
    }
    this.emitMessage({ severity, code, raw, params: { text } });
  }

  private onGreeting(line: string): void {
    this.greetings++;
    this.greetingLine = line;
    clearTimeout(this.greetingGrace);
    const reason = this.awaitingGreeting;
    this.awaitingGreeting = null;
    this.critical = false;
    this.tracker.reset();
    // The `?` still unanswered died with the reset.
    this.statusRecv = this.statusSent;
    if (reason === null && this.connected) {
      // Nobody asked for this: the board restarted (power glitch, watchdog, DTR). Position, modes and
      // the lines in flight are lost; the job must not go on as if nothing happened.
      const err = new DriverError('firmware_reset', 'Grbl restarted by itself: position and modes are lost', { code: 'grbl.reset' });
      this.emitMessage({ severity: 'error', code: 'grbl.reset', raw: line });
      this.fail(err, true);
      this.forgetInflight();
      this.setReport({ state: 'idle' });
      this.events.emit('reset');
    } else {
      this.forgetInflight();
      if (this.connected) this.setReport({ state: this.lastReport.state === 'alarm' ? 'alarm' : 'idle' });
    }
    if (this.connected) this.requestStatus();
    this.pump();
    this.checkDrained();
  }

  private expectGreeting(reason: GreetingReason): void {
    this.awaitingGreeting = reason;
    if (reason === 'command') this.armCommandGrace();
  }

  private armCommandGrace(): void {
    clearTimeout(this.greetingGrace);
    this.greetingGrace = setTimeout(() => {
      if (this.awaitingGreeting === 'command') {
        this.awaitingGreeting = null;
        this.pump();
      }
    }, 3000);
    this.greetingGrace.unref?.();
  }

  // ---------------------------------------------------------------------------------------------
  // Failures

  /**
   * Rejects everything waiting: queued sends and commands, commands in flight, drain. Lines already in
   * flight stay counted until the reset that follows clears them. `sticky` keeps the error for the
   * next send/drain when no one was waiting to hear it.
   */
  private fail(err: DriverError, sticky: boolean): void {
    let observed = false;
    const queued = this.outbox;
    this.outbox = [];
    for (const e of queued) {
      if (e.written) {
        e.written.reject(err);
        observed = true;
      }
      if (e.command) settleCommand(e.command, err);
    }
    let jobInFlight = false;
    for (const e of this.inflight) {
      if (e.command) settleCommand(e.command, err);
      else {
        jobInFlight = true;
        if (e.written && !e.written.done) {
          e.written.reject(err);
          observed = true;
        }
      }
    }
    const drainers = this.drainers;
    this.drainers = [];
    for (const d of drainers) {
      d.reject(err);
      observed = true;
    }
    if (sticky && jobInFlight && !observed) this.jobFault = err;
  }

  private forgetInflight(): void {
    for (const e of this.inflight) if (e.command) settleCommand(e.command, new DriverError('firmware_reset', 'Grbl reset before answering', { code: 'grbl.reset' }));
    this.inflight = [];
    this.inflightBytes = 0;
    this.barrier = false;
  }

  private onClosed(error?: Error): void {
    if (!this.open) return;
    this.open = false;
    this.connected = false;
    this.stopPoll();
    clearTimeout(this.greetingGrace);
    const err = this.linkLost(error);
    this.fail(err, false);
    this.forgetInflight();
    this.jobFault = null;
    for (const w of [...this.waiters]) w.fail(err);
    this.waiters.clear();
    this.setReport({ state: 'offline' });
    this.events.emit('closed', error);
  }

  private linkLost(error?: Error): DriverError {
    return new DriverError('link_lost', error ? `link lost: ${error.message}` : 'link lost', { code: 'grbl.link_lost' });
  }

  /** Why nothing can be sent now; a kept fault is handed out once. */
  private gate(): DriverError | null {
    if (!this.open) return this.linkLost();
    if (!this.connected) return notConnected();
    if (this.jobFault) {
      const f = this.jobFault;
      this.jobFault = null;
      return f;
    }
    if (this.cancelling) return new DriverError('cancelled', 'job being cancelled', { code: 'grbl.cancelled' });
    return null;
  }

  private alarmGate(): DriverError | null {
    if (this.critical) return resetRequired();
    if (this.lastReport.state === 'alarm') {
      return new DriverError('alarm', 'Grbl is in alarm: a trainer must unlock or home it', { code: 'grbl.alarm_active' });
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Real-time control

  private writeRealtime(...bytes: number[]): Promise<void> {
    if (!this.open) return Promise.reject(this.linkLost());
    this.stats.bytesSent += bytes.length;
    if (this.opts.trace) this.opts.trace('out', bytes.map(describeRealtime).join(' '));
    return this.link.write(Uint8Array.from(bytes)).catch((e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      this.onClosed(err);
      throw this.linkLost(err);
    });
  }

  /** Asks for a report; returns how many reports must have arrived for one to answer this request. */
  private requestStatus(): number {
    this.statusSent++;
    this.writeRealtime(RT.status).catch(() => {});
    return this.statusSent;
  }

  private startPoll(): void {
    this.stopPoll();
    if (this.opts.pollMs <= 0) return;
    // A steady, moderate rate, even while streaming: each report costs Grbl CPU time and ~70 bytes
    // of the 11.5 kB/s back channel, and asking faster would starve the planner, not help it.
    this.pollTimer = setInterval(() => this.poll(), this.opts.pollMs);
    this.keepAlive();
  }

  /**
   * The poll keeps the process alive only while answers are owed (it is what detects a lost `ok`); an
   * idle driver does not stop a command-line tool from exiting.
   */
  private keepAlive(): void {
    const t = this.pollTimer;
    if (!t) return;
    if (this.inflight.length > 0 || this.outbox.length > 0 || this.drainers.length > 0) t.ref?.();
    else t.unref?.();
  }

  private stopPoll(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private poll(): void {
    if (!this.open) return;
    this.keepAlive();
    const t = now();
    const silence = Math.max(this.opts.ackTimeoutMs, 3 * this.opts.pollMs);
    if (this.inflight.length > 0 && this.awaitingGreeting === null && t - this.lastRxAt > silence && t - this.lastProgressAt > silence) {
      this.ackTimeout('grbl.no_response');
    }
    // Grbl drops every serial byte while it writes EEPROM: a `?` then would be lost for nothing.
    if (this.barrier && this.inflight[0]?.eeprom && this.lastStatus?.state === 'Idle') return;
    this.requestStatus();
  }

  async pause(): Promise<void> {
    this.requireOpen();
    await this.writeRealtime(RT.feedHold);
    this.requestStatus();
  }

  async resume(): Promise<void> {
    this.requireOpen();
    // Grbl ignores a cycle start while the hold is still decelerating (Hold:1).
    if (this.lastReport.detail === 'Hold:1') await this.waitStatus((s) => !(s.state === 'Hold' && s.substate === 1), this.opts.holdTimeoutMs);
    await this.writeRealtime(RT.cycleStart);
    this.requestStatus();
  }

  async cancel(): Promise<void> {
    this.requireOpen();
    this.cancelling = true;
    try {
      this.fail(new DriverError('cancelled', 'job cancelled', { code: 'grbl.cancelled' }), false);
      this.jobFault = null;
      const moving = this.inflight.length > 0 || ['Run', 'Jog', 'Hold', 'Door', 'Home'].includes(this.lastStatus?.state ?? '');
      // From here every answer belongs to lines the reset will discard.
      this.awaitingGreeting = 'reset';
      if (this.lastStatus?.state === 'Jog') {
        await this.writeRealtime(RT.jogCancel);
        await this.waitStatus((s) => s.state !== 'Jog', this.opts.holdTimeoutMs);
      } else if (moving) {
        // A soft reset while moving loses steps (ALARM:3); a reset once the hold is complete does not.
        await this.writeRealtime(RT.feedHold);
        await this.waitStatus((s) => (s.state === 'Hold' && s.substate === 0) || s.state === 'Idle' || s.state === 'Alarm', this.opts.holdTimeoutMs);
      }
      await this.resetAndWait('reset');
    } finally {
      this.cancelling = false;
    }
  }

  async emergencyStop(): Promise<void> {
    this.requireOpen();
    const seen = this.greetings;
    this.awaitingGreeting = 'reset';
    // The byte goes first; the bookkeeping after.
    const written = this.writeRealtime(RT.softReset);
    this.fail(new DriverError('emergency_stop', 'emergency stop', { code: 'grbl.emergency_stop' }), false);
    this.jobFault = null;
    await written;
    const greeted = await this.waitUntil(() => this.greetings > seen, 2 * this.opts.greetingTimeoutMs);
    if (!greeted) this.giveUpGreeting();
  }

  /** Soft reset, waits for the greeting (the firmware's buffers are then empty). */
  private async resetAndWait(reason: GreetingReason): Promise<boolean> {
    const seen = this.greetings;
    if (this.awaitingGreeting === null || this.awaitingGreeting === 'connect') this.awaitingGreeting = reason;
    await this.writeRealtime(RT.softReset);
    const greeted = await this.waitUntil(() => this.greetings > seen, 2 * this.opts.greetingTimeoutMs);
    if (!greeted) this.giveUpGreeting();
    return greeted;
  }

  private giveUpGreeting(): void {
    this.awaitingGreeting = null;
    this.forgetInflight();
    this.requestStatus();
  }

  async home(): Promise<void> {
    this.requireConnected();
    if (this.critical) await this.resetAndWait('alarm');
    this.jobFault = null;
    await this.command('$H', { timeoutMs: this.opts.homeTimeoutMs });
    this.setReport({ ...this.lastReport, state: 'idle', detail: undefined });
    this.requestStatus();
  }

  async unlock(): Promise<void> {
    this.requireConnected();
    // After a hard or soft limit Grbl listens to nothing but a reset.
    if (this.critical) await this.resetAndWait('alarm');
    this.jobFault = null;
    await this.command('$X');
    this.setReport({ ...this.lastReport, state: 'idle', detail: undefined });
    this.requestStatus();
  }

  async jog(move: JogMove): Promise<void> {
    this.requireConnected();
    const words: string[] = [];
    for (const axis of ['x', 'y', 'z'] as const) {
      const d = move[axis];
      if (d === undefined || d === 0) continue;
      if (!Number.isFinite(d)) throw jogInvalid(`${axis} is not a number`);
      words.push(`${axis.toUpperCase()}${fmt(d)}`);
    }
    if (words.length === 0) throw jogInvalid('no axis to move');
    if (!Number.isFinite(move.feedMmMin) || move.feedMmMin <= 0) throw jogInvalid('feed rate must be positive');
    await this.command(`$J=G91G21${words.join('')}F${fmt(move.feedMmMin)}`);
  }

  async jogCancel(): Promise<void> {
    this.requireOpen();
    await this.writeRealtime(RT.jogCancel);
  }

  /** One override step, as a single real-time byte. */
  override(kind: 'feed' | 'spindle', action: StepAction): Promise<void>;
  override(kind: 'rapid', action: RapidAction): Promise<void>;
  async override(kind: OverrideKind, action: StepAction | RapidAction): Promise<void> {
    this.requireOpen();
    await this.writeRealtime(overrideByte(kind, action));
    this.requestStatus();
  }

  /** Brings an override to `percent` (feed/spindle 10–200, rapid 25/50/100) from the last reported value. */
  async setOverride(kind: OverrideKind, percent: number): Promise<void> {
    this.requireOpen();
    const current = this.tracker.overrides?.[kind] ?? 100;
    const steps = overrideSteps(kind, current, percent);
    if (steps.length > 0) await this.writeRealtime(...steps);
    this.requestStatus();
  }

  /** Spindle stop (in hold only), flood and mist coolant toggles. */
  async toggle(what: 'spindleStop' | 'flood' | 'mist'): Promise<void> {
    this.requireOpen();
    await this.writeRealtime(what === 'spindleStop' ? RT.spindleStop : what === 'flood' ? RT.floodToggle : RT.mistToggle);
  }

  /** Re-reads `$$` (after a trainer changed settings). */
  async readSettings(): Promise<ReadonlyMap<number, number>> {
    this.settings = parseSettings(await this.command('$$'));
    return this.settings;
  }

  /** Differences between the board's settings and what the job's machine profile expects. */
  checkSettings(expected: GrblExpectedSettings): SettingMismatch[] {
    return compareSettings(this.settings, expected);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private requireOpen(): void {
    if (!this.open) throw this.linkLost();
  }

  private requireConnected(): void {
    this.requireOpen();
    if (!this.connected) throw notConnected();
  }

  private setReport(report: MachineReport): void {
    if (report.detail === undefined) delete report.detail;
    this.lastReport = report;
    this.events.emit('report', report);
  }

  private emitMessage(message: DriverMessage): void {
    this.events.emit('message', message);
  }

  /** Resolves true when `check` holds, false after `timeoutMs`; rejects if the link goes. */
  private waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
    if (check()) return Promise.resolve(true);
    if (!this.open) return Promise.reject(this.linkLost());
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        check,
        done: (ok) => {
          clearTimeout(timer);
          this.waiters.delete(w);
          resolve(ok);
        },
        fail: (e) => {
          clearTimeout(timer);
          this.waiters.delete(w);
          reject(e);
        },
      };
      const timer = setTimeout(() => w.done(false), timeoutMs);
      this.waiters.add(w);
    });
  }

  /** Waits for a report answering a request made now that satisfies `check`, asking every 50 ms. */
  private async waitStatus(check: (s: GrblStatus) => boolean, timeoutMs: number): Promise<boolean> {
    const after = this.requestStatus();
    const ticker = setInterval(() => this.requestStatus(), 50);
    try {
      return await this.waitUntil(() => this.statusRecv >= after && this.lastStatus !== null && check(this.lastStatus), timeoutMs);
    } finally {
      clearInterval(ticker);
    }
  }

  private checkWaiters(): void {
    for (const w of [...this.waiters]) if (w.check()) w.done(true);
  }
}

function settleCommand(cmd: Command, err: Error | null): void {
  if (cmd.settled) return;
  cmd.settled = true;
  clearTimeout(cmd.timer);
  if (err) cmd.reject(err);
  else cmd.resolve(cmd.lines);
}

function notConnected(): DriverError {
  return new DriverError('not_connected', 'not connected: call connect() first', { code: 'grbl.not_connected' });
}

function resetRequired(): DriverError {
  return new DriverError('alarm', 'Grbl is locked after a limit alarm: it needs a reset (unlock) first', { code: 'grbl.reset_required' });
}

function jogInvalid(why: string): DriverError {
  return new DriverError('firmware_error', `invalid jog: ${why}`, { code: 'grbl.jog_invalid', reason: why });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The factory the runner uses; accepts the Grbl options on top of the common ones. */
export const createGrblDriver = (link: Link, options?: GrblDriverOptions): GrblDriver => new GrblDriver(link, options);

/** The same, typed as the common factory (for a registry of drivers by firmware). */
export const grblDriverFactory: DriverFactory = createGrblDriver;
