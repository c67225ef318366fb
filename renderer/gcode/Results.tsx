// What the check found: the verdict first (can it go to the machine?), then the figures a maker
// asks about (how long, how much filament, how big, how hot), then every finding in words.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GcodeAnalysis, MachineSummary, Material } from '../../electron/api/types';
import { AlertIcon, BoltIcon, CheckIcon, ClockIcon, JobIcon, LayersIcon, RulerIcon, SpoolIcon, ThermometerIcon, WarningIcon } from '../components/icons';
import { MachineIllustration } from '../components/MachineIllustration';
import { formatBytes, formatDuration, formatLength, formatNumber, formatUnit, formatWorkArea, pick, type Lang } from '../lib/format';
import { findingText, severityText } from './findings';
import { jobSize, leavesWorkArea, slicerEstimateS, verdict } from './summary';

/** The bar over a job's results: the machine and material, the file, and the screen's own actions. */
export function JobBar({
  label,
  machine,
  material,
  fileName,
  sizeBytes,
  lang,
  children,
}: {
  label: string;
  machine: MachineSummary;
  material: Material | null;
  fileName: string;
  sizeBytes: number;
  lang: Lang;
  children: ReactNode;
}) {
  return (
    <section className="card job-bar" aria-label={label}>
      <span className="job-art">
        <MachineIllustration kind={machine.kind} />
      </span>
      <div className="job-what">
        <p className="job-machine">
          {machine.name}
          {material ? <span className="muted"> · {pick(material.name, lang)}</span> : null}
        </p>
        <p className="job-file" title={fileName}>
          <JobIcon size={20} />
          <span className="job-file-name">{fileName}</span>
          <span className="job-file-size">{formatBytes(sizeBytes, lang)}</span>
        </p>
      </div>
      <div className="job-actions">{children}</div>
    </section>
  );
}

export function VerdictBanner({ analysis, machine }: { analysis: GcodeAnalysis; machine: MachineSummary }) {
  const { t } = useTranslation();
  const v = verdict(analysis.findings);
  const errors = v.kind === 'refused' ? v.errors : 0;
  return (
    <div className={`verdict verdict-${v.kind}`} data-testid="gcode-verdict" data-errors={errors} role="status">
      <span className="verdict-icon" aria-hidden="true">
        {v.kind === 'refused' ? <AlertIcon size={40} /> : <CheckIcon size={40} />}
      </span>
      <div>
        <p className="verdict-title">
          {v.kind === 'refused'
            ? t('gcode.verdictRefused', { count: v.errors })
            : v.kind === 'warnings'
              ? t('gcode.verdictWarnings', { count: v.warnings })
              : t('gcode.verdictOk')}
        </p>
        <p className="verdict-text">
          {v.kind === 'refused' ? t('gcode.verdictRefusedText', { machine: machine.name }) : t('gcode.verdictOkText', { machine: machine.name })}
        </p>
      </div>
    </div>
  );
}

function Figure({
  icon,
  label,
  value,
  sub,
  testId,
  data,
  tone,
  wide = false,
}: {
  icon: ReactNode;
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  testId?: string;
  data?: Record<`data-${string}`, string | number>;
  tone: 'terra' | 'green' | 'ochre' | 'stone';
  wide?: boolean;
}) {
  return (
    <div className={`figure figure-${tone}${wide ? ' figure-wide' : ''}`} data-testid={testId} {...data}>
      <dt>
        <span className="figure-icon" aria-hidden="true">
          {icon}
        </span>
        {label}
      </dt>
      <dd className="figure-value">{value}</dd>
      {sub ? <dd className="figure-sub">{sub}</dd> : null}
    </div>
  );
}

/** Tenths of a millimetre on a small job, whole millimetres on a big one; no height for flat jobs. */
function roundSize(size: { x: number; y: number; z: number }, withHeight: boolean): { x: number; y: number; z: number } {
  const r = (v: number) => (v >= 100 ? Math.round(v) : Math.round(v * 10) / 10);
  return { x: r(size.x), y: r(size.y), z: withHeight ? r(size.z) : 0 };
}

