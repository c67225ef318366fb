// The trainer hands the kiosk to one participant for the quiz: their name in big first (so the right
// person answers), then the questions, then their result, then back to the trainer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleContent, QuizResult } from '../../electron/api/types';
import { ArrowIcon, BackIcon, UserIcon } from '../components/icons';
import { pick } from '../lib/format';
import { useKiosk } from '../state/kiosk';
import { answersPayload } from '../training/quiz';
import { QuizResultView } from '../training/QuizResultView';
import { QuizRunner } from '../training/QuizRunner';

export function ParticipantQuiz({
  sessionId,
  module,
  memberId,
  name,
  onDone,
}: {
  sessionId: string;
  module: ModuleContent;
  memberId: string;
  name: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { call, lang } = useKiosk();
  const [stage, setStage] = useState<'handover' | 'quiz' | { result: QuizResult }>('handover');

  return (
    <div className="handover" data-testid="participant-quiz" data-member={memberId}>
      {stage === 'handover' ? (
        <div className="handover-card">
          <UserIcon size={72} />
          <p className="kicker">{t('sessions.handoverTurn')}</p>
          <p className="handover-name" data-testid="handover-name">
            {name}
          </p>
          <p className="handover-text">{t('sessions.handoverText', { module: pick(module.title, lang), count: module.content.quiz.length })}</p>
          <div className="handover-actions">
            <button type="button" className="btn btn-secondary btn-huge" data-testid="handover-cancel" onClick={onDone}>
              <BackIcon />
              <span>{t('sessions.handoverCancel')}</span>
            </button>
            <button type="button" className="btn btn-primary btn-huge" data-testid="handover-start" onClick={() => setStage('quiz')}>
              <span>{t('sessions.handoverStart', { name })}</span>
              <ArrowIcon direction="right" />
            </button>
          </div>
        </div>
      ) : stage === 'quiz' ? (
        <div className="handover-quiz">
          <p className="handover-who">
            <UserIcon size={26} />
            {name} · {pick(module.title, lang)}
          </p>
          <QuizRunner
            questions={module.content.quiz}
            lang={lang}
            onBack={() => setStage('handover')}
            onSubmit={async (answers) => {
              const result = await call('sessions.submitQuiz', { sessionId, memberId, answers: answersPayload(answers, module.content.quiz) });
              setStage({ result });
            }}
          />
        </div>
      ) : (
        <div className="handover-quiz">
          <QuizResultView
            result={stage.result}
            questions={module.content.quiz}
            lang={lang}
            who={name}
            actions={
              <button type="button" className="btn btn-primary btn-huge" data-testid="handover-back" onClick={onDone}>
                <span>{t('sessions.handBack')}</span>
                <ArrowIcon direction="right" />
              </button>
            }
          />
        </div>
      )}
    </div>
  );
}
