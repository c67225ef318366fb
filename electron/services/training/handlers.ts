// The safety training and trainer session procedures, wired to their services. Whose certifications
// one may see, and who drives a session, is checked here and in the session service.
import type { Handlers } from '../../api/dispatcher';
import { DomainError } from '../../api/errors';
import { roleAtLeast } from '../../api/roles';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import { memberRow } from '../members/profile';
import { certificationViews, expiring } from './certifications';
import type { ModuleLibrary } from './library';
import { recordAttempt } from './quiz';
import type { TrainingSessions } from './sessions';

export interface TrainingDeps {
  store: Store;
  audit: AuditLog;
  library: ModuleLibrary;
  trainingSessions: TrainingSessions;
  now: () => Date;
}

export function trainingHandlers(d: TrainingDeps) {
  const { store, audit, library, trainingSessions: ts, now } = d;
  return {
    'training.modules': () => library.summaries(),
    'training.module': ({ code }) => library.content(code),
    'training.image': ({ code, file }) => ({ svg: library.image(code, file) }),
    'training.submitQuiz': ({ code, version, answers }, caller) => {
      const memberId = caller.memberId;
      if (!memberId) throw new DomainError('unauthenticated');
      const def = library.require(code);
      if (def.version !== version) throw new DomainError('conflict', { reason: 'module_version', current: def.version });
      return store.writer.transaction(() => {
        const result = recordAttempt(store, def, answers, { memberId, submittedBy: memberId, sessionId: null }, now());
        audit.record(memberId, 'quiz.submit', result.attemptId, { module: code, version, score: result.score, passed: result.passed });
        return result;
      });
    },
    'training.certifications': ({ memberId }, caller) => {
      const target = memberId ?? caller.memberId;
      if (!target) throw new DomainError('unauthenticated');
      if (target !== caller.memberId && !roleAtLeast(caller.role, 'trainer')) throw new DomainError('forbidden');
      memberRow(store, target);
      return certificationViews(store, library, target, now());
    },
    'training.expiring': ({ withinDays }) => expiring(store, library, withinDays, now()),
    'training.moduleVersions': () => library.versions(now()),

    'sessions.start': ({ moduleCode }, caller) => ts.start(caller, moduleCode),
    'sessions.get': ({ sessionId }) => ts.get(sessionId),
    'sessions.list': ({ open, limit }) => ts.list(open, limit),
    'sessions.presenter': ({ sessionId }) => ts.presenter(sessionId),
    'sessions.setStep': ({ sessionId, step }, caller) => ts.setStep(caller, sessionId, step),
    'sessions.addAttendee': ({ sessionId, memberId }, caller) => ts.addAttendee(caller, sessionId, memberId),
    'sessions.removeAttendee': ({ sessionId, memberId }, caller) => ts.removeAttendee(caller, sessionId, memberId),
    'sessions.quickSignUp': ({ sessionId, ...person }, caller) => ts.quickSignUp(caller, sessionId, person),
    'sessions.submitQuiz': ({ sessionId, memberId, answers }, caller) => ts.submitQuiz(caller, sessionId, memberId, answers),
    'sessions.signOff': ({ sessionId, memberId, passed, note }, caller) => ts.signOff(caller, sessionId, memberId, passed, note),
    'sessions.end': ({ sessionId }, caller) => ts.end(caller, sessionId),
    'sessions.document': ({ sessionId, memberId }, caller) => ts.document(caller, sessionId, memberId),
  } satisfies Partial<Handlers>;
}
