// A change of the grid: the new value (a price, a percentage, the free months, a plan's terms), from
// when (now, the first of next month, or a day), and why. The back end writes a new version and
// audits it; what was already charged keeps its price.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, PlanTermsView, PriceRuleView, PriceScope, PricingGrid } from '../../electron/api/types';
import { toApiError } from '../api/client';
import { amountText, parseAmount } from '../ledger/amounts';
import { FormDialog } from '../ledger/FormDialog';
import { NumberPad } from '../ledger/NumberPad';
import { addDays, isDay, parisDay, parisMidnight, presetPeriod } from '../ledger/periods';
import { Stepper } from '../ledger/Stepper';
import { TextEntry } from '../ledger/TextEntry';
import { formatDuration, formatMoney } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { planValueText, ruleValueText, typedPriceCents } from './rule-text';

export type PriceTarget =
  | { kind: 'machine_time'; id: string; name: string; rule: PriceRuleView | null }
  | { kind: 'material'; id: string; name: string; rule: PriceRuleView | null }
  | { kind: 'shop_item'; id: string; name: string; rule: PriceRuleView | null }
  | { kind: 'coworking_day'; name: string; rule: PriceRuleView | null }
  | { kind: 'category_discount'; category: string; scope: PriceScope; name: string; rule: PriceRuleView | null }
  | { kind: 'first_month_free'; name: string; rule: PriceRuleView | null }
  | { kind: 'plan'; name: string; plan: PlanTermsView };

type When = 'now' | 'nextMonth' | 'day';
const percentChips = [0, 10, 20, 25, 30, 50, 100] as const;
const periods = ['month', 'quarter', 'year', 'once'] as const;

