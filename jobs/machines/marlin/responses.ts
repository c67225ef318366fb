// What a Marlin line means. Each reply is classified once, by its first characters, so the driver's
// read path stays a switch; the parsers for rarer lines (temperatures, M114, M115) are plain functions.
import type { Temperature, Vec3 } from '../driver';

export type ResendCause = 'line_number' | 'checksum' | 'unknown';

export type ThermalFault = 'thermal_runaway' | 'heating_failed' | 'mintemp' | 'maxtemp';

export type Heater = 'tool' | 'bed' | 'chamber';

export type Response =
  /**
   * `ok`, with what came after it: ADVANCED_OK's line number (`n`, -1 when absent), planner and buffer
   * room (`p`, `b`, -1 when absent); `temps` when it is M105's own `ok T:...` reply.
   */
  | { kind: 'ok'; n: number; p: number; b: number; temps: boolean }
  | { kind: 'resend'; n: number }
  /** `Error:` lines that are about transmission: the firmware wants line `lastLine + 1` again. */
  | { kind: 'line_error'; cause: ResendCause; lastLine: number }
  | { kind: 'thermal'; fault: ThermalFault; heater: Heater; tool: number }
  | { kind: 'halted' }
  | { kind: 'stopped' }
  | { kind: 'error'; text: string }
  | { kind: 'busy'; detail: string }
  | { kind: 'start' }
  | { kind: 'temperature'; waiting: boolean }
  | { kind: 'position' }
  | { kind: 'firmware_name' }
  | { kind: 'capability'; name: string; value: string | boolean }
  | { kind: 'unknown_command'; command: string }
  | { kind: 'cold_extrusion' }
  | { kind: 'echo'; text: string }
  | { kind: 'action'; action: string }
  /** Grbl's greeting or its lower-case `error:N`: the port leads to the wrong kind of machine. */
  | { kind: 'foreign' }
  | { kind: 'other'; text: string };

const OK_BARE: Response = { kind: 'ok', n: -1, p: -1, b: -1, temps: false };
const OK_TEMPS: Response = { kind: 'ok', n: -1, p: -1, b: -1, temps: true };
const START: Response = { kind: 'start' };
const HALTED: Response = { kind: 'halted' };
const STOPPED: Response = { kind: 'stopped' };
const POSITION: Response = { kind: 'position' };
const FIRMWARE_NAME: Response = { kind: 'firmware_name' };
const COLD: Response = { kind: 'cold_extrusion' };
const FOREIGN: Response = { kind: 'foreign' };

/**
 * What a line from the firmware is. The result may be a shared object (the `ok` kinds): read it
 * before the next call, do not keep it.
 */
export function classify(raw: string): Response {
  const line = raw.charCodeAt(0) === 32 || raw.charCodeAt(raw.length - 1) === 32 ? raw.trim() : raw;
  const c0 = line.charCodeAt(0);
  // The hot path: one `ok` per line streamed.
  if (c0 === 111 /* o */ && line.charCodeAt(1) === 107 /* k */) {
    if (line.length === 2) return OK_BARE;
    if (line.charCodeAt(2) === 32) return parseOk(line);
  }
  if (line.startsWith('Resend:') || line.startsWith('rs ')) {
    let at = line.indexOf(c0 === 82 /* R */ ? ':' : ' ') + 1;
    while (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 78 /* N */ || line.charCodeAt(at) === 58) at++;
    const n = readInt(line, at);
    return Number.isNaN(n) ? { kind: 'other', text: line } : { kind: 'resend', n };
  }
  if (line.startsWith('Error:') || line.startsWith('!!')) return classifyError(line.slice(line.charCodeAt(0) === 33 ? 2 : 6).trim());
  if (line.startsWith('echo:')) return classifyEcho(line.slice(5).trim());
  if (line.startsWith('busy:')) return { kind: 'busy', detail: line };
  if (line === 'start') return START;
  if (isTemperatureLine(line)) return { kind: 'temperature', waiting: / W:/.test(line) };
  if (c0 === 88 /* X */ && line.charCodeAt(1) === 58 && line.includes(' Y:')) return POSITION;
  if (line.startsWith('FIRMWARE_NAME:')) return FIRMWARE_NAME;
  if (line.startsWith('Cap:')) {
    const colon = line.indexOf(':', 4);
    if (colon > 4) {
      const value = line.slice(colon + 1).trim();
      return { kind: 'capability', name: line.slice(4, colon), value: value === '1' ? true : value === '0' ? false : value };
    }
  }
  if (line.startsWith('//action:')) return { kind: 'action', action: line.slice(9).trim() };
  if (line.startsWith('Grbl ') || /^error:\d/.test(line) || line.startsWith('ALARM:')) return FOREIGN;
  if (line.startsWith('wait')) return { kind: 'busy', detail: line };
  return { kind: 'other', text: line };
}

