// Where the head is and how it moves: X/Y/Z (work and machine coordinates), feed, laser power or
// spindle, Grbl's overrides and the firmware's word for its state. Mostly for trainers and the curious.
import { useTranslation } from 'react-i18next';
import type { MachineLive, MachineSummary } from '../../electron/api/types';
import { CrosshairIcon } from '../components/icons';
import { formatNumber, formatPercent, type Lang } from '../lib/format';
import { formatAxis, spindleShare } from './job-format';
import { detailKey } from './motion';

export function MotionPanel({ live, machine, lang }: { live: MachineLive; machine: MachineSummary; lang: Lang }) {
  const { t } = useTranslation();
  const work = live.workPosition;
  const pos = work ?? live.position;
  const key = detailKey(live.detail);
  const share = spindleShare(live.spindle, machine.maxSpindleS);
  const laser = machine.kind === 'laser';
  // Grbl's state words mean something to a trainer; Marlin's `busy: processing` does not.
  const detail = machine.firmware === 'grbl' ? live.detail : null;
  if (!pos && (machine.firmware !== 'grbl' || (live.feedMmMin === null && !detail && !live.overrides))) return null;
  return (
    <section className="card board-panel motion-panel" aria-labelledby={`motion-${live.machineId}`} data-testid="motion">
      <h2 id={`motion-${live.machineId}`} className="panel-title">
        <CrosshairIcon />
        {t('board.motion')}
      </h2>
      {detail ? (
        <p className="motion-detail" data-testid="motion-detail">
          {key ? t(`board.detail.${key}`) : detail}
          {key ? <span className="raw"> ({detail})</span> : null}
        </p>
      ) : null}
      {pos ? (
        <div className="axes" data-testid="position">
          {(['x', 'y', 'z'] as const).map((a) => (
            <div key={a} className="axis">
              <span className="axis-name">{a.toUpperCase()}</span>
              <span className="axis-value">{formatAxis(pos[a], lang)}</span>
              {work && live.position ? <span className="axis-machine">{t('board.machinePos', { value: formatAxis(live.position[a], lang) })}</span> : null}
            </div>
          ))}
        </div>
      ) : null}
      <dl className="facts motion-facts">
        {live.feedMmMin !== null ? (
          <div>
            <dt>{t('board.feed')}</dt>
            <dd>{t('board.feedValue', { value: formatNumber(live.feedMmMin, lang, 0) })}</dd>
          </div>
        ) : null}
        {live.spindle !== null && machine.firmware === 'grbl' ? (
          <div>
            <dt>{laser ? t('board.laserPower') : t('board.spindle')}</dt>
            <dd>
              {share !== null ? formatPercent(share, lang) : formatNumber(live.spindle, lang, 0)}
              {share !== null ? <span className="raw"> (S{formatNumber(live.spindle, lang, 0)})</span> : null}
            </dd>
          </div>
        ) : null}
        {live.overrides ? (
          <div className="wide">
            <dt>{t('board.overrides')}</dt>
            <dd>
              {t('board.overridesValue', {
                feed: formatPercent(live.overrides.feed / 100, lang),
                rapid: formatPercent(live.overrides.rapid / 100, lang),
                spindle: formatPercent(live.overrides.spindle / 100, lang),
              })}
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
