// Every API error the UI shows, in words: never a raw code on screen.
import type { TFunction } from 'i18next';
import type { ApiError, FieldIssue, MachineStatus } from '../../electron/api/types';
import { formatBytes, formatDate, formatNumber, formatTime, type Lang } from '../lib/format';
import { codeText } from './prepare-codes';
import { ledgerConflict, ledgerInvalidInput } from './ledger-errors';

const fieldNames = ['name', 'displayName', 'email', 'phone', 'profileCategory', 'planId', 'pin', 'query', 'limit', 'version', 'text', 'note'] as const;
type FieldName = (typeof fieldNames)[number];
const ruleNames = ['too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value', 'unrecognized_key'] as const;
type RuleName = (typeof ruleNames)[number];

function isField(name: string): name is FieldName {
  return (fieldNames as readonly string[]).includes(name);
}
function isRule(name: string): name is RuleName {
  return (ruleNames as readonly string[]).includes(name);
}

/** "items.0.name" → "name": the last named segment of a dotted path. */
function fieldOf(path: string): FieldName | null {
  if (isField(path)) return path;
  const named = path.split('.').filter((s) => s && !/^\d+$/.test(s));
  const last = named.at(-1);
  return last && isField(last) ? last : null;
}

function invalidInput(error: ApiError, t: TFunction): string {
  const path = String(error.params?.field ?? error.issues?.[0]?.field ?? '');
  const field = fieldOf(path);
  if (!field) return ledgerInvalidInput(error, t) ?? t('errors.invalid_input_generic');
  const issue: FieldIssue | undefined = error.issues?.find((i) => i.field === path) ?? error.issues?.[0];
  const fieldLabel = t(`fields.${field}`);
  if (field === 'pin') return t('errors.invalid_input_rule', { field: fieldLabel, rule: t('rules.pin_digits') });
  if (issue && isRule(issue.rule)) {
    return t('errors.invalid_input_rule', { field: fieldLabel, rule: t(`rules.${issue.rule}`) });
  }
  return t('errors.invalid_input', { field: fieldLabel });
}

const machineStates: readonly MachineStatus[] = ['offline', 'connected', 'connecting', 'manual', 'idle', 'running', 'paused', 'homing', 'alarm', 'error'];
const isMachineState = (v: unknown): v is MachineStatus => typeof v === 'string' && (machineStates as readonly string[]).includes(v);
const modules = ['fdm', 'laser', 'cnc', 'vinyl', 'thermoformer'] as const;
const isModule = (v: unknown): v is (typeof modules)[number] => typeof v === 'string' && (modules as readonly string[]).includes(v);

/** Why a machine cannot take the order: off, busy, in alarm, not driven by the kiosk, laser mode off. */
function machineUnavailable(error: ApiError, t: TFunction): string {
  const reason = error.params?.reason;
  if (reason === 'offline') return t('errors.machine_offline');
  if (reason === 'busy' || reason === 'running' || reason === 'paused') return t('errors.machine_busy');
  if (reason === 'alarm') return t('errors.machine_alarm');
  if (reason === 'not_connected_kind') return t('errors.machine_not_driven');
  if (reason === 'laser_mode_off') return t('errors.machine_laser_mode');
  if (isMachineState(reason)) return t('errors.machine_state', { state: t(`status.${reason}`) });
  return t('errors.machine_unavailable');
}

/** A module by its translated name; one added later by its code until it gets a translation. */
function moduleName(module: unknown, t: TFunction): string {
  if (isModule(module)) return t(`modules.${module}`);
  return typeof module === 'string' && module ? module : t('errors.thisModule');
}

/** Why the member may not use the machine: never certified, sign-off missing, expired, or on an old version. */
function notCertified(error: ApiError, t: TFunction, lang: Lang): string {
  const p = error.params ?? {};
  const module = moduleName(p.module, t);
  if (p.module === undefined) return t('errors.not_certified');
  switch (p.reason) {
    case 'not_signed_off':
      return t('errors.not_certified_signoff', { module });
    case 'expired':
      return typeof p.expiredAt === 'string'
        ? t('errors.not_certified_expired', { module, date: formatDate(p.expiredAt, lang) })
        : t('errors.not_certified_expired_generic', { module });
    case 'outdated':
      return t('errors.not_certified_outdated', { module });
    default:
      return t('errors.not_certified_module', { module });
  }
}

function conflict(error: ApiError, t: TFunction): string {
  const reason = error.params?.reason;
  if (reason === 'not_first') return t('errors.conflict_not_first');
  if (reason === 'not_resumable') return t('errors.conflict_not_resumable');
  if (reason === 'last_manager') return t('errors.conflict_last_manager');
  if (reason === 'version_exists') return t('errors.conflict_version_exists');
  if (reason === 'module_version') return t('errors.conflict_module_version');
  if (reason === 'price_version_exists') return t('errors.conflict_price_version_exists');
  if (error.params?.state !== undefined) return t('errors.conflict_job_state');
  return ledgerConflict(error, t) ?? t('errors.conflict');
}

