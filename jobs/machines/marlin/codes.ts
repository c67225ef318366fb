// Every message code the Marlin driver emits, under `machines.marlin.`: the translation files
// (assets/i18n/machines/marlin.{fr,en}.json) must hold each of them, which a test checks.
// Thermal errors carry `params.context` ('tool' | 'bed' | 'chamber'), so i18next picks
// `error.thermal_runaway_bed` when it exists and the generic text otherwise.

export const MARLIN_CODES = [
  'error.thermal_runaway',
  'error.heating_failed',
  'error.mintemp',
  'error.maxtemp',
  'error.halted',
  'error.stopped',
  'error.other',
  'resend_loop',
  'unknown_command',
  'reset_detected',
  'lost_ok_recovered',
  'no_response',
  'cold_extrusion',
  'paused_for_user',
  'host_action',
  'echo',
  'unexpected_firmware',
  'halted_needs_reset',
  'emergency_stop',
  'line_too_long',
] as const;

export type MarlinCode = (typeof MARLIN_CODES)[number];

/** Heater-specific variants of the thermal errors (i18next context keys). */
export const THERMAL_CONTEXTS = ['tool', 'bed'] as const;
