// A statement for a period: the balance brought forward, each line (day, what, how much, unit price,
// amount, balance after it) and the balance carried forward. The member's own (`statements.mine`), or
// any member's for a manager (`statements.member`).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Statement } from '../../electron/api/types';
import { ListIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { formatDate, formatMoney, pick } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { formatQuantity, formatUnitPrice } from './amounts';
import { PeriodPicker } from './PeriodPicker';
import { dayDate, parisDay, presetPeriod, type Period } from './periods';
import { checkStatement } from './statement';
import '../styles/ledger.css';

export function StatementPanel({ memberId, version = 0, id = 'statement' }: { memberId?: string; version?: number; id?: string }) {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth', parisDay(new Date())));
  const { state } = useLoad<Statement>(
    () => (memberId ? call('statements.member', { memberId, ...period }) : call('statements.mine', period)),
    [call, memberId, period.from, period.to, version],
  );
  const currency = state.phase === 'ready' ? state.value.currency : info.currency;
  const money = (c: number) => formatMoney(c, currency, lang);
  const day = (d: string) => formatDate(dayDate(d), lang);

  return (
    <section className="card table-card statement-card" id={id} aria-labelledby={`${id}-title`} data-testid="statement">
      <div className="table-head">
        <div>
          <h2 id={`${id}-title`}>
            <ListIcon /> {t('ledger.statement.title')}
          </h2>
          <p className="muted">{t('ledger.statement.lead')}</p>
        </div>
      </div>
      <PeriodPicker period={period} onChange={setPeriod} presets={['thisMonth', 'lastMonth', 'quarter', 'year']} testId="statement-period" />
      {state.phase === 'loading' ? <Progress label={t('ledger.statement.loading')} fraction={null} lang={lang} /> : null}
      {state.phase === 'failed' ? <ErrorLine error={state.error} lang={lang} /> : null}
      {state.phase === 'ready'
        ? (() => {
            const s = state.value;
            const check = checkStatement(s);
            return (
              <>
                <dl className="statement-figures">
                  <div className="statement-figure">
                    <dt>{t('ledger.statement.opening', { date: day(s.from) })}</dt>
                    <dd data-testid="statement-opening" data-cents={s.openingBalanceCents}>
                      {money(s.openingBalanceCents)}
                    </dd>
                  </div>
                  <div className="statement-figure is-charge">
                    <dt>{t('ledger.statement.charges')}</dt>
                    <dd data-testid="statement-charges" data-cents={s.chargesCents}>
                      {money(s.chargesCents)}
                    </dd>
                  </div>
                  <div className="statement-figure is-payment">
                    <dt>{t('ledger.statement.payments')}</dt>
                    <dd data-testid="statement-payments" data-cents={s.paymentsCents}>
                      {money(s.paymentsCents)}
                    </dd>
                  </div>
                  <div className={`statement-figure is-closing ${s.closingBalanceCents < 0 ? 'is-due' : ''}`}>
                    <dt>{t('ledger.statement.closing', { date: day(s.to) })}</dt>
                    <dd data-testid="statement-closing" data-cents={s.closingBalanceCents}>
                      {money(s.closingBalanceCents)}
                    </dd>
                  </div>
                </dl>
                {!check.chained ? (
                  <p className="form-error" role="alert" data-testid="statement-unchained">
                    {t('ledger.statement.unchained')}
                  </p>
                ) : null}
                <div className="table-wrap">
                  <table className="table statement-table" data-testid="statement-table">
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
                        <th scope="col" className="num">
                          {t('ledger.col.amount')}
                        </th>
                        <th scope="col" className="num">
                          {t('ledger.col.balance')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <tr className="statement-edge">
                        <td className="nowrap">{day(s.from)}</td>
                        <td colSpan={4}>{t('ledger.statement.broughtForward')}</td>
                        <td className="num nowrap">{money(s.openingBalanceCents)}</td>
                      </tr>
                      {s.lines.length === 0 ? (
                        <tr>
                          <td colSpan={6} className="muted" data-testid="statement-empty">
                            {t('ledger.statement.empty')}
                          </td>
                        </tr>
                      ) : null}
                      {s.lines.map((l) => (
                        <tr key={l.entryId} data-testid="statement-line" data-kind={l.kind} data-cents={l.amountCents}>
                          <td className="nowrap">{day(l.day)}</td>
                          <td>
                            <span className="statement-label">{pick(l.label, lang)}</span>
                            {l.reductionCents > 0 ? <span className="pill pill-ok statement-reduction">{t('ledger.statement.reduced', { amount: money(l.reductionCents) })}</span> : null}
                            {l.invoiceNumber ? <span className="pill statement-invoice">{t('ledger.statement.onInvoice', { number: l.invoiceNumber })}</span> : null}
                          </td>
                          <td className="num nowrap">{l.kind === 'payment' ? '—' : formatQuantity(l.quantity, l.unit, lang, t)}</td>
                          <td className="num nowrap">{formatUnitPrice(l.priceCents, l.perQuantity, l.unit, currency, lang, t) ?? '—'}</td>
                          <td className={`num nowrap amount ${l.amountCents < 0 ? 'is-charge' : l.amountCents > 0 ? 'is-payment' : ''}`}>{money(l.amountCents)}</td>
                          <td className="num nowrap">{money(l.balanceCents)}</td>
                        </tr>
                      ))}
                      <tr className="statement-edge">
                        <td className="nowrap">{day(s.to)}</td>
                        <td colSpan={4}>{t('ledger.statement.carriedForward')}</td>
                        <td className="num nowrap" data-testid="statement-closing-row">
                          {money(s.closingBalanceCents)}
                        </td>
                      </tr>
                    </tbody>
                  </table>
                </div>
                {s.balanceNowCents !== s.closingBalanceCents ? (
                  <p className="muted statement-now">{t('ledger.statement.balanceNow', { amount: money(s.balanceNowCents) })}</p>
                ) : null}
              </>
            );
          })()
        : null}
    </section>
  );
}
