// Previous / "step n of N" with its dots / next, under a module's step. On the last step the "next"
// place holds what comes after (the quiz, or the end of a presentation).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowIcon, BackIcon } from '../components/icons';

export function StepPager({
  index,
  count,
  onPrev,
  onNext,
  finish,
  large = false,
}: {
  index: number;
  count: number;
  onPrev(): void;
  onNext(): void;
  finish?: ReactNode;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const last = index >= count - 1;
  return (
    <nav className={`pager${large ? ' pager-large' : ''}`} aria-label={t('training.stepNav')}>
      <button type="button" className="btn btn-secondary btn-huge" data-testid="step-prev" disabled={index <= 0} onClick={onPrev}>
        <BackIcon />
        <span>{t('training.prev')}</span>
      </button>
      <div className="pager-middle">
        <p className="pager-count" data-testid="step-count" data-index={index} data-count={count}>
          {t('training.stepOf', { n: index + 1, count })}
        </p>
        {/* Dots to see the way through, not to tap: too small for a finger. */}
        <ol className="pager-dots" aria-hidden="true">
          {Array.from({ length: count }, (_, i) => (
            <li key={i} className={i === index ? 'is-current' : i < index ? 'is-done' : ''} />
          ))}
        </ol>
      </div>
      {last && finish ? (
        finish
      ) : (
        <button type="button" className="btn btn-primary btn-huge" data-testid="step-next" disabled={last} onClick={onNext}>
          <span>{t('training.next')}</span>
          <ArrowIcon direction="right" />
        </button>
      )}
    </nav>
  );
}