function parseOk(line: string): Response {
  // `ok T:210.0 /210.0 B:...` is M105 answering; `ok N12 P15 B3` is ADVANCED_OK; anything else is an ok.
  let n = -1;
  let p = -1;
  let b = -1;
  let temps = false;
  let i = 3;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 32) {
      i++;
      continue;
    }
    if (line.charCodeAt(i + 1) === 58 /* : */ || (c === 66 && line.charCodeAt(i + 1) === 64)) {
      temps = temps || c === 84 || c === 66;
      break;
    }
    const v = readInt(line, i + 1);
    if (c === 78) n = v;
    else if (c === 80) p = v;
    else if (c === 66) b = v;
    while (i < line.length && line.charCodeAt(i) !== 32) i++;
  }
  if (temps && n < 0 && p < 0) return OK_TEMPS;
  if (n < 0 && p < 0 && b < 0) return OK_BARE;
  // One ADVANCED_OK line per line streamed: a reused object, valid until the next classify().
  OK_ADVANCED.n = Number.isNaN(n) ? -1 : n;
  OK_ADVANCED.p = Number.isNaN(p) ? -1 : p;
  OK_ADVANCED.b = Number.isNaN(b) ? -1 : b;
  OK_ADVANCED.temps = temps;
  return OK_ADVANCED;
}

const OK_ADVANCED = { kind: 'ok' as const, n: -1, p: -1, b: -1, temps: false };

function classifyError(text: string): Response {
  const last = /Last Line:\s*(-?\d+)/i.exec(text);
  if (last) {
    const lastLine = Number(last[1]);
    if (/Line Number is not Last Line Number\+1/i.test(text)) return { kind: 'line_error', cause: 'line_number', lastLine };
    if (/checksum/i.test(text)) return { kind: 'line_error', cause: 'checksum', lastLine };
    return { kind: 'line_error', cause: 'unknown', lastLine };
  }
  if (/kill\(\) called|Printer halted/i.test(text)) return HALTED;
  if (/Printer stopped due to errors/i.test(text)) return STOPPED;
  const thermal = thermalFault(text);
  if (thermal) {
    const id = /Heater_ID:\s*(\w+)/i.exec(text)?.[1] ?? '0';
    const heater: Heater = /bed/i.test(id) ? 'bed' : /chamber/i.test(id) ? 'chamber' : 'tool';
    const tool = /^\d+$/.test(id) ? Number(id) : 0;
    return { kind: 'thermal', fault: thermal, heater, tool };
  }
  return { kind: 'error', text };
}

function thermalFault(text: string): ThermalFault | null {
  if (/thermal runaway|thermal malfunction/i.test(text)) return 'thermal_runaway';
  if (/heating failed/i.test(text)) return 'heating_failed';
  if (/mintemp/i.test(text)) return 'mintemp';
  if (/maxtemp/i.test(text)) return 'maxtemp';
  return null;
}

function classifyEcho(text: string): Response {
  if (text.startsWith('busy:')) return { kind: 'busy', detail: text };
  const unknown = /^Unknown command:\s*"?([^"]*)"?/i.exec(text);
  if (unknown) return { kind: 'unknown_command', command: (unknown[1] ?? '').trim() };
  if (/cold extrusion prevented/i.test(text)) return COLD;
  return { kind: 'echo', text };
}

