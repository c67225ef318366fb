// Every entry of the ledger for the fabmanager: filtered by member (or visitors without an account),
// days and kind, with the count and the sum of what matches; an entry corrected (with a reason), money
// received recorded, a use of an unconnected machine noted for someone.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, LedgerEntryView, LedgerKind, LedgerPage, MemberSummary } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { ClockIcon, EuroIcon, PencilIcon, RefreshIcon } from '../components/icons';
import { formatDateTime, formatMoney } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import { entryLabel, formatQuantity } from './amounts';
import { CorrectionDialog } from './CorrectionDialog';
import { ManualLogPanel } from './ManualLogPanel';
import { MemberPicker } from './MemberPicker';
import { PaymentDialog } from './PaymentDialog';
import { PeriodPicker } from './PeriodPicker';
import { parisDay, presetPeriod, type Period } from './periods';
import { StatementPanel } from './StatementPanel';
import '../styles/ledger.css';

const kinds: readonly LedgerKind[] = ['machine_time', 'material', 'coworking_day', 'shop_sale', 'subscription', 'payment'];
const pageSize = 50;

type Who = 'all' | 'member' | 'visitors';

/** What an entry amounts to now: itself plus the corrections written against it that are on screen. */
function netOf(entry: LedgerEntryView, loaded: readonly LedgerEntryView[]): number {
  return entry.amountCents + loaded.filter((e) => e.correctsId === entry.id).reduce((s, e) => s + e.amountCents, 0);
}

