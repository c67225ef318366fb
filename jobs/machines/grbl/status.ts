// Grbl 1.1 real-time status reports: `<Run|MPos:1.000,2.000,0.000|Bf:12,100|FS:1200,300|Ov:100,100,100>`.
// Grbl saves serial bandwidth by sending the work offset (WCO) and the overrides (Ov, with A) only every
// 10–30 reports, and either MPos or WPos depending on `$10`; the tracker remembers what was last said
// so every report the kiosk emits carries both positions and the overrides.
import type { MachineReport, MachineState, Vec3 } from '../driver';

export interface GrblStatus {
  /** `Idle`, `Run`, `Hold`, `Jog`, `Alarm`, `Door`, `Check`, `Home`, `Sleep`. */
  state: string;
  /** `Hold:0` → 0, `Door:1` → 1. */
  substate?: number;
  mpos?: Vec3;
  wpos?: Vec3;
  wco?: Vec3;
  buffer?: { planner: number; rx: number };
  /** `Ln:` line number (only on builds with line numbers). */
  lineNumber?: number;
  feed?: number;
  spindle?: number;
  /** `Pn:` pins: X Y Z limits, P probe, D door, H hold, R reset, S start. Absent: none active. */
  pins?: string;
  overrides?: { feed: number; rapid: number; spindle: number };
  /** `A:` accessories (S spindle CW, C CCW, F flood, M mist); only sent with `Ov:`, absent there = all off. */
  accessories?: string;
}

/** What the driver emits: the common report plus what only Grbl says. */
export interface GrblReport extends MachineReport {
  /** The report as received. */
  raw: string;
  accessories?: string;
  lineNumber?: number;
}

function vec(text: string): Vec3 | undefined {
  const parts = text.split(',');
  const x = Number(parts[0]);
  const y = Number(parts[1]);
  // Two-axis builds (some laser forks) report X,Y only.
  const z = parts.length > 2 ? Number(parts[2]) : 0;
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) return undefined;
  return { x, y, z };
}

function pair(text: string): [number, number] | undefined {
  const comma = text.indexOf(',');
  if (comma < 0) return undefined;
  const a = Number(text.slice(0, comma));
  const b = Number(text.slice(comma + 1));
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : undefined;
}

/** Parses one `<...>` report; null when the line is not a well-formed Grbl 1.1 report. */
export function parseStatus(line: string): GrblStatus | null {
  if (line.length < 3 || line.charCodeAt(0) !== 60 /* < */ || line.charCodeAt(line.length - 1) !== 62 /* > */) return null;
  const fields = line.slice(1, -1).split('|');
  const head = fields[0] ?? '';
  // Grbl 0.9 used commas between fields: not this protocol.
  if (head === '' || head.includes(',')) return null;
  const colon = head.indexOf(':');
  const status: GrblStatus = { state: colon < 0 ? head : head.slice(0, colon) };
  if (colon >= 0) {
    const sub = Number(head.slice(colon + 1));
    if (Number.isInteger(sub)) status.substate = sub;
  }
  for (let i = 1; i < fields.length; i++) {
    const field = fields[i]!;
    const c = field.indexOf(':');
    if (c < 0) continue;
    const name = field.slice(0, c);
    const value = field.slice(c + 1);
    switch (name) {
      case 'MPos':
        status.mpos = vec(value);
        break;
      case 'WPos':
        status.wpos = vec(value);
        break;
      case 'WCO':
        status.wco = vec(value);
        break;
      case 'Bf': {
        const p = pair(value);
        if (p) status.buffer = { planner: p[0], rx: p[1] };
        break;
      }
      case 'Ln': {
        const n = Number(value);
        if (Number.isFinite(n)) status.lineNumber = n;
        break;
      }
      case 'FS': {
        const p = pair(value);
        if (p) [status.feed, status.spindle] = p;
        break;
      }
      case 'F': {
        const n = Number(value);
        if (Number.isFinite(n)) status.feed = n;
        break;
      }
      case 'Pn':
        status.pins = value;
        break;
      case 'Ov': {
        const parts = value.split(',').map(Number);
        if (parts.length === 3 && parts.every(Number.isFinite)) {
          status.overrides = { feed: parts[0]!, rapid: parts[1]!, spindle: parts[2]! };
        }
        break;
      }
      case 'A':
        status.accessories = value;
        break;
      default:
        // Fork extras (grblHAL `SD:`, `H:`...) are not ours to interpret.
        break;
    }
  }
  return status;
}

/** The kiosk's word for Grbl's state, and the firmware's own when it adds something. */
export function mapState(state: string, substate?: number): { state: MachineState; detail?: string } {
  const full = substate === undefined ? state : `${state}:${substate}`;
  switch (state) {
    case 'Idle':
      return { state: 'idle' };
    case 'Run':
      return { state: 'running' };
    case 'Jog':
      return { state: 'running', detail: 'Jog' };
    case 'Hold':
      return { state: 'paused', detail: full };
    case 'Door':
      return { state: 'paused', detail: full };
    case 'Home':
      return { state: 'homing' };
    case 'Alarm':
      return { state: 'alarm' };
    case 'Check':
    case 'Sleep':
      return { state: 'idle', detail: full };
    default:
      return { state: 'error', detail: full };
  }
}

const near = (a: Vec3, b: Vec3): boolean => Math.abs(a.x - b.x) < 1e-9 && Math.abs(a.y - b.y) < 1e-9 && Math.abs(a.z - b.z) < 1e-9;
const sub = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
const add = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x + b.x, y: a.y + b.y, z: a.z + b.z });

/** Remembers the fields Grbl sends only now and then (WCO, Ov, A) between reports. */
export class StatusTracker {
  wco: Vec3 | null = null;
  overrides: { feed: number; rapid: number; spindle: number } | null = null;
  accessories = '';

  /** Forget what a firmware reset clears (G92 offsets, overrides); WCO comes back in the first report. */
  reset(): void {
    this.wco = null;
    this.overrides = null;
    this.accessories = '';
  }

  toReport(status: GrblStatus, raw: string): GrblReport {
    if (status.wco) this.wco = status.wco;
    if (status.overrides) {
      this.overrides = status.overrides;
      this.accessories = status.accessories ?? '';
    }
    const { state, detail } = mapState(status.state, status.substate);
    const report: GrblReport = { state, raw };
    if (detail !== undefined) report.detail = detail;
    const wco = this.wco;
    if (status.mpos) {
      report.position = status.mpos;
      if (wco && !near(wco, { x: 0, y: 0, z: 0 })) report.workPosition = sub(status.mpos, wco);
    } else if (status.wpos) {
      if (wco) {
        report.position = add(status.wpos, wco);
        if (!near(wco, { x: 0, y: 0, z: 0 })) report.workPosition = status.wpos;
      } else {
        // No offset heard yet: the work position is all we know; say it as such rather than guess.
        report.workPosition = status.wpos;
      }
    }
    if (status.feed !== undefined) report.feedMmMin = status.feed;
    if (status.spindle !== undefined) report.spindle = status.spindle;
    if (this.overrides) report.overrides = this.overrides;
    if (status.buffer) report.buffer = status.buffer;
    if (status.pins !== undefined) report.pins = status.pins;
    if (this.accessories) report.accessories = this.accessories;
    if (status.lineNumber !== undefined) report.lineNumber = status.lineNumber;
    return report;
  }
}
