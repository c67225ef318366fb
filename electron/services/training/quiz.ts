// Grading a quiz, here in the back end where the answers are: a question is right only when exactly
// its right choices are picked; the score is the share of right questions against the module's pass mark.
import { DomainError } from '../../api/errors';
import type { QuizResult } from '../../api/models';
import type { Store } from '../../store';
import type { ModuleDefinition } from './module-schema';

export interface Grade {
  correctCount: number;
  total: number;
  score: number;
  passed: boolean;
  questions: QuizResult['questions'];
}

/** Refuses (as `invalid_input`) answers to questions that do not exist or choices a question does not have. */
export function grade(def: ModuleDefinition, answers: Record<string, number[]>): Grade {
  const byId = new Map(def.quiz.map((q) => [q.id, q]));
  for (const [id, chosen] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) throw new DomainError('invalid_input', { field: `answers.${id}` });
    if (chosen.some((c) => c >= q.choices.length)) throw new DomainError('invalid_input', { field: `answers.${id}` });
  }
  const questions = def.quiz.map((q) => {
    const chosen = new Set(answers[q.id] ?? []);
    const correct = chosen.size === q.correct.length && q.correct.every((c) => chosen.has(c));
    return { id: q.id, correct, explanation: q.explanation };
  });
  const correctCount = questions.filter((q) => q.correct).length;
  const total = questions.length;
  const score = correctCount / total;
  // A pass mark of 0.8 over 10 questions must accept 8 right answers despite floating point.
  return { correctCount, total, score, passed: score + 1e-9 >= def.passMark, questions };
}

export function recordAttempt(
  store: Store,
  def: ModuleDefinition,
  answers: Record<string, number[]>,
  who: { memberId: string; submittedBy: string; sessionId: string | null },
  at: Date,
): QuizResult {
  const g = grade(def, answers);
  const attemptId = store.writer.insert('quiz_attempts', {
    member_id: who.memberId,
    module_code: def.code,
    module_version: def.version,
    session_id: who.sessionId,
    submitted_by: who.submittedBy,
    answers_json: JSON.stringify(answers),
    correct_count: g.correctCount,
    total: g.total,
    score: g.score,
    passed: g.passed ? 1 : 0,
  });
  return {
    attemptId,
    module: def.code,
    version: def.version,
    memberId: who.memberId,
    at: at.toISOString(),
    score: g.score,
    correctCount: g.correctCount,
    total: g.total,
    passMark: def.passMark,
    passed: g.passed,
    questions: g.questions,
  };
}