const ledgerReasons = [
  'driven_machine',
  'nothing_to_log',
  'future_date',
  'too_old',
  'correct_the_original',
  'no_change',
  'wrong_sign',
  'plan_inactive',
  'account_needs_member',
  'account_only',
  'not_for_sale',
  'material_kind',
  'job_charged',
  'code_taken',
  'effective_in_past',
] as const;
const isLedgerReason = (v: unknown): v is (typeof ledgerReasons)[number] => typeof v === 'string' && (ledgerReasons as readonly string[]).includes(v);

/** Why the accounts refuse a request (electron/services/ledger/refused.ts). */
function ledgerRefused(error: ApiError, t: TFunction, lang: Lang): string {
  const p = error.params ?? {};
  if (p.reason === 'already_subscribed') {
    return typeof p.until === 'string' ? t('errors.ledger_refused_already_subscribed', { until: formatDate(p.until, lang) }) : t('errors.ledger_refused_already_subscribed_generic');
  }
  return isLedgerReason(p.reason) ? t(`errors.ledger_refused_${p.reason}`) : t('errors.ledger_refused');
}

export function errorMessage(error: ApiError, t: TFunction, lang: Lang, now: Date = new Date()): string {
  switch (error.code) {
    case 'invalid_input':
      return invalidInput(error, t);
    case 'bad_credentials': {
      const left = error.params?.attemptsLeft;
      return typeof left === 'number' ? t('errors.bad_pin', { count: left }) : t('errors.bad_credentials');
    }
    case 'account_locked': {
      const until = error.params?.until;
      return t('errors.account_locked', { time: typeof until === 'string' ? formatTime(until, lang, now) : '—' });
    }
    case 'internal':
      return error.params?.reason === 'disconnected' ? t('errors.disconnected') : t('errors.internal');
    case 'unknown_procedure':
      return t('errors.unknown_procedure');
    case 'unauthenticated':
      return t('errors.unauthenticated');
    case 'forbidden':
      return t('errors.forbidden');
    case 'not_found':
      if (error.params?.what === 'visit') return t('errors.not_found_visit');
      if (error.params?.what === 'document') return t('errors.not_found_document');
      return t('errors.not_found');
    case 'session_expired':
      return t('errors.session_expired');
    case 'conflict':
      return conflict(error, t);
    case 'machine_unavailable':
      return machineUnavailable(error, t);
    case 'not_certified':
      return notCertified(error, t, lang);
    case 'name_taken': {
      const name = error.params?.name;
      return typeof name === 'string' ? t('errors.name_taken', { name }) : t('errors.name_taken_generic');
    }
    case 'weak_pin':
      return error.params?.rule === 'sequence' ? t('errors.weak_pin_sequence') : error.params?.rule === 'repeated' ? t('errors.weak_pin_repeated') : t('errors.weak_pin');
    case 'consent_required':
      return t('errors.consent_required');
    case 'charter_outdated':
      return t('errors.charter_outdated');
    case 'quiz_not_passed': {
      const module = error.params?.module;
      return t('errors.quiz_not_passed', { module: moduleName(module, t) });
    }
    case 'job_refused': {
      const line = error.params?.line;
      return typeof line === 'number' && line > 0
        ? t('errors.job_refused_line', { line: formatNumber(line, lang, 0) })
        : t('errors.job_refused');
    }
    case 'unsupported_file': {
      const name = error.params?.name;
      const extension = error.params?.extension;
      return typeof name === 'string' && extension !== undefined
        ? t('errors.unsupported_file', { name, extension: String(extension) })
        : t('errors.unsupported_file_generic');
    }
    case 'file_too_large': {
      const size = error.params?.size;
      const limit = error.params?.limit;
      return typeof size === 'number' && typeof limit === 'number'
        ? t('errors.file_too_large', { size: formatBytes(size, lang), limit: formatBytes(limit, lang) })
        : t('errors.file_too_large_generic');
    }
    case 'preparation_failed': {
      // The preparation's own code (svg_script, model_too_large…), translated by the core's texts.
      const { reason, ...rest } = error.params ?? {};
      return typeof reason === 'string' && reason
        ? codeText(t, lang, reason, rest, 'error', 'prepare.failedCode')
        : t('prepare.failed');
    }
    case 'insufficient_stock': {
      const available = error.params?.available;
      const unit = error.params?.unit;
      return typeof available === 'number' && typeof unit === 'string'
        ? t('errors.insufficient_stock', { available: `${formatNumber(available, lang, 2)} ${t(`ledger.unit.${unit === 'g' || unit === 'sheet' || unit === 'm' ? unit : 'item'}`)}` })
        : t('errors.insufficient_stock_generic');
    }
    case 'ledger_refused':
      return ledgerRefused(error, t, lang);
    default:
      return t('errors.internal');
  }
}
