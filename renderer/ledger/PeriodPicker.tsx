// Which days: a tap on this month, last month, the quarter, the year or last year; or two days picked
// by hand (checked before anything is asked of the back end).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarIcon } from '../components/icons';
import { formatDate } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { dayDate, parisDay, periodPresets, periodProblem, presetOf, presetPeriod, type Period, type PeriodPreset } from './periods';

export function PeriodPicker({
  period,
  onChange,
  presets = periodPresets,
  testId = 'period',
}: {
  period: Period;
  onChange(period: Period): void;
  presets?: readonly PeriodPreset[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const { lang } = useKiosk();
  const today = parisDay(new Date());
  const preset = presetOf(period, today);
  const [custom, setCustom] = useState(preset === null);
  const [draft, setDraft] = useState<Period>(period);
  const problem = periodProblem(draft);

  const choose = (p: PeriodPreset) => {
    setCustom(false);
    const next = presetPeriod(p, today);
    setDraft(next);
    onChange(next);
  };

  return (
    <div className="period-picker" data-testid={testId}>
      <div className="segmented period-presets" role="group" aria-label={t('ledger.period.label')}>
        {presets.map((p) => (
          <button key={p} type="button" data-testid={`${testId}-${p}`} aria-pressed={!custom && preset === p} onClick={() => choose(p)}>
            {t(`ledger.period.${p}`)}
          </button>
        ))}
        <button type="button" data-testid={`${testId}-custom`} aria-pressed={custom} onClick={() => setCustom(true)}>
          {t('ledger.period.custom')}
        </button>
      </div>
      {custom ? (
        <div className="period-custom">
          <label>
            <span className="field-label">{t('ledger.period.from')}</span>
            <input type="date" className="text-input" data-testid={`${testId}-from`} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          </label>
          <label>
            <span className="field-label">{t('ledger.period.to')}</span>
            <input type="date" className="text-input" data-testid={`${testId}-to`} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          </label>
          <button type="button" className="btn btn-primary" data-testid={`${testId}-apply`} disabled={problem !== null} onClick={() => onChange(draft)}>
            <CalendarIcon />
            <span>{t('ledger.period.apply')}</span>
          </button>
          {problem ? (
            <p className="form-error" role="alert" data-problem={problem}>
              {t(`ledger.period.problem.${problem}`)}
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="period-readout" data-testid={`${testId}-readout`} data-from={period.from} data-to={period.to}>
        {t('ledger.period.readout', { from: formatDate(dayDate(period.from), lang), to: formatDate(dayDate(period.to), lang) })}
      </p>
    </div>
  );
}
