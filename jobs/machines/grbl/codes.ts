// Grbl 1.1 answers `error:N` and `ALARM:N` with bare numbers. The driver turns them into translation
// keys under `machines.` (assets/i18n/machines/grbl.*.json holds what the maker reads); the short
// English names here are for logs and DriverError messages only.

export const ERROR_NAMES: Readonly<Record<number, string>> = {
  1: 'expected command letter',
  2: 'bad number format',
  3: 'invalid $ statement',
  4: 'negative value',
  5: 'homing not enabled',
  6: 'step pulse under 3 µs',
  7: 'EEPROM read failed, defaults restored',
  8: '$ command needs Idle',
  9: 'G-code locked out (alarm or jog)',
  10: 'soft limits need homing',
  11: 'line too long',
  12: 'step rate above 30 kHz',
  13: 'safety door open',
  14: 'build info or startup line too long',
  15: 'jog target beyond travel',
  16: 'invalid jog command',
  17: 'laser mode needs PWM output',
  20: 'unsupported G-code command',
  21: 'two commands of one modal group',
  22: 'feed rate undefined',
  23: 'command needs an integer value',
  24: 'two commands need axis words',
  25: 'repeated word',
  26: 'axis words missing',
  27: 'invalid line number',
  28: 'value word missing',
  29: 'G59.x not supported',
  30: 'G53 only with G0/G1',
  31: 'unused axis words',
  32: 'arc without in-plane axis word',
  33: 'invalid motion target',
  34: 'invalid arc radius',
  35: 'arc without in-plane offset',
  36: 'unused value words',
  37: 'G43.1 not on tool length axis',
  38: 'tool number too high',
};

export const ALARM_NAMES: Readonly<Record<number, string>> = {
  1: 'hard limit',
  2: 'soft limit',
  3: 'reset while moving',
  4: 'probe not in expected state',
  5: 'probe did not touch',
  6: 'homing reset',
  7: 'homing: door opened',
  8: 'homing: pull-off did not clear switch',
  9: 'homing: switch not found',
  10: 'homing: second switch of dual axis not found',
};

/** Alarms after which the machine position cannot be trusted: homing is the way out, not `$X`. */
export const ALARMS_LOSING_POSITION: ReadonlySet<number> = new Set([1, 3, 6, 7, 8, 9, 10]);

/** Alarms Grbl treats as critical: it answers nothing but `?` until a soft reset. */
export const CRITICAL_ALARMS: ReadonlySet<number> = new Set([1, 2]);

export function errorKey(n: number): string {
  return ERROR_NAMES[n] === undefined ? 'grbl.error.unknown' : `grbl.error.${n}`;
}

export function alarmKey(n: number): string {
  return ALARM_NAMES[n] === undefined ? 'grbl.alarm.unknown' : `grbl.alarm.${n}`;
}

export function errorName(n: number): string {
  return ERROR_NAMES[n] ?? `error ${n}`;
}

export function alarmName(n: number): string {
  return ALARM_NAMES[n] ?? `alarm ${n}`;
}

/**
 * Every other key the driver emits (messages and DriverError `params.code`), so a test can check both
 * translation files carry them all.
 */
export const DRIVER_KEYS = [
  'grbl.error.unknown',
  'grbl.alarm.unknown',
  'grbl.reset',
  'grbl.line_too_long',
  'grbl.line_bad_character',
  'grbl.ack_timeout',
  'grbl.no_response',
  'grbl.no_greeting',
  'grbl.unexpected_firmware',
  'grbl.unsupported_version',
  'grbl.unexpected_ok',
  'grbl.alarm_active',
  'grbl.reset_required',
  'grbl.cancelled',
  'grbl.emergency_stop',
  'grbl.link_lost',
  'grbl.not_connected',
  'grbl.command_timeout',
  'grbl.jog_invalid',
  'grbl.startup_line',
  'grbl.startup_line_error',
  'grbl.feedback',
  'grbl.unknown_reply',
  'grbl.msg.reset_to_continue',
  'grbl.msg.unlock_required',
  'grbl.msg.unlocked',
  'grbl.msg.check_mode_on',
  'grbl.msg.check_mode_off',
  'grbl.msg.check_door',
  'grbl.msg.check_limits',
  'grbl.msg.program_end',
  'grbl.msg.restoring_defaults',
  'grbl.msg.restoring_spindle',
  'grbl.msg.sleeping',
  'grbl.msg.other',
  'grbl.settings_mismatch',
  'grbl.settings_missing',
  'grbl.settings_laser_mode_off',
  'grbl.settings_laser_mode_on',
  'grbl.settings_no_buffer_report',
] as const;
