// Invoicing for the fabmanager: a member and a period, a preview of what the invoice would hold (the
// entries no invoice holds yet, payments aside), then issuing it (numbered, immutable, its PDF stored),
// and the list of invoices issued. A professional's invoice may name their company, address and SIRET.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, InvoicePreview, InvoiceView, MemberSummary } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CheckIcon, DownloadIcon, JobIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { downloadBase64 } from '../lib/download';
import { formatDate, formatMoney } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import { InvoiceList } from './InvoiceList';
import { MemberPicker } from './MemberPicker';
import { PeriodPicker } from './PeriodPicker';
import { dayDate, parisDay, presetPeriod, type Period } from './periods';
import { TextEntry } from './TextEntry';
import '../styles/ledger.css';

export function InvoicesPanel() {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const [member, setMember] = useState<MemberSummary | null>(null);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('lastMonth', parisDay(new Date())));
  const [company, setCompany] = useState(false);
  const [buyerName, setBuyerName] = useState('');
  const [address, setAddress] = useState('');
  const [siret, setSiret] = useState('');
  const [preview, setPreview] = useState<InvoicePreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [issued, setIssued] = useState<InvoiceView | null>(null);
  const [version, setVersion] = useState(0);
  const money = (c: number) => formatMoney(c, info.currency, lang);
  const day = (d: string) => formatDate(dayDate(d), lang);
  const siretDigits = siret.replace(/\s/g, '');
  const siretOk = siretDigits === '' || /^\d{14}$/.test(siretDigits);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!member) return;
    let live = true;
    setLoading(true);
    call('invoices.preview', { memberId: member.id, ...period })
      .then((p) => live && setPreview(p))
      .catch((err: unknown) => live && setError(toApiError(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [call, member, period, version]);

  const issue = async () => {
    if (!member) return;
    setBusy(true);
    setError(null);
    try {
      const buyer = company
        ? {
            ...(buyerName.trim() ? { name: buyerName.trim() } : {}),
            ...(address.trim() ? { address: address.trim() } : {}),
            ...(siretDigits ? { siret: siretDigits } : {}),
          }
        : null;
      const inv = await call('invoices.issue', { memberId: member.id, ...period, ...(buyer && Object.keys(buyer).length > 0 ? { buyer } : {}) });
      setConfirming(false);
      setVersion((v) => v + 1);
      setIssued(inv);
    } catch (err) {
      setConfirming(false);
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const download = async (invoiceId: string) => {
    try {
      const doc = await call('invoices.document', { invoiceId });
      downloadBase64(doc.pdfBase64, 'application/pdf', doc.fileName);
    } catch (err) {
      setError(toApiError(err));
    }
  };

  return (
    <>
      <section className="card table-card" aria-labelledby="invoice-new-title" data-testid="invoice-new">
        <div className="table-head">
          <div>
            <h2 id="invoice-new-title">
              <JobIcon /> {t('ledger.invoices.newTitle')}
            </h2>
            <p className="muted">{t('ledger.invoices.newLead')}</p>
          </div>
        </div>
        <div className="filter-row">
          <span className="field-label">
            <span className="step">1</span> {t('ledger.invoices.forWhom')}
          </span>
          <MemberPicker
            value={member}
            onChange={(m) => {
              setIssued(null);
              setMember(m);
            }}
            label={t('ledger.member.search')}
            testId="invoice-member"
          />
        </div>
        <div className="filter-row">
          <span className="field-label">
            <span className="step">2</span> {t('ledger.invoices.period')}
          </span>
          <PeriodPicker
            period={period}
            onChange={(p) => {
              setIssued(null);
              setPeriod(p);
            }}
            testId="invoice-period"
          />
        </div>
        <div className="filter-row">
          <button type="button" className="chip" aria-pressed={company} data-testid="invoice-company" onClick={() => setCompany((c) => !c)}>
            {t('ledger.invoices.company')}
          </button>
          {company ? (
            <div className="form-columns">
              <TextEntry label={t('ledger.invoices.companyName')} value={buyerName} onChange={setBuyerName} maxLength={120} testId="invoice-company-name" />
              <TextEntry label={t('ledger.invoices.companySiret')} value={siret} onChange={setSiret} maxLength={17} layout="phone" testId="invoice-company-siret" hint={siretOk ? undefined : t('ledger.invoices.siretFormat')} />
              <TextEntry label={t('ledger.invoices.companyAddress')} value={address} onChange={setAddress} maxLength={300} multiline testId="invoice-company-address" />
            </div>
          ) : null}
        </div>

        {loading ? <Progress label={t('ledger.invoices.previewing')} fraction={null} lang={lang} /> : null}
        {error ? <ErrorLine error={error} lang={lang} /> : null}
        {issued ? (
          <div className="invoice-issued" data-testid="invoice-issued" data-number={issued.number}>
            <CheckIcon size={36} />
            <p>{t(issued.kind === 'credit_note' ? 'ledger.invoices.issuedCreditDone' : 'ledger.invoices.issuedDone', { number: issued.number, amount: money(issued.totalTtcCents) })}</p>
            <button type="button" className="btn btn-primary" data-testid="invoice-issued-pdf" onClick={() => void download(issued.id)}>
              <DownloadIcon />
              <span>{t('ledger.invoices.pdf')}</span>
            </button>
          </div>
        ) : null}
        {preview && !issued ? (
          <div className="invoice-preview" data-testid="invoice-preview">
            <h3>{t('ledger.invoices.previewTitle', { from: day(preview.from), to: day(preview.to) })}</h3>
            {preview.lines.length === 0 ? (
              <p className="muted" data-testid="invoice-preview-empty">
                {t('ledger.invoices.nothing')}
              </p>
            ) : (
              <>
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t('ledger.col.date')}</th>
                        <th scope="col">{t('ledger.col.label')}</th>
                        <th scope="col" className="num">
                          {t('ledger.col.quantity')}
                        </th>
                        <th scope="col" className="num">
                          {t('ledger.col.unitPrice')}
                        </th>
                        <th scope="col">{t('ledger.invoices.reduction')}</th>
                        <th scope="col" className="num">
                          {t('ledger.col.amount')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.lines.map((l) => (
                        <tr key={l.entryId} data-testid="invoice-preview-line">
                          <td className="nowrap">{day(l.day)}</td>
                          <td>{l.label}</td>
                          <td className="num nowrap">{l.quantityText}</td>
                          <td className="num nowrap">{l.unitPriceText}</td>
                          <td>{l.reductionText}</td>
                          <td className="num nowrap">{money(l.amountTtcCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <dl className="invoice-totals">
                  <div>
                    <dt>{t('ledger.invoices.totalHt')}</dt>
                    <dd>{money(preview.totalHtCents)}</dd>
                  </div>
                  <div>
                    <dt>{t('ledger.invoices.totalVat')}</dt>
                    <dd>{money(preview.totalVatCents)}</dd>
                  </div>
                  <div>
                    <dt>{t('ledger.invoices.totalTtc')}</dt>
                    <dd data-testid="invoice-preview-total" data-cents={preview.totalTtcCents}>
                      {money(preview.totalTtcCents)}
                    </dd>
                  </div>
                  {preview.paidCents !== 0 ? (
                    <div>
                      <dt>{t('ledger.invoices.paid')}</dt>
                      <dd>{money(preview.paidCents)}</dd>
                    </div>
                  ) : null}
                  <div className="is-net">
                    <dt>{t('ledger.invoices.net')}</dt>
                    <dd>{money(preview.totalTtcCents - preview.paidCents)}</dd>
                  </div>
                </dl>
                <button type="button" className="btn btn-primary btn-huge" data-testid="invoice-issue" disabled={!siretOk} onClick={() => setConfirming(true)}>
                  <CheckIcon />
                  <span>{t('ledger.invoices.issue')}</span>
                </button>
              </>
            )}
          </div>
        ) : null}
      </section>
      <InvoiceList memberId={member?.id} version={version} showBuyer title={member ? t('ledger.invoices.titleOf', { name: member.displayName }) : t('ledger.invoices.titleAll')} />
      {confirming && member && preview ? (
        <ConfirmDialog
          title={t('ledger.invoices.confirmTitle')}
          confirmLabel={t('ledger.invoices.issue')}
          cancelLabel={t('ledger.ui.back')}
          confirmIcon={<CheckIcon />}
          busy={busy}
          testId="invoice-confirm"
          onConfirm={() => void issue()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('ledger.invoices.confirmText', { name: member.displayName, count: preview.lines.length, amount: money(preview.totalTtcCents) })}</p>
          <p className="muted">{t('ledger.invoices.confirmNote')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