export function LedgerPanel({ onChanged }: { onChanged?(): void }) {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const [who, setWho] = useState<Who>('all');
  const [member, setMember] = useState<MemberSummary | null>(null);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth', parisDay(new Date())));
  const [kind, setKind] = useState<LedgerKind | null>(null);
  const [page, setPage] = useState<LedgerPage | null>(null);
  const [entries, setEntries] = useState<LedgerEntryView[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [correcting, setCorrecting] = useState<LedgerEntryView | null>(null);
  const [paying, setPaying] = useState(false);
  const [logging, setLogging] = useState(false);
  const [version, setVersion] = useState(0);
  const request = useRef(0);

  const memberId = who === 'member' ? (member?.id ?? null) : null;
  const filter = useCallback(
    (offset: number) => ({
      limit: pageSize,
      offset,
      from: period.from,
      to: period.to,
      ...(memberId ? { memberId } : {}),
      ...(who === 'visitors' ? { visitorsOnly: true } : {}),
      ...(kind ? { kind } : {}),
    }),
    [period, memberId, who, kind],
  );

  const load = useCallback(
    async (offset: number) => {
      const id = ++request.current;
      setLoading(true);
      try {
        const next = await call('ledger.list', filter(offset));
        if (id !== request.current) return;
        setPage(next);
        setEntries((prev) => (offset === 0 ? next.entries : [...prev, ...next.entries]));
        setError(null);
      } catch (err) {
        if (id === request.current) setError(toApiError(err));
      } finally {
        if (id === request.current) setLoading(false);
      }
    },
    [call, filter],
  );

  useEffect(() => {
    // Choosing "a member" without one yet shows nothing new: wait for the name.
    if (who === 'member' && !member) return;
    void load(0);
  }, [load, who, member, version]);

  const changed = () => {
    setVersion((v) => v + 1);
    onChanged?.();
  };
  const money = (c: number) => formatMoney(c, info.currency, lang);

  return (
    <>
      <section className="card table-card" aria-labelledby="ledger-title" data-testid="ledger-panel">
        <div className="table-head">
          <div>
            <h2 id="ledger-title">{t('ledger.manage.title')}</h2>
            <p className="muted">{t('ledger.manage.lead')}</p>
          </div>
          <div className="table-head-actions">
            <button type="button" className="btn btn-primary" data-testid="ledger-record-payment" onClick={() => setPaying(true)}>
              <EuroIcon />
              <span>{t('ledger.pay.open')}</span>
            </button>
            <button type="button" className="btn btn-secondary" data-testid="ledger-log-use" aria-pressed={logging} onClick={() => setLogging((l) => !l)}>
              <ClockIcon />
              <span>{t('ledger.manual.openForMember')}</span>
            </button>
            <button type="button" className="btn btn-secondary btn-square" aria-label={t('manage.refresh')} data-testid="ledger-refresh" onClick={() => setVersion((v) => v + 1)}>
              <RefreshIcon />
            </button>
          </div>
        </div>

        <div className="ledger-filters">
          <div className="filter-row">
            <span className="field-label">{t('ledger.manage.who')}</span>
            <div className="segmented" role="group" aria-label={t('ledger.manage.who')}>
              {(['all', 'member', 'visitors'] as const).map((w) => (
                <button key={w} type="button" aria-pressed={who === w} data-testid={`ledger-who-${w}`} onClick={() => setWho(w)}>
                  {t(`ledger.manage.whoOption.${w}`)}
                </button>
              ))}
            </div>
          </div>
          {who === 'member' ? <MemberPicker value={member} onChange={setMember} label={t('ledger.member.search')} testId="ledger-member" /> : null}
          <div className="filter-row">
            <span className="field-label">{t('ledger.manage.when')}</span>
            <PeriodPicker period={period} onChange={setPeriod} testId="ledger-period" />
          </div>
          <div className="filter-row">
            <span className="field-label">{t('ledger.manage.kind')}</span>
            <div className="chips" role="group" aria-label={t('ledger.manage.kind')}>
              <button type="button" className="chip" aria-pressed={kind === null} data-testid="ledger-kind-all" onClick={() => setKind(null)}>
                {t('ledger.manage.allKinds')}
              </button>
              {kinds.map((k) => (
                <button key={k} type="button" className="chip" aria-pressed={kind === k} data-testid={`ledger-kind-${k}`} onClick={() => setKind(k)}>
                  {t(`ledger.kind.${k}`)}
                </button>
              ))}
            </div>
          </div>
        </div>

        {page ? (
          <dl className="ledger-totals" data-testid="ledger-totals">
            <div>
              <dt>{t('ledger.manage.entries')}</dt>
              <dd data-testid="ledger-count" data-value={page.total}>
                {page.total}
              </dd>
            </div>
            <div>
              <dt>{t('ledger.manage.sum')}</dt>
              <dd data-testid="ledger-sum" data-cents={page.sumCents} className={page.sumCents < 0 ? 'is-charge' : page.sumCents > 0 ? 'is-payment' : ''}>
                {money(page.sumCents)}
              </dd>
            </div>
            {page.balanceCents !== null ? (
              <div>
                <dt>{t('ledger.manage.balance')}</dt>
                <dd data-testid="ledger-balance" data-cents={page.balanceCents} className={page.balanceCents < 0 ? 'is-charge' : ''}>
                  {money(page.balanceCents)}
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        <p className="muted small-note">{t('ledger.manage.sumNote')}</p>
        {error ? <ErrorLine error={error} lang={lang} /> : null}

        <div className="table-wrap">
          <table className="table ledger-table" data-testid="ledger-table">
            <thead>
              <tr>
                <th scope="col">{t('ledger.col.date')}</th>
                <th scope="col">{t('ledger.col.member')}</th>
                <th scope="col">{t('ledger.col.label')}</th>
                <th scope="col" className="num">
                  {t('ledger.col.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('ledger.col.amount')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('ledger.correct.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {who === 'member' && !member ? (
                <tr>
                  <td colSpan={6} className="muted">
                    {t('ledger.manage.pickMember')}
                  </td>
                </tr>
              ) : entries.length === 0 && !loading ? (
                <tr>
                  <td colSpan={6} className="muted" data-testid="ledger-empty">
                    {t('ledger.manage.none')}
                  </td>
                </tr>
              ) : null}
              {entries.map((e) => (
                <tr key={e.id} data-testid="ledger-row" data-kind={e.kind} data-source={e.source} data-cents={e.amountCents}>
                  <td className="nowrap">{formatDateTime(e.occurredAt, lang)}</td>
                  <td>{e.memberName ?? <span className="pill">{e.visitorLabel ?? t('shop.visitorDefault')}</span>}</td>
                  <td>
                    <span>{entryLabel(e, t, lang)}</span>
                    <span className="ledger-meta">
                      <span className={`pill kind-pill kind-${e.kind}`}>{t(`ledger.source.${e.source}`)}</span>
                      {e.correctedBy.length > 0 ? <span className="pill pill-warn">{t('ledger.manage.corrected')}</span> : null}
                    </span>
                  </td>
                  <td className="num nowrap">{e.kind === 'payment' ? '—' : formatQuantity(e.quantity, e.unit, lang, t)}</td>
                  <td className={`num nowrap amount ${e.amountCents < 0 ? 'is-charge' : e.amountCents > 0 ? 'is-payment' : ''}`}>{money(e.amountCents)}</td>
                  <td>
                    {e.source !== 'correction' ? (
                      <button type="button" className="btn btn-secondary" data-testid="ledger-correct" onClick={() => setCorrecting(e)}>
                        <PencilIcon />
                        <span>{t('ledger.correct.open')}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {page && entries.length < page.total ? (
          <button type="button" className="btn btn-secondary ledger-more" data-testid="ledger-more" disabled={loading} onClick={() => void load(entries.length)}>
            {t('ledger.manage.more', { shown: entries.length, total: page.total })}
          </button>
        ) : null}
      </section>

      {logging ? <ManualLogPanel forOthers="always" onLogged={changed} /> : null}
      {who === 'member' && member ? <StatementPanel memberId={member.id} version={version} id="member-statement" /> : null}

      {correcting ? (
        <CorrectionDialog
          entry={correcting}
          currentCents={netOf(correcting, entries)}
          onCancel={() => setCorrecting(null)}
          onDone={() => {
            setCorrecting(null);
            changed();
          }}
        />
      ) : null}
      {paying ? (
        <PaymentDialog
          member={who === 'member' ? member : null}
          onCancel={() => setPaying(false)}
          onDone={() => {
            setPaying(false);
            changed();
          }}
        />
      ) : null}
    </>
  );
}
