// A progress bar with its label and percentage, for anything that takes more than a second. Without
// a fraction it runs as "working on it" (the back end has not said how far it is yet).
import { formatPercent, type Lang } from '../lib/format';

export function Progress({ label, fraction, lang, testId }: { label: string; fraction: number | null; lang: Lang; testId?: string }) {
  const value = fraction === null ? null : Math.min(1, Math.max(0, fraction));
  return (
    <div className="progress" data-testid={testId} data-fraction={value ?? undefined}>
      <div className="progress-text">
        <span>{label}</span>
        {value !== null ? <span className="progress-value">{formatPercent(value, lang)}</span> : null}
      </div>
      {/* The native element: styled in CSS, accessible, and no inline style for the CSP to refuse. */}
      <progress className="progress-bar" max={1} value={value ?? undefined} aria-label={label} />
    </div>
  );
}
