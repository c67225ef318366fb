// Findings: what the analyzer has to say about a job. The UI translates by `code` with `params`;
// `message` is an English fallback only (CLI, logs).

export type Severity = 'error' | 'warning';

export type FindingCode =
  | 'binary_data'
  | 'line_too_long'
  | 'bad_number'
  | 'bad_checksum'
  | 'bad_arc'
  | 'file_too_large'
  | 'truncated'
  | 'empty_file'
  | 'outside_work_area'
  | 'travel_outside_work_area'
  | 'job_larger_than_work_area'
  | 'relative_origin'
  | 'nozzle_temp_above_limit'
  | 'bed_temp_above_limit'
  | 'cold_extrusion'
  | 'unknown_command'
  | 'no_homing'
  | 'laser_on_printer'
  | 'extrusion_on_laser'
  | 'heater_on_laser'
  | 'spindle_above_limit'
  | 'undefined_feed_rate'
  | 'pause_in_job'
  | 'toolpath_truncated'
  | 'too_many_findings';

/**
 * Values for the translated sentence. `context`, when present, names a more specific sentence
 * (i18next context: key `<code>_<context>`), e.g. `unknown_command_grbl_tool_change`.
 */
export type FindingParams = Record<string, string | number | boolean>;

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** English fallback; the UI translates `code` with `params`. */
  message: string;
  /** 1-based line of the first occurrence (0 when the finding concerns the whole file). */
  line: number;
  params: FindingParams;
}

const str = (v: unknown): string => (v === undefined ? '?' : String(v));

const MESSAGES: Record<FindingCode, (p: FindingParams) => string> = {
  binary_data: (p) => `Binary data in the file (${str(p.count)} line(s)); not a text G-code file${p.format ? ` (${str(p.format)})` : ''}.`,
  line_too_long: (p) => `Line of ${str(p.length)} bytes, longer than the ${str(p.limit)}-byte limit; skipped (${str(p.count)} line(s)).`,
  bad_number: (p) => `Word ${str(p.word)} has no valid number (${str(p.count)} time(s)).`,
  bad_checksum: (p) => `Line checksum does not match (${str(p.count)} line(s)).`,
  bad_arc: (p) => `Invalid arc (${str(p.reason)}); ${str(p.count)} arc(s).`,
  file_too_large: (p) => `File larger than the ${str(p.limit)}-byte limit; analysis stopped.`,
  truncated: (p) => `The file looks truncated (${str(p.reason)}).`,
  empty_file: () => 'No motion in the file.',
  outside_work_area: (p) =>
    `Work moves reach ${str(p.axis)} = ${str(p.value)} mm, outside the machine's work area (${str(p.min)} to ${str(p.max)} mm).`,
  travel_outside_work_area: (p) =>
    `Travel moves reach ${str(p.axis)} = ${str(p.value)} mm, outside the machine's work area (${str(p.min)} to ${str(p.max)} mm).`,
  job_larger_than_work_area: (p) =>
    `The job measures ${str(p.size)} mm along ${str(p.axis)}, more than the ${str(p.limit)} mm of the work area: it cannot fit anywhere on the machine.`,
  relative_origin: (p) =>
    `The job takes its origin where the head stands (${str(p.command)}): put the head on the job's origin before starting (frame the job first).`,
  nozzle_temp_above_limit: (p) => `Nozzle temperature ${str(p.value)} °C above the ${str(p.source)} limit of ${str(p.limit)} °C.`,
  bed_temp_above_limit: (p) => `Bed temperature ${str(p.value)} °C above the ${str(p.source)} limit of ${str(p.limit)} °C.`,
  cold_extrusion: (p) => `Extrusion with the nozzle target at ${str(p.value)} °C (minimum ${str(p.limit)} °C).`,
  unknown_command: (p) =>
    p.context === 'grbl_tool_change'
      ? `Grbl 1.1 has no tool change: ${str(p.command)} stops the job with error:20 (unsupported command). Change the tool by hand and send each tool's part as its own job (${str(p.count)} time(s)).`
      : p.context === 'grbl'
        ? `Command ${str(p.command)} is not supported by Grbl 1.1: the controller stops the job with error:20 (${str(p.count)} time(s)).`
        : `Command ${str(p.command)} is not known to ${str(p.firmware)} (${str(p.count)} time(s)).`,
  no_homing: () => 'The machine moves before any homing command.',
  laser_on_printer: (p) => `Laser/spindle command ${str(p.command)} sent to a 3D printer.`,
  extrusion_on_laser: (p) => `Extrusion (E axis) in a job for a ${str(p.machineKind)} machine.`,
  heater_on_laser: (p) => `Heater command ${str(p.command)} in a job for a ${str(p.machineKind)} machine.`,
  spindle_above_limit: (p) => `Spindle/laser S${str(p.value)} above the machine's maximum S${str(p.limit)}.`,
  undefined_feed_rate: () => 'Feed move before any feed rate (F) was set.',
  pause_in_job: (p) => `The job pauses for the operator (${str(p.command)}).`,
  toolpath_truncated: (p) => `Toolpath preview limited to ${str(p.segments)} segments.`,
  too_many_findings: (p) => `More than ${str(p.limit)} distinct findings; the rest are not listed.`,
};

export function findingMessage(code: FindingCode, params: FindingParams): string {
  return MESSAGES[code](params);
}

export const MAX_FINDINGS = 100;

/**
 * Collects findings with bounded memory: repeats of the same code (and key) are counted in
 * `params.count` on the first occurrence; at most MAX_FINDINGS distinct findings are kept.
 */
export class FindingSink {
  private readonly byCode = new Map<FindingCode, Map<string, Finding>>();
  private readonly all: Finding[] = [];
  private full = false;

  /** Repeats (same code and key) only bump `params.count`: no allocation on the repeat path. */
  add(code: FindingCode, severity: Severity, line: number, params?: FindingParams, key = ''): void {
    let m = this.byCode.get(code);
    if (m === undefined) {
      m = new Map();
      this.byCode.set(code, m);
    }
    const prev = m.get(key);
    if (prev !== undefined) {
      const c = prev.params.count;
      prev.params.count = (typeof c === 'number' ? c : 1) + 1;
      if (severity === 'error') prev.severity = 'error';
      return;
    }
    if (this.all.length >= MAX_FINDINGS) {
      if (!this.full) {
        this.full = true;
        this.all.push({ severity: 'warning', code: 'too_many_findings', message: '', line, params: { limit: MAX_FINDINGS } });
      }
      return;
    }
    const f: Finding = { severity, code, message: '', line, params: { count: 1, ...params } };
    m.set(key, f);
    this.all.push(f);
  }

  has(code: FindingCode): boolean {
    return this.byCode.has(code);
  }

  list(): Finding[] {
    const out: Finding[] = [];
    for (const f of this.all) out.push({ ...f, params: { ...f.params }, message: findingMessage(f.code, f.params) });
    // Errors first, then by line.
    out.sort((a, b) => (a.severity === b.severity ? a.line - b.line : a.severity === 'error' ? -1 : 1));
    return out;
  }
}
