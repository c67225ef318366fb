// − value + : quantities and minutes by touch, each tap one step; the value in between reads from a
// step back.
import { MinusIcon, PlusIcon } from '../components/icons';

export function Stepper({
  value,
  label,
  lessLabel,
  moreLabel,
  canLess,
  canMore,
  onLess,
  onMore,
  testId,
}: {
  value: string;
  label: string;
  lessLabel: string;
  moreLabel: string;
  canLess: boolean;
  canMore: boolean;
  onLess(): void;
  onMore(): void;
  testId: string;
}) {
  return (
    <div className="stepper" role="group" aria-label={label} data-testid={testId}>
      <button type="button" className="stepper-btn" aria-label={lessLabel} data-testid={`${testId}-less`} disabled={!canLess} onClick={onLess}>
        <MinusIcon size={30} />
      </button>
      <output className="stepper-value" data-testid={`${testId}-value`} aria-live="polite">
        {value}
      </output>
      <button type="button" className="stepper-btn" aria-label={moreLabel} data-testid={`${testId}-more`} disabled={!canMore} onClick={onMore}>
        <PlusIcon size={30} />
      </button>
    </div>
  );
}
