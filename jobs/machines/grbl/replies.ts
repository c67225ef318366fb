// Lines Grbl 1.1 sends, sorted by kind. Response messages (`ok`, `error:N`) answer streamed lines one for
// one and in order; everything else (reports, alarms, feedback in brackets, the greeting) is pushed.

export type Reply =
  | { kind: 'ok' }
  | { kind: 'error'; code: number }
  | { kind: 'alarm'; code: number }
  | { kind: 'status' }
  | { kind: 'greeting'; version: string; name: string }
  | { kind: 'msg'; text: string }
  | { kind: 'feedback'; tag: string; text: string }
  | { kind: 'setting' }
  | { kind: 'startup'; line: string; result: string }
  | { kind: 'other' };

const GREETING = /^(Grbl\w*)\s+(\d+\.\d+\w*)\s.*\bhelp\]/i;

/** `Grbl 1.1h ['$' for help]` (also forks: `GrblHAL 1.1f ['$' or '$HELP' for help]`). */
export function parseGreeting(line: string): { name: string; version: string } | null {
  const m = GREETING.exec(line);
  return m ? { name: m[1]!, version: m[2]! } : null;
}

/** True for 1.1 and later: the only protocol (status format, real-time overrides) this driver speaks. */
export function isSupportedVersion(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return major > 1 || (major === 1 && minor >= 1);
}

function numberAfter(line: string, prefix: number): number {
  const n = Number(line.slice(prefix));
  return Number.isInteger(n) ? n : NaN;
}

export function classifyReply(line: string): Reply {
  const c = line.charCodeAt(0);
  switch (c) {
    case 111: // o
      if (line === 'ok') return { kind: 'ok' };
      break;
    case 60: // <
      return { kind: 'status' };
    case 101: // e
      if (line.startsWith('error:')) return { kind: 'error', code: numberAfter(line, 6) };
      break;
    case 65: // A
      if (line.startsWith('ALARM:')) return { kind: 'alarm', code: numberAfter(line, 6) };
      break;
    case 91: {
      // [TAG:text]
      const colon = line.indexOf(':');
      const end = line.endsWith(']') ? line.length - 1 : line.length;
      if (colon < 0) return { kind: 'feedback', tag: '', text: line.slice(1, end) };
      const tag = line.slice(1, colon);
      const text = line.slice(colon + 1, end);
      return tag === 'MSG' ? { kind: 'msg', text } : { kind: 'feedback', tag, text };
    }
    case 36: // $
      return { kind: 'setting' };
    case 62: {
      // `>G54G21:ok` or `>G54G21:error:20`: a startup line ($N0/$N1) ran after a reset.
      const err = line.lastIndexOf(':error:');
      const split = err >= 0 ? err : line.lastIndexOf(':');
      if (split < 0) return { kind: 'startup', line: line.slice(1), result: '' };
      return { kind: 'startup', line: line.slice(1, split), result: line.slice(split + 1) };
    }
    case 71: // G
    case 103: {
      const g = parseGreeting(line);
      if (g) return { kind: 'greeting', ...g };
      break;
    }
    default:
      break;
  }
  return { kind: 'other' };
}

/** `[MSG:...]` texts of Grbl 1.1 and what the kiosk calls them. */
const MESSAGES: Record<string, { code: string; severity: 'info' | 'warning' | 'error' }> = {
  'Reset to continue': { code: 'grbl.msg.reset_to_continue', severity: 'error' },
  "'$H'|'$X' to unlock": { code: 'grbl.msg.unlock_required', severity: 'warning' },
  'Caution: Unlocked': { code: 'grbl.msg.unlocked', severity: 'warning' },
  Enabled: { code: 'grbl.msg.check_mode_on', severity: 'info' },
  Disabled: { code: 'grbl.msg.check_mode_off', severity: 'info' },
  'Check Door': { code: 'grbl.msg.check_door', severity: 'warning' },
  'Check Limits': { code: 'grbl.msg.check_limits', severity: 'warning' },
  'Pgm End': { code: 'grbl.msg.program_end', severity: 'info' },
  'Restoring defaults': { code: 'grbl.msg.restoring_defaults', severity: 'warning' },
  'Restoring spindle': { code: 'grbl.msg.restoring_spindle', severity: 'info' },
  'Sleeping': { code: 'grbl.msg.sleeping', severity: 'info' },
};

export function messageCode(text: string): { code: string; severity: 'info' | 'warning' | 'error' } {
  return MESSAGES[text] ?? { code: 'grbl.msg.other', severity: 'info' };
}

/** Build options `$I` lists in `[OPT:...]`, by their one-letter code. */
export const BUILD_OPTIONS: Readonly<Record<string, string>> = {
  V: 'variableSpindle',
  N: 'lineNumbers',
  M: 'mistCoolant',
  C: 'coreXY',
  P: 'parking',
  Z: 'homingForceOrigin',
  H: 'homingSingleAxis',
  T: 'twoLimitSwitchesOnAxis',
  A: 'feedOverrideInProbe',
  D: 'spindleDirectionAsEnable',
  '0': 'spindleOffWhenSpeedZero',
  S: 'softLimitPinDebounce',
  R: 'parkingOverrideControl',
  '+': 'safetyDoorInput',
  '*': 'noRestoreAll',
  $: 'noRestoreSettings',
  '#': 'noRestoreParameters',
  I: 'noBuildInfoWrite',
  E: 'noForceSyncOnEepromWrite',
  W: 'noForceSyncOnWcoChange',
  L: 'homingInitLock',
  '2': 'dualAxis',
};

export interface BuildInfo {
  version?: string;
  build?: string;
  /** The user string written with `$I=`. */
  info?: string;
  options: string;
  plannerBlocks?: number;
  rxBufferBytes?: number;
}

/** `[VER:1.1h.20190825:my laser]` and `[OPT:V,15,128]` from `$I`. */
export function parseBuildInfo(lines: readonly string[]): BuildInfo {
  const out: BuildInfo = { options: '' };
  for (const line of lines) {
    if (line.startsWith('[VER:')) {
      const body = line.slice(5, line.endsWith(']') ? -1 : undefined);
      const colon = body.indexOf(':');
      const ver = colon < 0 ? body : body.slice(0, colon);
      if (colon >= 0) out.info = body.slice(colon + 1);
      const dot = ver.lastIndexOf('.');
      // `1.1h.20190825`: version then build date; older builds print only the version.
      if (dot > 0 && /^\d{6,}$/.test(ver.slice(dot + 1))) {
        out.version = ver.slice(0, dot);
        out.build = ver.slice(dot + 1);
      } else out.version = ver;
    } else if (line.startsWith('[OPT:')) {
      const parts = line.slice(5, line.endsWith(']') ? -1 : undefined).split(',');
      out.options = parts[0] ?? '';
      const blocks = Number(parts[1]);
      const rx = Number(parts[2]);
      if (parts[1] !== undefined && Number.isInteger(blocks) && blocks > 0) out.plannerBlocks = blocks;
      if (parts[2] !== undefined && Number.isInteger(rx) && rx > 0) out.rxBufferBytes = rx;
    }
  }
  return out;
}
