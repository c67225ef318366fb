// Pieces of the commands' text reports: a duration as a person reads it, and the analyser's findings
// one a line.
import type { TFunction } from 'i18next';
import type { Finding } from '../../jobs/gcode';

export function duration(s: number): string {
  const total = Math.round(s);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : m > 0 ? `${m} min ${String(sec).padStart(2, '0')} s` : `${sec} s`;
}

export function findingLines(findings: readonly Finding[], t: TFunction): string[] {
  return findings.map((f) =>
    t('report.finding', {
      severity: t(`severity.${f.severity}`, { ns: 'findings' }),
      line: f.line,
      text: t(f.code, { ns: 'findings', ...f.params, defaultValue: f.message }),
    }),
  );
}
