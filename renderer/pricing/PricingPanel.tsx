// The price grid for the fabmanager: machines by the hour, materials by their unit, the shop's items,
// the coworking day, discounts by profile, the free first month and the plans (price, period, days and
// machine time included). Each row shows the price in force since when, the next one scheduled, and
// its history; every change is a new version, audited by the back end.
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanTermsView, PriceRuleView, PriceScope, PricingGrid } from '../../electron/api/types';
import { ListIcon, PencilIcon } from '../components/icons';
import { Progress } from '../components/Progress';
import { formatParisDateTime, parisDate } from '../ledger/periods';
import { formatDate, localeOf, pick } from '../lib/format';
import { ErrorLine } from '../manage/ErrorLine';
import { useKiosk } from '../state/kiosk';
import { useLoad } from '../state/useLoad';
import { discountVersions, planVersions, ruleVersions, rulesOfKind, type Versions } from './grid';
import { PriceEditDialog, type PriceTarget } from './PriceEditDialog';
import { planValueText, ruleValueText } from './rule-text';
import '../styles/ledger.css';

const scopes: readonly PriceScope[] = ['machine_time', 'material', 'shop_item', 'coworking_day', 'subscription'];

type AnyVersion = PriceRuleView | PlanTermsView;

/** The seeded grid takes effect "from the start" (a date in 2000, before any entry). */
const isStart = (iso: string) => iso < '2001-01-01';

