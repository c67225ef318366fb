// One step of a safety module: its picture in big, what kind of step it is, its title, its text and
// the points to remember. The same view, larger, is the big screen's during a trainer session.
import { useTranslation } from 'react-i18next';
import type { ModuleStep } from '../../electron/api/types';
import { CheckIcon } from '../components/icons';
import { TextBlocks } from '../components/TextBlocks';
import { pick, type Lang } from '../lib/format';
import { ModuleImage } from './ModuleImage';

/** "Ce qui peut mal tourner" twice (kind and title) says nothing more: the kind is left out then. */
function same(a: string, b: string): boolean {
  const norm = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

export function StepView({ code, step, lang, presenter = false }: { code: string; step: ModuleStep; lang: Lang; presenter?: boolean }) {
  const { t } = useTranslation();
  const title = pick(step.title, lang);
  return (
    <article className={`step-view step-kind-${step.kind}${presenter ? ' step-presenter' : ''}`} data-testid="module-step" data-step={step.id}>
      <div className="step-art">
        <ModuleImage code={code} file={step.image} alt={title} />
      </div>
      <div className="step-text">
        {same(t(`stepKind.${step.kind}`), title) ? null : <p className={`step-kind kind-${step.kind}`}>{t(`stepKind.${step.kind}`)}</p>}
        <h2 className="step-title">{title}</h2>
        {/* On the big screen the points carry the step (the trainer says the rest); the text shows when there are none. */}
        {presenter && step.points.length > 0 ? null : <TextBlocks text={pick(step.body, lang)} className="step-body" />}
        {step.points.length > 0 ? (
          <ul className="step-points">
            {step.points.map((p, i) => (
              <li key={i}>
                <CheckIcon size={26} />
                <span>{pick(p, lang)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  );
}
