// What the job will cost the member, before it runs (the ledger's quote): one line per thing used
// (machine time, material) with its quantity and price, then what the plan, a free period or the
// member's reduced rate takes off, and the total to pay.
import { useTranslation } from 'react-i18next';
import type { PreparedJob } from '../../electron/api/types';
import { EuroIcon } from '../components/icons';
import { formatDuration, formatMoney, pick, type Lang } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { quantityText } from './quote';

type Quote = NonNullable<PreparedJob['quote']>;

export function QuotePanel({ quote, lang }: { quote: Quote | null; lang: Lang }) {
  const { t, i18n } = useTranslation();
  const { catalog } = useKiosk();
  const loose = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const label = (key: string, params: Record<string, string | number>) => (i18n.exists(key, { lng: lang }) ? loose(key, params) : t('prepare.quote.line'));

  if (!quote) {
    return (
      <section className="card quote-card" data-testid="prepare-price" data-cents="" aria-labelledby="quote-title">
        <h2 id="quote-title" className="panel-title">
          <EuroIcon />
          {t('prepare.quote.title')}
        </h2>
        <p className="muted">{t('prepare.quote.none')}</p>
      </section>
    );
  }
  const money = (cents: number) => formatMoney(cents, quote.currency, lang);
  const profile = catalog?.profiles.find((p) => p.id === quote.profileCategory);
  return (
    <section className="card quote-card" data-testid="prepare-price" data-cents={quote.totalCents} aria-labelledby="quote-title">
      <div className="quote-head">
        <h2 id="quote-title" className="panel-title">
          <EuroIcon />
          {t('prepare.quote.title')}
        </h2>
        <p className="quote-total" data-testid="prepare-price-total">
          {money(quote.totalCents)}
        </p>
      </div>
      {quote.lines.length > 0 ? (
        <table className="quote-lines">
          <tbody>
            {quote.lines.flatMap((l, i) => {
              const rows = [
                <tr key={`${i}`} data-testid="prepare-price-line" data-kind={l.kind}>
                  <th scope="row">{label(l.labelKey, l.labelParams)}</th>
                  <td className="quote-qty">{quantityText(l.quantity, l.unit, lang, loose)}</td>
                  <td className="quote-amount">{l.priceCents === null ? t('prepare.quote.noPrice') : money(l.grossCents)}</td>
                </tr>,
              ];
              if (l.quotaCents > 0) {
                rows.push(
                  <tr key={`${i}-quota`} className="quote-less">
                    <th scope="row">{t('ledger.quota')}</th>
                    <td className="quote-qty">{quantityText(l.quotaQuantity, l.unit, lang, loose)}</td>
                    <td className="quote-amount">−{money(l.quotaCents)}</td>
                  </tr>,
                );
              }
              if (l.freeCents > 0) {
                rows.push(
                  <tr key={`${i}-free`} className="quote-less">
                    <th scope="row">{l.freeReason ? t(`ledger.free.${l.freeReason}`) : t('prepare.quote.free')}</th>
                    <td />
                    <td className="quote-amount">−{money(l.freeCents)}</td>
                  </tr>,
                );
              }
              if (l.discountCents > 0) {
                rows.push(
                  <tr key={`${i}-discount`} className="quote-less">
                    <th scope="row">{t('ledger.discount', { percent: l.discountPct })}</th>
                    <td />
                    <td className="quote-amount">−{money(l.discountCents)}</td>
                  </tr>,
                );
              }
              return rows;
            })}
          </tbody>
        </table>
      ) : null}
      {quote.machineQuotaLeftS !== null ? (
        <p className="quote-basis">{t('prepare.quote.quotaLeft', { time: formatDuration(quote.machineQuotaLeftS, lang) })}</p>
      ) : null}
      <p className="quote-basis muted">
        {profile ? t('prepare.quote.basisProfile', { profile: pick(profile.name, lang) }) : t('prepare.quote.basis')}
      </p>
    </section>
  );
}