function isTemperatureLine(line: string): boolean {
  // ` T:210.0 /210.0 B:60.0 /60.0 @:127 B@:0`, `T:150.2 E:0 W:?`, `B:60.0 /60.0 T0:...` (with or without `ok`).
  const c0 = line.charCodeAt(0);
  return (c0 === 84 || c0 === 66 || c0 === 67) && (line.charCodeAt(1) === 58 || (line.charCodeAt(2) === 58 && c0 === 84));
}

/** Parses a non-negative or negative integer at `at`; NaN when there is none. */
function readInt(s: string, at: number): number {
  let i = at;
  while (s.charCodeAt(i) === 32) i++;
  let neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  let v = 0;
  let digits = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    digits++;
  }
  if (digits === 0) return Number.NaN;
  return neg ? -v : v;
}

export interface Temperatures {
  tool?: Temperature;
  bed?: Temperature;
  chamber?: Temperature;
  /** Every extruder when the firmware lists them (`T0:`, `T1:`). */
  tools?: Temperature[];
}

/** Reads `T:`, `T<n>:`, `B:` and `C:` fields (actual `/` target) from a temperature report. */
export function parseTemperatures(line: string): Temperatures {
  const out: Temperatures = {};
  const re = /(?:^|\s)(T\d*|B|C):\s*(-?\d+(?:\.\d+)?)(?:\s*\/\s*(-?\d+(?:\.\d+)?))?/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const name = m[1] ?? '';
    const t: Temperature = { actual: Number(m[2]), target: m[3] === undefined ? 0 : Number(m[3]) };
    if (name === 'T') out.tool = t;
    else if (name === 'B') out.bed = t;
    else if (name === 'C') out.chamber = t;
    else {
      const index = Number(name.slice(1));
      (out.tools ??= [])[index] = t;
    }
  }
  // Old firmware prints only `T0:` with several tools, or `T:` with one: the active one is the tool.
  if (!out.tool && out.tools?.[0]) out.tool = out.tools[0];
  return out;
}

export interface Position extends Vec3 {
  e: number;
}

/** `X:10.00 Y:20.00 Z:5.00 E:1.23 Count X:800 Y:1600 Z:2000`: the logical position, before `Count`. */
export function parsePosition(line: string): Position | null {
  const cut = line.indexOf('Count');
  const head = cut >= 0 ? line.slice(0, cut) : line;
  const get = (axis: string): number | undefined => {
    const m = new RegExp(`(?:^|\\s)${axis}:\\s*(-?\\d+(?:\\.\\d+)?)`).exec(head);
    return m ? Number(m[1]) : undefined;
  };
  const x = get('X');
  const y = get('Y');
  const z = get('Z');
  if (x === undefined || y === undefined || z === undefined) return null;
  return { x, y, z, e: get('E') ?? 0 };
}

export interface FirmwareName {
  name: string;
  /** `Marlin 2.1.2.1`: the name with its version, what the board shows. */
  version: string;
  fields: Record<string, string>;
}

/**
 * `FIRMWARE_NAME:Marlin 2.1.2.1 (Feb  1 2024 12:00:00) SOURCE_CODE_URL:... PROTOCOL_VERSION:1.0 ...`:
 * values hold spaces, so fields are cut at the next ` KEY:`.
 */
export function parseFirmwareName(line: string): FirmwareName {
  const fields: Record<string, string> = {};
  const re = /(?:^|\s)([A-Z][A-Z_]+):/g;
  const keys: Array<{ key: string; start: number; end: number }> = [];
  for (let m = re.exec(line); m; m = re.exec(line)) keys.push({ key: m[1] ?? '', start: m.index, end: m.index + m[0].length });
  keys.forEach((k, i) => {
    fields[k.key] = line.slice(k.end, keys[i + 1]?.start ?? line.length).trim();
  });
  const full = fields.FIRMWARE_NAME ?? '';
  const version = full.replace(/\s*\(.*$/, '').trim();
  return { name: version.split(/\s/)[0] ?? '', version, fields };
}
