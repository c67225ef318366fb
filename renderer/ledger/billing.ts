// The seller's identity as the manager edits it: the form's text fields (empty optional ones included)
// and what changed, in the shape `billing.updateSettings` takes.
import type { BillingSettings } from '../../electron/api/types';

export type Form = Omit<BillingSettings, 'demo' | 'vatNumber' | 'bankDetails'> & { vatNumber: string; bankDetails: string };
type Update = Partial<Omit<BillingSettings, 'demo'>>;

export function formOf(s: BillingSettings): Form {
  return { ...s, vatNumber: s.vatNumber ?? '', bankDetails: s.bankDetails ?? '' };
}

/** Only what changed, in the API's shape (empty optional fields become null). */
export function billingChanges(before: BillingSettings, form: Form): Update {
  const out: Update = {};
  const text = ['legalName', 'legalForm', 'address', 'postcode', 'town', 'siret', 'latePenaltyText', 'invoicePrefix'] as const;
  for (const k of text) if (form[k].trim() !== before[k]) out[k] = form[k].trim();
  if (form.vatRegime !== before.vatRegime) out.vatRegime = form.vatRegime;
  if (form.vatRateBp !== before.vatRateBp) out.vatRateBp = form.vatRateBp;
  if (form.paymentTermsDays !== before.paymentTermsDays) out.paymentTermsDays = form.paymentTermsDays;
  const vat = form.vatNumber.trim().replace(/\s/g, '').toUpperCase() || null;
  if (vat !== before.vatNumber) out.vatNumber = vat;
  const bank = form.bankDetails.trim() || null;
  if (bank !== before.bankDetails) out.bankDetails = bank;
  const cats = [...form.professionalCategories].sort();
  if (cats.join(',') !== [...before.professionalCategories].sort().join(',')) out.professionalCategories = cats;
  return out;
}
