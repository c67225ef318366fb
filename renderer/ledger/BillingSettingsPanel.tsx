// Who the invoices say they are from: the lab's legal name and form, address, SIRET, VAT regime, payment
// terms, late-payment text, bank details, the invoice number prefix, and which profiles are billed as
// professionals. Placeholder values until a manager enters the real ones (every invoice says so).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, VatRegime } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { CheckIcon, PencilIcon, WarningIcon } from '../components/icons';
import { formatNumber, pick } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { billingChanges, formOf, type Form } from './billing';
import { Stepper } from './Stepper';
import { TextEntry } from './TextEntry';

const vatRates = [550, 1000, 2000] as const;

export function BillingSettingsPanel() {
  const { t } = useTranslation();
  const { call, lang, catalog } = useKiosk();
  const settings = useLoad(() => call('billing.settings', {}), [call]);
  const [form, setForm] = useState<Form | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (settings.state.phase === 'ready') setForm(formOf(settings.state.value));
  }, [settings.state]);

  if (settings.state.phase === 'failed') return <ErrorLine error={settings.state.error} lang={lang} />;
  if (settings.state.phase === 'loading' || !form) return null;
  const s = settings.state.value;
  const changes = billingChanges(s, form);
  const dirty = Object.keys(changes).length > 0;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setSaved(false);
    setForm({ ...form, [k]: v });
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await call('billing.updateSettings', changes);
      settings.set(next);
      setForm(formOf(next));
      setEditing(false);
      setSaved(true);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const vatText = s.vatRegime === 'franchise' ? t('ledger.billing.franchise') : t('ledger.billing.vatAt', { rate: formatNumber(s.vatRateBp / 100, lang, 2) });
  return (
    <section className="card table-card billing-card" aria-labelledby="billing-title" data-testid="billing-settings" data-demo={s.demo}>
      <div className="table-head">
        <div>
          <h2 id="billing-title">{t('ledger.billing.title')}</h2>
          <p className="muted">{t('ledger.billing.lead')}</p>
        </div>
        {!editing ? (
          <button type="button" className="btn btn-secondary" data-testid="billing-edit" onClick={() => setEditing(true)}>
            <PencilIcon />
            <span>{t('ledger.billing.edit')}</span>
          </button>
        ) : null}
      </div>
      {s.demo ? (
        <div className="dialog-warning" data-testid="billing-demo">
          <WarningIcon />
          <span>{t('ledger.billing.demo')}</span>
        </div>
      ) : null}
      {saved ? <p className="form-ok">{t('ledger.billing.saved')}</p> : null}
      {!editing ? (
        <dl className="facts billing-facts">
          <div>
            <dt>{t('ledger.billing.legalName')}</dt>
            <dd>
              {s.legalName} · {s.legalForm}
            </dd>
          </div>
          <div>
            <dt>{t('ledger.billing.address')}</dt>
            <dd>
              {s.address.replace(/\n/g, ', ')}, {s.postcode} {s.town}
            </dd>
          </div>
          <div>
            <dt>{t('ledger.billing.siret')}</dt>
            <dd>{s.siret}</dd>
          </div>
          <div>
            <dt>{t('ledger.billing.vat')}</dt>
            <dd>
              {vatText}
              {s.vatNumber ? ` · ${s.vatNumber}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('ledger.billing.terms')}</dt>
            <dd>{t('ledger.billing.termsDays', { count: s.paymentTermsDays })}</dd>
          </div>
          <div>
            <dt>{t('ledger.billing.prefix')}</dt>
            <dd>{s.invoicePrefix}</dd>
          </div>
          <div>
            <dt>{t('ledger.billing.professionals')}</dt>
            <dd>{s.professionalCategories.map((c) => pick(catalog?.profiles.find((p) => p.id === c)?.name ?? { fr: c, en: c }, lang)).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('ledger.billing.bank')}</dt>
            <dd>{s.bankDetails ?? '—'}</dd>
          </div>
        </dl>
      ) : (
        <div className="billing-form">
          <div className="form-columns">
            <TextEntry label={t('ledger.billing.legalName')} value={form.legalName} onChange={(v) => set('legalName', v)} maxLength={120} testId="billing-legal-name" />
            <TextEntry label={t('ledger.billing.legalForm')} value={form.legalForm} onChange={(v) => set('legalForm', v)} maxLength={80} testId="billing-legal-form" />
            <TextEntry label={t('ledger.billing.address')} value={form.address} onChange={(v) => set('address', v)} maxLength={300} multiline testId="billing-address" />
            <TextEntry label={t('ledger.billing.postcode')} value={form.postcode} onChange={(v) => set('postcode', v.replace(/\D/g, ''))} maxLength={5} layout="phone" testId="billing-postcode" />
            <TextEntry label={t('ledger.billing.town')} value={form.town} onChange={(v) => set('town', v)} maxLength={80} layout="name" testId="billing-town" />
            <TextEntry label={t('ledger.billing.siret')} value={form.siret} onChange={(v) => set('siret', v.replace(/\D/g, ''))} maxLength={14} layout="phone" testId="billing-siret" hint={t('ledger.billing.siretHint')} />
            <TextEntry label={t('ledger.billing.prefix')} value={form.invoicePrefix} onChange={(v) => set('invoicePrefix', v.toUpperCase().replace(/[^A-Z0-9]/g, ''))} maxLength={12} testId="billing-prefix" hint={t('ledger.billing.prefixHint')} />
            <TextEntry label={t('ledger.billing.vatNumber')} value={form.vatNumber} onChange={(v) => set('vatNumber', v.toUpperCase())} maxLength={16} testId="billing-vat-number" />
          </div>
          <div className="filter-row">
            <span className="field-label">{t('ledger.billing.vat')}</span>
            <div className="segmented" role="group" aria-label={t('ledger.billing.vat')}>
              {(['franchise', 'vat'] as VatRegime[]).map((r) => (
                <button key={r} type="button" aria-pressed={form.vatRegime === r} onClick={() => set('vatRegime', r)}>
                  {t(`ledger.billing.regime.${r}`)}
                </button>
              ))}
            </div>
            {form.vatRegime === 'vat' ? (
              <div className="chips">
                {vatRates.map((bp) => (
                  <button key={bp} type="button" className="chip" aria-pressed={form.vatRateBp === bp} onClick={() => set('vatRateBp', bp)}>
                    {formatNumber(bp / 100, lang, 2)} %
                  </button>
                ))}
              </div>
            ) : null}
          </div>
          <div className="filter-row">
            <span className="field-label">{t('ledger.billing.terms')}</span>
            <Stepper
              value={t('ledger.billing.termsDays', { count: form.paymentTermsDays })}
              label={t('ledger.billing.terms')}
              lessLabel={t('ledger.ui.less')}
              moreLabel={t('ledger.ui.more')}
              canLess={form.paymentTermsDays > 0}
              canMore={form.paymentTermsDays < 60}
              onLess={() => set('paymentTermsDays', Math.max(0, form.paymentTermsDays - 15))}
              onMore={() => set('paymentTermsDays', Math.min(60, form.paymentTermsDays + 15))}
              testId="billing-terms"
            />
          </div>
          <div className="filter-row">
            <span className="field-label">{t('ledger.billing.professionals')}</span>
            <div className="chips">
              {(catalog?.profiles ?? []).map((p) => (
                <button
                  key={p.id}
                  type="button"
                  className="chip"
                  aria-pressed={form.professionalCategories.includes(p.id)}
                  onClick={() =>
                    set('professionalCategories', form.professionalCategories.includes(p.id) ? form.professionalCategories.filter((c) => c !== p.id) : [...form.professionalCategories, p.id])
                  }
                >
                  {pick(p.name, lang)}
                </button>
              ))}
            </div>
          </div>
          <div className="form-columns">
            <TextEntry label={t('ledger.billing.latePenalty')} value={form.latePenaltyText} onChange={(v) => set('latePenaltyText', v)} maxLength={1000} multiline testId="billing-late" />
            <TextEntry label={t('ledger.billing.bank')} value={form.bankDetails} onChange={(v) => set('bankDetails', v)} maxLength={300} multiline testId="billing-bank" />
          </div>
          {error ? <ErrorLine error={error} lang={lang} /> : null}
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-secondary btn-huge"
              onClick={() => {
                setForm(formOf(s));
                setEditing(false);
                setError(null);
              }}
            >
              {t('ledger.ui.cancel')}
            </button>
            <button type="button" className="btn btn-primary btn-huge" data-testid="billing-save" disabled={!dirty || busy} onClick={() => void save()}>
              <CheckIcon />
              <span>{busy ? t('ledger.ui.saving') : t('ledger.billing.save')}</span>
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