function History<T extends AnyVersion>({ versions, text }: { versions: Versions<T>; text(v: T): string }) {
  const { t } = useTranslation();
  const { lang } = useKiosk();
  return (
    <ol className="price-history" data-testid="price-history">
      {versions.all.map((v) => {
        const state = v.inForce ? 'current' : versions.current && v.effectiveFrom > versions.current.effectiveFrom ? 'scheduled' : 'past';
        return (
          <li key={v.id} className={`price-version is-${state}`} data-testid="price-version" data-state={state}>
            <span className="price-version-when">
              {isStart(v.effectiveFrom)
                ? t('pricing.fromStart')
                : t(state === 'scheduled' ? 'pricing.from' : 'pricing.since', { date: formatParisDateTime(v.effectiveFrom, localeOf(lang)) })}
            </span>
            <strong>{text(v)}</strong>
            <span className={`pill ${state === 'current' ? 'pill-ok' : state === 'scheduled' ? 'pill-warn' : ''}`}>{t(`pricing.state.${state}`)}</span>
            <span className="muted">
              {v.changedBy ?? t('pricing.system')}
              {v.reason ? ` · ${v.reason === 'seed' ? t('pricing.seed') : v.reason}` : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function VersionCells<T extends AnyVersion>({ versions, text }: { versions: Versions<T>; text(v: T): string }) {
  const { t } = useTranslation();
  const { lang } = useKiosk();
  const first = (iso: string) => (isStart(iso) ? t('pricing.fromStart') : t('pricing.since', { date: formatDate(parisDate(iso), lang) }));
  return (
    <>
      <td className="price-now" data-testid="price-now">
        <strong>{versions.current ? text(versions.current) : '—'}</strong>
        {versions.current ? <span className="muted price-since">{first(versions.current.effectiveFrom)}</span> : null}
      </td>
      <td>
        {versions.next ? (
          <span className="pill pill-warn" data-testid="price-next">
            {t('pricing.nextFrom', { value: text(versions.next), date: formatDate(parisDate(versions.next.effectiveFrom), lang) })}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </>
  );
}

export function PricingPanel() {
  const { t } = useTranslation();
  const { call, lang, catalog } = useKiosk();
  const { state, set } = useLoad(() => call('pricing.grid', { history: true }), [call]);
  const [editing, setEditing] = useState<PriceTarget | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  if (state.phase === 'loading') return <Progress label={t('pricing.loading')} fraction={null} lang={lang} />;
  if (state.phase === 'failed') return <ErrorLine error={state.error} lang={lang} />;
  const grid = state.value;
  const rules = ruleVersions(grid);
  const plans = planVersions(grid);
  const currency = grid.currency;
  const rText = (r: PriceRuleView) => ruleValueText(r, t, lang, currency);
  const pText = (p: PlanTermsView) => planValueText(p, t, lang, currency);
  const nameOf = (r: PriceRuleView) => pick(r.machine?.name ?? r.material?.name ?? r.shopItem?.name ?? { fr: r.key, en: r.key }, lang);

  const row = <T extends AnyVersion>(key: string, name: ReactNode, versions: Versions<T>, text: (v: T) => string, target: PriceTarget) => (
    <Fragment key={key}>
      <tr data-testid="price-row" data-key={key}>
        <th scope="row">{name}</th>
        <VersionCells versions={versions} text={text} />
        <td>
          <span className="row-actions">
            <button type="button" className="btn btn-secondary" data-testid="price-edit" onClick={() => setEditing(target)}>
              <PencilIcon />
              <span>{t('pricing.change')}</span>
            </button>
            <button type="button" className="btn btn-secondary btn-square" aria-pressed={open === key} aria-label={t('pricing.history')} data-testid="price-history-toggle" onClick={() => setOpen((o) => (o === key ? null : key))}>
              <ListIcon />
            </button>
          </span>
        </td>
      </tr>
      {open === key ? (
        <tr className="price-history-row">
          <td colSpan={4}>
            <History versions={versions} text={text} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );

  const section = (id: string, title: string, lead: string, body: ReactNode) => (
    <section className="card table-card" aria-labelledby={`pricing-${id}`} data-testid={`pricing-${id}`}>
      <div className="table-head">
        <div>
          <h2 id={`pricing-${id}`}>{title}</h2>
          <p className="muted">{lead}</p>
        </div>
      </div>
      {body}
    </section>
  );

  const head = (
    <thead>
      <tr>
        <th scope="col">{t('pricing.col.what')}</th>
        <th scope="col">{t('pricing.col.now')}</th>
        <th scope="col">{t('pricing.col.next')}</th>
        <th scope="col">
          <span className="visually-hidden">{t('pricing.change')}</span>
        </th>
      </tr>
    </thead>
  );

  const table = (kind: PriceRuleView['kind'], targetOf: (r: PriceRuleView) => PriceTarget) => (
    <div className="table-wrap">
      <table className="table price-table">
        {head}
        <tbody>
          {rulesOfKind(rules, kind).map(([key, v]) => {
            const r = (v.current ?? v.all[0]) as PriceRuleView;
            return row(key, nameOf(r), v, rText, targetOf(r));
          })}
        </tbody>
      </table>
    </div>
  );

  const coworking = rules.get('coworking_day');
  const firstMonth = rulesOfKind(rules, 'first_month_free');

  return (
    <div className="pricing" data-testid="pricing-panel">
      <p className="muted pricing-note">{t('pricing.lead')}</p>
      {section('machines', t('pricing.machines'), t('pricing.machinesLead'), table('machine_time', (r) => ({ kind: 'machine_time', id: r.machine?.id ?? '', name: nameOf(r), rule: rules.get(r.key)?.current ?? null })))}
      {section('materials', t('pricing.materials'), t('pricing.materialsLead'), table('material', (r) => ({ kind: 'material', id: r.material?.id ?? '', name: nameOf(r), rule: rules.get(r.key)?.current ?? r })))}
      {section('items', t('pricing.items'), t('pricing.itemsLead'), table('shop_item', (r) => ({ kind: 'shop_item', id: r.shopItem?.id ?? '', name: nameOf(r), rule: rules.get(r.key)?.current ?? r })))}
      {section(
        'access',
        t('pricing.access'),
        t('pricing.accessLead'),
        <div className="table-wrap">
          <table className="table price-table">
            {head}
            <tbody>
              {coworking ? row('coworking_day', t('pricing.coworkingDay'), coworking, rText, { kind: 'coworking_day', name: t('pricing.coworkingDay'), rule: coworking.current }) : null}
              {firstMonth.map(([key, v]) => row(key, t('pricing.firstMonthFree'), v, rText, { kind: 'first_month_free', name: t('pricing.firstMonthFree'), rule: v.current }))}
            </tbody>
          </table>
        </div>,
      )}
      {section(
        'discounts',
        t('pricing.discounts'),
        t('pricing.discountsLead'),
        <div className="table-wrap">
          <table className="table discount-table" data-testid="discount-table">
            <thead>
              <tr>
                <th scope="col">{t('pricing.col.profile')}</th>
                {scopes.map((s) => (
                  <th key={s} scope="col" className="num">
                    {t(`pricing.scope.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(catalog?.profiles ?? []).map((p) => (
                <tr key={p.id} data-testid="discount-row" data-category={p.id}>
                  <th scope="row">{pick(p.name, lang)}</th>
                  {scopes.map((s) => {
                    const v = discountVersions(rules, p.id, s);
                    const cur = v?.current ?? null;
                    const value = cur && cur.active ? (cur.discountPct ?? 0) : 0;
                    return (
                      <td key={s} className="num">
                        <button
                          type="button"
                          className={`discount-cell ${value > 0 ? 'has-discount' : ''}`}
                          data-testid="discount-cell"
                          data-scope={s}
                          data-value={value}
                          aria-label={t('pricing.discountFor', { profile: pick(p.name, lang), scope: t(`pricing.scope.${s}`) })}
                          onClick={() => setEditing({ kind: 'category_discount', category: p.id, scope: s, name: `${pick(p.name, lang)} · ${t(`pricing.scope.${s}`)}`, rule: cur })}
                        >
                          {value > 0 ? t('pricing.percent', { value }) : '—'}
                          {v?.next ? <span className="discount-next">→ {rText(v.next)}</span> : null}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      )}
      {section(
        'plans',
        t('pricing.plans'),
        t('pricing.plansLead'),
        <div className="table-wrap">
          <table className="table price-table">
            {head}
            <tbody>
              {[...plans].map(([planId, v]) => {
                const p = (v.current ?? v.all[0]) as PlanTermsView;
                return row(`plan:${planId}`, pick(p.name, lang), v, pText, { kind: 'plan', name: pick(p.name, lang), plan: v.current ?? p });
              })}
            </tbody>
          </table>
        </div>,
      )}
      {editing ? (
        <PriceEditDialog
          target={editing}
          onCancel={() => setEditing(null)}
          onDone={(g: PricingGrid) => {
            setEditing(null);
            // The update answers with the grid in force, without history: read it again with it.
            void call('pricing.grid', { history: true })
              .then(set)
              .catch(() => set(g));
          }}
        />
      ) : null}
    </div>
  );
}