export function Figures({
  analysis,
  machine,
  material,
  lang,
}: {
  analysis: GcodeAnalysis;
  machine: MachineSummary;
  material: Material | null;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const slicerS = slicerEstimateS(analysis.slicer);
  // "2.6.1+win64" → "2.6.1": the build's platform means nothing to a maker.
  const slicerName = [analysis.slicer.name, analysis.slicer.version?.replace(/\+.*$/, '')].filter(Boolean).join(' ');
  const size = jobSize(analysis.bounds);
  const mm = (v: number) => formatNumber(v, lang, 1);
  const heights = analysis.layerHeights;
  const fdm = machine.kind === 'fdm';
  const laser = machine.kind === 'laser';
  const { nozzle, bed } = analysis.temperatures;

  return (
    <dl className="figures" data-testid="gcode-figures">
      <Figure
        icon={<ClockIcon size={22} />}
        tone="terra"
        label={t('gcode.duration')}
        value={formatDuration(analysis.durationS, lang)}
        testId="gcode-duration"
        data={{ 'data-seconds': Math.round(analysis.durationS) }}
        sub={
          slicerS !== null
            ? slicerName
              ? t('gcode.slicerEstimate', { slicer: slicerName, time: formatDuration(slicerS, lang) })
              : t('gcode.slicerUnknown', { time: formatDuration(slicerS, lang) })
            : t('gcode.noSlicerEstimate')
        }
      />
      {fdm ? (
        <Figure
          icon={<SpoolIcon size={22} />}
        tone="green"
          label={t('gcode.filament')}
          value={t('gcode.filamentValue', {
            length: formatUnit(analysis.filamentMm / 1000, 'meter', lang, analysis.filamentMm < 10_000 ? 2 : 1),
            mass: formatUnit(analysis.filamentG, 'gram', lang, analysis.filamentG < 100 ? 1 : 0),
          })}
          sub={material ? pick(material.name, lang) : undefined}
          testId="gcode-filament"
          data={{ 'data-mm': Math.round(analysis.filamentMm * 10) / 10, 'data-g': Math.round(analysis.filamentG * 100) / 100 }}
        />
      ) : laser ? (
        <Figure
          icon={<BoltIcon size={22} />}
        tone="green"
          label={t('gcode.laserOn')}
          value={formatDuration(analysis.laserOnS, lang)}
          sub={t('gcode.laserDistance', { length: formatLength(analysis.laserOnMm, lang) })}
          testId="gcode-laser"
          data={{ 'data-seconds': Math.round(analysis.laserOnS), 'data-mm': Math.round(analysis.laserOnMm) }}
        />
      ) : (
        <Figure
          icon={<BoltIcon size={22} />}
        tone="green"
          label={t('gcode.workTime')}
          value={formatDuration(analysis.workS, lang)}
          sub={t('gcode.workDistance', { length: formatLength(analysis.workMm, lang) })}
          testId="gcode-work"
        />
      )}
      {fdm || analysis.layers > 1 ? (
        <Figure
          icon={<LayersIcon size={22} />}
        tone="ochre"
          label={t('gcode.layers')}
          value={formatNumber(analysis.layers, lang, 0)}
          sub={
            heights
              ? heights.min === heights.max
                ? t('gcode.layerHeight', { height: formatUnit(heights.min, 'millimeter', lang, 2) })
                : t('gcode.layerHeights', { min: mm(heights.min), max: formatUnit(heights.max, 'millimeter', lang, 2) })
              : undefined
          }
          testId="gcode-layers"
          data={{ 'data-count': analysis.layers }}
        />
      ) : null}
      {fdm ? (
        <Figure
          icon={<ThermometerIcon size={22} />}
        tone="terra"
          label={t('gcode.temperatures')}
          value={
            nozzle === null && bed === null ? (
              t('gcode.noTemperature')
            ) : (
              <>
                {nozzle !== null ? <span className="figure-line">{t('gcode.nozzle', { value: formatUnit(nozzle, 'celsius', lang, 0) })}</span> : null}
                {bed !== null ? <span className="figure-line">{t('gcode.bed', { value: formatUnit(bed, 'celsius', lang, 0) })}</span> : null}
              </>
            )
          }
          testId="gcode-temperatures"
        />
      ) : null}
      <Figure
        icon={<RulerIcon size={22} />}
        tone="stone"
        label={t('gcode.size')}
        value={size ? formatWorkArea(roundSize(size, fdm || machine.kind === 'cnc'), lang) : '—'}
        sub={
          machine.workArea ? (
            <>
              <span className={leavesWorkArea(analysis.findings) ? 'tag tag-bad' : 'tag tag-ok'}>
                {leavesWorkArea(analysis.findings) ? t('gcode.outside') : t('gcode.fits')}
              </span>{' '}
              {t('gcode.machineArea', { area: formatWorkArea(machine.workArea, lang) })}
            </>
          ) : undefined
        }
        testId="gcode-size"
        wide
      />
    </dl>
  );
}

export function Findings({ analysis, lang }: { analysis: GcodeAnalysis; lang: Lang }) {
  const { t, i18n } = useTranslation();
  const list = analysis.findings;
  return (
    <section className="card findings-card" aria-labelledby="findings-title">
      <h2 id="findings-title" className="panel-title">
        {t('gcode.findings')}
        {list.length > 0 ? <span className="pill">{formatNumber(list.length, lang, 0)}</span> : null}
      </h2>
      {list.length === 0 ? (
        <p className="findings-none" data-testid="gcode-findings" data-count={0}>
          <CheckIcon />
          <span>{t('gcode.findingsNone')}</span>
        </p>
      ) : (
        <ul className="findings" data-testid="gcode-findings" data-count={list.length}>
          {list.map((f, i) => (
            <li key={`${f.code}-${f.line}-${i}`} className={`finding finding-${f.severity}`} data-testid="gcode-finding" data-code={f.code} data-severity={f.severity}>
              <span className="finding-icon" aria-hidden="true">
                {f.severity === 'error' ? <AlertIcon /> : <WarningIcon />}
              </span>
              <div className="finding-body">
                <p className="finding-head">
                  <span className="finding-severity">{severityText(f.severity, i18n, lang)}</span>
                  <span className="finding-line">{f.line > 0 ? t('gcode.line', { line: formatNumber(f.line, lang, 0) }) : t('gcode.wholeFile')}</span>
                </p>
                <p className="finding-text">{findingText(f, i18n, lang)}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
