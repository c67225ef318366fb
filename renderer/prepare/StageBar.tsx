// The progress of a preparation on the back end: the stage it is at in words, and one bar across all
// of its stages.
import { useTranslation } from 'react-i18next';
import { Progress } from '../components/Progress';
import type { Lang } from '../lib/format';
import { overallFraction } from './stages';
import type { PrepareStage, StageProgress } from './usePrepareProgress';

export function StageBar({ progress, stages, lang, testId }: { progress: StageProgress; stages: readonly PrepareStage[]; lang: Lang; testId: string }) {
  const { t } = useTranslation();
  const label = progress.stage ? t(`prepare.stage.${progress.stage}`) : t('prepare.stage.start');
  return (
    <div className="stage-bar" data-testid={testId} data-stage={progress.stage ?? ''}>
      <Progress label={label} fraction={overallFraction(progress.stage, progress.fraction, stages)} lang={lang} />
    </div>
  );
}