export function PriceEditDialog({ target, onDone, onCancel }: { target: PriceTarget; onDone(grid: PricingGrid): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { call, lang, info } = useKiosk();
  const rule = target.kind === 'plan' ? null : target.rule;
  const plan = target.kind === 'plan' ? target.plan : null;
  const [price, setPrice] = useState(() => amountText(plan ? plan.priceCents : rule ? typedPriceCents(rule) : 0, lang));
  const [percent, setPercent] = useState(rule?.discountPct ?? 0);
  const [active, setActive] = useState(plan ? plan.active : (rule?.active ?? true));
  const [months, setMonths] = useState(rule?.months ?? 1);
  const [period, setPeriod] = useState<(typeof periods)[number]>(plan?.period ?? 'month');
  const [days, setDays] = useState<number | null>(plan ? plan.includedDays : null);
  const [minutes, setMinutes] = useState(plan?.machineMinutesPerMonth ?? 0);
  const [when, setWhen] = useState<When>('now');
  const today = parisDay(new Date());
  const [day, setDay] = useState(addDays(today, 1));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const cents = parseAmount(price);
  const money = (c: number) => formatMoney(c, info.currency, lang);
  const current = plan ? planValueText(plan, t, lang, info.currency) : rule ? ruleValueText(rule, t, lang, info.currency) : null;

  const effectiveFrom = when === 'now' ? undefined : when === 'nextMonth' ? parisMidnight(addDays(presetPeriod('thisMonth', today).to, 1)) : isDay(day) && day > today ? parisMidnight(day) : null;
  const takesPrice = target.kind === 'machine_time' || target.kind === 'material' || target.kind === 'shop_item' || target.kind === 'coworking_day' || target.kind === 'plan';
  const ok = effectiveFrom !== null && (!takesPrice || cents !== null);

  const submit = async () => {
    if (effectiveFrom === null) return;
    const change = { ...(effectiveFrom ? { effectiveFrom } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) };
    const c = cents ?? 0;
    setBusy(true);
    setError(null);
    try {
      let grid: PricingGrid;
      switch (target.kind) {
        case 'machine_time':
          grid = await call('pricing.update', { kind: 'machine_time', machineId: target.id, ratePerHourCents: c, ...change });
          break;
        case 'material':
          grid = await call('pricing.update', { kind: 'material', materialId: target.id, priceCents: c, ...change });
          break;
        case 'shop_item':
          grid = await call('pricing.update', { kind: 'shop_item', itemId: target.id, priceCents: c, ...change });
          break;
        case 'coworking_day':
          grid = await call('pricing.update', { kind: 'coworking_day', priceCents: c, ...change });
          break;
        case 'category_discount':
          grid = await call('pricing.update', { kind: 'category_discount', profileCategory: target.category, scope: target.scope, percent, ...change });
          break;
        case 'first_month_free':
          grid = await call('pricing.update', { kind: 'first_month_free', active, months, ...change });
          break;
        case 'plan':
          grid = await call('pricing.update', {
            kind: 'plan',
            planId: target.plan.planId,
            priceCents: c,
            period,
            includedDays: target.plan.coversCoworking ? days : null,
            machineMinutesPerMonth: minutes,
            active,
            ...change,
          });
          break;
      }
      onDone(grid);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const priceLabel =
    target.kind === 'machine_time'
      ? t('pricing.edit.perHour')
      : target.kind === 'material' && rule?.unit === 'g'
        ? t('pricing.edit.perKg')
        : target.kind === 'material' && rule?.unit === 'sheet'
          ? t('pricing.edit.perSheet')
          : target.kind === 'material' && rule?.unit === 'm'
            ? t('pricing.edit.perMetre')
            : target.kind === 'coworking_day'
              ? t('pricing.edit.perDay')
              : t('pricing.edit.price');

  return (
    <FormDialog
      title={t('pricing.edit.title', { name: target.name })}
      lead={current ? t('pricing.edit.current', { value: current }) : t('pricing.edit.lead')}
      confirmLabel={t('pricing.edit.confirm')}
      canConfirm={ok}
      busy={busy}
      error={error}
      testId="price-dialog"
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <div className="form-columns">
        <div className="form-stack">
          {takesPrice ? <NumberPad value={price} onChange={setPrice} label={priceLabel} reading={cents !== null ? money(cents) : null} testId="price-amount" /> : null}
          {target.kind === 'category_discount' ? (
            <>
              <span className="field-label">{t('pricing.edit.discount')}</span>
              <Stepper
                value={t('pricing.percent', { value: percent })}
                label={t('pricing.edit.discount')}
                lessLabel={t('ledger.ui.less')}
                moreLabel={t('ledger.ui.more')}
                canLess={percent > 0}
                canMore={percent < 100}
                onLess={() => setPercent((p) => Math.max(0, p - 5))}
                onMore={() => setPercent((p) => Math.min(100, p + 5))}
                testId="price-percent"
              />
              <div className="chips">
                {percentChips.map((p) => (
                  <button key={p} type="button" className="chip" aria-pressed={percent === p} onClick={() => setPercent(p)}>
                    {t('pricing.percent', { value: p })}
                  </button>
                ))}
              </div>
            </>
          ) : null}
          {target.kind === 'first_month_free' ? (
            <>
              <button type="button" className="chip" aria-pressed={active} data-testid="price-active" onClick={() => setActive((a) => !a)}>
                {active ? t('pricing.edit.on') : t('pricing.edit.off')}
              </button>
              <Stepper
                value={t('pricing.freeMonths', { count: months })}
                label={t('pricing.edit.months')}
                lessLabel={t('ledger.ui.less')}
                moreLabel={t('ledger.ui.more')}
                canLess={months > 1}
                canMore={months < 12}
                onLess={() => setMonths((m) => Math.max(1, m - 1))}
                onMore={() => setMonths((m) => Math.min(12, m + 1))}
                testId="price-months"
              />
            </>
          ) : null}
        </div>
        <div className="form-stack">
          {target.kind === 'plan' ? (
            <>
              <span className="field-label">{t('pricing.edit.period')}</span>
              <div className="segmented" role="group" aria-label={t('pricing.edit.period')}>
                {periods.map((p) => (
                  <button key={p} type="button" aria-pressed={period === p} onClick={() => setPeriod(p)}>
                    {t(`pricing.period.${p}`)}
                  </button>
                ))}
              </div>
              {target.plan.coversCoworking ? (
                <>
                  <span className="field-label">{t('pricing.edit.days')}</span>
                  <div className="inline-controls">
                    <button type="button" className="chip" aria-pressed={days === null} onClick={() => setDays((d) => (d === null ? 20 : null))}>
                      {t('pricing.daysUnlimited')}
                    </button>
                    {days !== null ? (
                      <Stepper
                        value={t('pricing.days', { count: days })}
                        label={t('pricing.edit.days')}
                        lessLabel={t('ledger.ui.less')}
                        moreLabel={t('ledger.ui.more')}
                        canLess={days > 0}
                        canMore={days < 366}
                        onLess={() => setDays((d) => Math.max(0, (d ?? 0) - 1))}
                        onMore={() => setDays((d) => Math.min(366, (d ?? 0) + 1))}
                        testId="price-days"
                      />
                    ) : null}
                  </div>
                </>
              ) : null}
              <span className="field-label">{t('pricing.edit.machineMinutes')}</span>
              <Stepper
                value={minutes === 0 ? t('pricing.edit.noMachineTime') : formatDuration(minutes * 60, lang)}
                label={t('pricing.edit.machineMinutes')}
                lessLabel={t('ledger.ui.less')}
                moreLabel={t('ledger.ui.more')}
                canLess={minutes > 0}
                canMore={minutes < 44_640}
                onLess={() => setMinutes((m) => Math.max(0, m - 15))}
                onMore={() => setMinutes((m) => Math.min(44_640, m + 15))}
                testId="price-minutes"
              />
              <button type="button" className="chip" aria-pressed={active} data-testid="price-active" onClick={() => setActive((a) => !a)}>
                {active ? t('pricing.edit.planOn') : t('pricing.edit.planOff')}
              </button>
            </>
          ) : null}
          <span className="field-label">{t('pricing.edit.when')}</span>
          <div className="segmented" role="group" aria-label={t('pricing.edit.when')}>
            {(['now', 'nextMonth', 'day'] as const).map((w) => (
              <button key={w} type="button" aria-pressed={when === w} data-testid={`price-when-${w}`} onClick={() => setWhen(w)}>
                {t(`pricing.edit.whenOption.${w}`)}
              </button>
            ))}
          </div>
          {when === 'day' ? (
            <label>
              <span className="visually-hidden">{t('pricing.edit.when')}</span>
              <input type="date" className="text-input" min={addDays(today, 1)} value={day} data-testid="price-day" onChange={(e) => setDay(e.target.value)} />
            </label>
          ) : null}
          {when === 'day' && effectiveFrom === null ? <p className="form-error">{t('pricing.edit.futureOnly')}</p> : null}
          <TextEntry label={t('pricing.edit.reason')} value={reason} onChange={setReason} maxLength={300} testId="price-reason" />
        </div>
      </div>
    </FormDialog>
  );
}
