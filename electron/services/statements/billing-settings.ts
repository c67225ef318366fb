// The seller's legal identity that invoices print. The demo fablab has none: the kiosk writes clearly
// flagged placeholder values (every invoice then says "demo") until a manager enters the real ones.
import { DomainError } from '../../api/errors';
import type { BillingSettings } from '../../api/models';
import type { Store } from '../../store';

interface SettingsRow {
  id: string;
  legal_name: string;
  legal_form: string;
  address: string;
  postcode: string;
  town: string;
  siret: string;
  vat_regime: 'franchise' | 'vat';
  vat_rate_bp: number;
  vat_number: string | null;
  payment_terms_days: number;
  late_penalty_text: string;
  professional_categories_json: string;
  bank_details: string | null;
  invoice_prefix: string;
  demo: number;
}

export const defaultLatePenaltyText =
  "En cas de retard de paiement, pénalités au taux d'intérêt appliqué par la Banque centrale européenne à son " +
  'opération de refinancement la plus récente, majoré de 10 points, et indemnité forfaitaire pour frais de ' +
  'recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce).';

/** A fictitious SIRET that passes the Luhn check: the demo must look like the real thing, and say it is not. */
const demoSiret = '90000000100017';

/** Writes the placeholder row if the site has none yet. Returns true when it did. */
export function ensureBillingSettings(store: Store): boolean {
  const site = store.db.prepare('SELECT id, name, town FROM sites LIMIT 1').get() as { id: string; name: string; town: string } | undefined;
  if (!site) return false;
  if (store.db.prepare('SELECT 1 FROM billing_settings WHERE site_id = ?').get(site.id)) return false;
  store.writer.insert('billing_settings', {
    site_id: site.id,
    legal_name: site.name,
    legal_form: 'Association loi 1901',
    address: '1 place du Foirail',
    postcode: '46500',
    // "Gramat (Lot)": the town without its département
    town: site.town.replace(/\s*\(.*\)\s*$/, '') || site.town,
    siret: demoSiret,
    vat_regime: 'franchise',
    vat_rate_bp: 2000,
    vat_number: null,
    payment_terms_days: 30,
    late_penalty_text: defaultLatePenaltyText,
    professional_categories_json: JSON.stringify(['entrepreneur']),
    bank_details: null,
    invoice_prefix: 'FK',
    demo: 1,
  });
  return true;
}

function row(store: Store): SettingsRow {
  ensureBillingSettings(store);
  const r = store.db.prepare('SELECT * FROM billing_settings ORDER BY id LIMIT 1').get() as SettingsRow | undefined;
  if (!r) throw new Error('the store has no site: it was not seeded');
  return r;
}

export function readBillingSettings(store: Store): BillingSettings {
  const r = row(store);
  return {
    legalName: r.legal_name,
    legalForm: r.legal_form,
    address: r.address,
    postcode: r.postcode,
    town: r.town,
    siret: r.siret,
    vatRegime: r.vat_regime,
    vatRateBp: r.vat_rate_bp,
    vatNumber: r.vat_number,
    paymentTermsDays: r.payment_terms_days,
    latePenaltyText: r.late_penalty_text,
    professionalCategories: JSON.parse(r.professional_categories_json) as string[],
    bankDetails: r.bank_details,
    invoicePrefix: r.invoice_prefix,
    demo: r.demo === 1,
  };
}

/** SIRET: 14 digits whose Luhn sum is a multiple of 10 (La Poste's establishments use another rule). */
export function validSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith('356000000')) return [...siret].reduce((s, c) => s + Number(c), 0) % 5 === 0;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(siret[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type BillingPatch = Partial<Omit<BillingSettings, 'demo'>>;

/** A manager's change: the row is checked whole, then written; the placeholder flag goes with the fictitious SIRET. */
export function updateBillingSettings(store: Store, patch: BillingPatch): BillingSettings {
  const current = readBillingSettings(store);
  const next = { ...current, ...patch };
  if (!validSiret(next.siret)) throw new DomainError('invalid_input', { field: 'siret', reason: 'checksum' });
  if (next.vatRegime === 'vat' && !next.vatNumber) throw new DomainError('invalid_input', { field: 'vatNumber', reason: 'required' });
  const known = new Set(store.db.prepare('SELECT code FROM profile_categories').pluck().all() as string[]);
  const unknown = next.professionalCategories.find((c) => !known.has(c));
  if (unknown !== undefined) throw new DomainError('invalid_input', { field: 'professionalCategories', value: unknown });
  store.writer.update('billing_settings', row(store).id, {
    legal_name: next.legalName,
    legal_form: next.legalForm,
    address: next.address,
    postcode: next.postcode,
    town: next.town,
    siret: next.siret,
    vat_regime: next.vatRegime,
    vat_rate_bp: next.vatRateBp,
    vat_number: next.vatNumber,
    payment_terms_days: next.paymentTermsDays,
    late_penalty_text: next.latePenaltyText,
    professional_categories_json: JSON.stringify([...new Set(next.professionalCategories)]),
    bank_details: next.bankDetails,
    invoice_prefix: next.invoicePrefix,
    demo: next.siret === demoSiret ? 1 : 0,
  });
  return readBillingSettings(store);
}
