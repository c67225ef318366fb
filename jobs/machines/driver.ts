// One interface for every firmware the kiosk streams to. The runner, the CLI and the machine board only
// ever see this; Grbl and Marlin differ behind it (character counting vs line numbers and checksums).
import type { Link } from './link';

export type Firmware = 'grbl' | 'marlin';

/** What the maker sees on the board. `alarm` needs a trainer (unlock/home); `offline` means no link. */
export type MachineState = 'connecting' | 'idle' | 'running' | 'paused' | 'homing' | 'alarm' | 'error' | 'offline';

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface Temperature {
  actual: number;
  target: number;
}

export interface MachineReport {
  state: MachineState;
  /** The firmware's own word for it (Grbl `Hold:0`, `Door:1`, `Jog`; Marlin `busy: processing`). */
  detail?: string;
  /** Machine position in mm. */
  position?: Vec3;
  /** Work position in mm (Grbl work coordinate system); absent when equal to the machine position. */
  workPosition?: Vec3;
  feedMmMin?: number;
  spindle?: number;
  overrides?: { feed: number; rapid: number; spindle: number };
  /** Free blocks in the planner and free bytes in the receive buffer, when the firmware says (Grbl `Bf:`). */
  buffer?: { planner: number; rx: number };
  temperatures?: { tool?: Temperature; bed?: Temperature; chamber?: Temperature };
  /** Grbl input pins (limit, probe, door...) as reported by `Pn:`. */
  pins?: string;
}

export interface FirmwareInfo {
  firmware: Firmware;
  /** e.g. `1.1h`, `Marlin 2.1.2.1`. */
  version: string;
  /** Everything the firmware declared: Grbl build options, Marlin `Cap:` lines (`AUTOREPORT_TEMP: true`). */
  capabilities: Record<string, string | boolean>;
  /** Lines the firmware printed on connect, for the log. */
  greeting: string[];
}

/**
 * A message the maker or the trainer should see. `code` is a translation key under `machines.`
 * (`grbl.error.20`, `grbl.alarm.1`, `marlin.error.thermal_runaway`, `link.lost`...). `line` is the
 * tag of the job line it answers, when it answers one.
 */
export interface DriverMessage {
  severity: 'info' | 'warning' | 'error';
  code: string;
  raw: string;
  line?: number;
  params?: Record<string, string | number>;
}

export interface DriverStats {
  linesSent: number;
  linesAcked: number;
  resends: number;
  errors: number;
  bytesSent: number;
}

export interface DriverEvents {
  /** A status report: on every poll (Grbl `?`, Marlin temperature/position), and on state changes. */
  report: (report: MachineReport) => void;
  /**
   * A streamed line was consumed by the firmware: its `ok`, or its `error:N` (then a `message` with the
   * line's tag comes first). `tag` is the one given to `send`. Exactly once per line, in order.
   */
  acked: (tag: number) => void;
  message: (message: DriverMessage) => void;
  /** The firmware restarted on its own (board reset, watchdog): position and modes are lost. */
  reset: () => void;
  /** The link is gone. Every pending `send`, `drain` and `command` has been rejected with a DriverError. */
  closed: (error?: Error) => void;
}

export type DriverErrorCode =
  | 'link_lost'
  | 'timeout'
  | 'firmware_reset'
  | 'not_connected'
  | 'resend_loop'
  | 'cancelled'
  | 'alarm'
  | 'emergency_stop'
  | 'firmware_error'
  /** Refused before anything was written: the firmware could not take this line (too long, bad bytes). */
  | 'invalid_line'
  | 'unexpected_firmware';

export class DriverError extends Error {
  constructor(
    readonly code: DriverErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'DriverError';
  }
}

export interface JogMove {
  /** Relative distances in mm; absent axes do not move. */
  x?: number;
  y?: number;
  z?: number;
  feedMmMin: number;
}

export interface Driver {
  readonly firmware: Firmware;
  readonly stats: DriverStats;
  readonly info: FirmwareInfo | null;
  /** Last report received (or the one made from what the driver knows). */
  readonly lastReport: MachineReport;

  /**
   * Starts the conversation: waits for the greeting (opening the port resets many boards) or provokes
   * one (Grbl soft reset, Marlin M110/M115), reads capabilities, starts the status poll. Never assumes
   * the position survived.
   */
  connect(options?: { timeoutMs?: number }): Promise<FirmwareInfo>;

  /**
   * Hands one job line (already stripped of comments, non-empty) to the firmware. Resolves as soon as it
   * is written, waiting first while the firmware's buffers are full: that wait is the back-pressure.
   * Its acknowledgement comes later as an `acked` event with the same tag. Rejects with a DriverError
   * when the link is lost, the firmware resets, the job is cancelled, or the line cannot get through.
   */
  send(line: string, tag: number): Promise<void>;
  // A line refused before writing rejects with `invalid_line`; the stream is intact and may go on.

  /** Resolves when every line given to `send` has been acknowledged. */
  drain(): Promise<void>;

  /**
   * One command outside a job, waited for in send-response mode (settings, `$$`, `M115`, `M114`...).
   * Resolves with the lines the firmware printed before its `ok`; rejects with `firmware_error` on
   * `error:`/`Error:`.
   */
  command(line: string, options?: { timeoutMs?: number }): Promise<string[]>;

  /** Pauses the job: Grbl feed hold; Marlin stops feeding lines, then parks the head away from the print. */
  pause(): Promise<void>;
  /** Resumes after `pause` (Marlin: re-heats, goes back, restores extruder and feed). */
  resume(): Promise<void>;
  /** Stops the job and empties the firmware's buffers; spindle/laser/heaters off. Pending sends reject with `cancelled`. */
  cancel(): Promise<void>;
  /** Stops everything now (Grbl soft reset in hold; Marlin M112). The machine then needs attention. */
  emergencyStop(): Promise<void>;

  /** Trainer actions. */
  home(): Promise<void>;
  unlock(): Promise<void>;
  jog(move: JogMove): Promise<void>;
  jogCancel(): Promise<void>;

  on<K extends keyof DriverEvents>(event: K, listener: DriverEvents[K]): () => void;

  /** Stops polling and closes the link. */
  close(): Promise<void>;
}

export interface DriverOptions {
  /** Status poll period (Grbl `?`, Marlin M105 when temperatures are not auto-reported). */
  pollMs?: number;
  /** Time without an `ok` after which the driver asks again (Marlin M105 tickle) or gives up. */
  ackTimeoutMs?: number;
  /** For tests and logs: every line in and out. */
  trace?: (direction: 'in' | 'out', text: string) => void;
}

export type DriverFactory = (link: Link, options?: DriverOptions) => Driver;
