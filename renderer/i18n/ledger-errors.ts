// The accounts' and reports' own reasons for refusing input (electron/services/ledger, statements,
// reports): a period typed backwards, a SIRET whose key is wrong, a quantity that is not whole…, and
// the names of their fields, so the message says which one is at fault.
import type { TFunction } from 'i18next';
import type { ApiError } from '../../electron/api/types';

const fields = [
  'quantity',
  'countedQuantity',
  'amountCents',
  'priceCents',
  'ratePerHourCents',
  'costCents',
  'percent',
  'minutes',
  'reason',
  'reference',
  'visitorLabel',
  'materialId',
  'machineId',
  'memberId',
  'effectiveFrom',
  'from',
  'to',
  'siret',
  'postcode',
  'town',
  'address',
  'legalName',
  'legalForm',
  'invoicePrefix',
  'vatNumber',
  'bankDetails',
  'latePenaltyText',
  'professionalCategories',
] as const;
type Field = (typeof fields)[number];
const isField = (v: string): v is Field => (fields as readonly string[]).includes(v);
const rules = ['too_small', 'too_big', 'invalid_format', 'invalid_type', 'invalid_value', 'unrecognized_key'] as const;
const isRule = (v: unknown): v is (typeof rules)[number] => typeof v === 'string' && (rules as readonly string[]).includes(v);
const periodReasons = ['before_from', 'too_long', 'not_a_day', 'too_many_lines'] as const;
const isPeriodReason = (v: unknown): v is (typeof periodReasons)[number] => typeof v === 'string' && (periodReasons as readonly string[]).includes(v);

/** The message for an `invalid_input` about a field of the accounts, or null when it is about another. */
export function ledgerInvalidInput(error: ApiError, t: TFunction): string | null {
  const path = String(error.params?.field ?? error.issues?.[0]?.field ?? '');
  const name = path.split('.').filter((s) => s && !/^\d+$/.test(s)).at(-1) ?? '';
  if (!isField(name)) return null;
  const reason = error.params?.reason;
  if (name === 'siret' && reason === 'checksum') return t('ledger.errors.siretChecksum');
  if (name === 'vatNumber' && reason === 'required') return t('ledger.errors.vatNumberRequired');
  if (name === 'to' && isPeriodReason(reason)) return t(`ledger.errors.period.${reason}`);
  // Thrown by the services themselves (no validator issues): a sheet or an item is counted whole.
  if (name === 'quantity' && !error.issues?.length) return t('ledger.errors.wholeQuantity');
  const field = t(`ledger.fields.${name}`);
  const rule = error.issues?.find((i) => i.field === path)?.rule ?? error.issues?.[0]?.rule;
  return isRule(rule) ? t('errors.invalid_input_rule', { field, rule: t(`rules.${rule}`) }) : t('errors.invalid_input', { field });
}

/** The accounts' conflicts: nothing left to invoice for the member and period. */
export function ledgerConflict(error: ApiError, t: TFunction): string | null {
  return error.params?.reason === 'nothing_to_invoice' ? t('ledger.errors.nothingToInvoice') : null;
}
