// Answers to a quiz while it is being taken: one question at a time, one choice or several
// ("select all that apply"). Pure; the back end scores the answers, the kiosk only collects them.

export interface QuizQuestionShape {
  id: string;
  /** Several right choices: the person ticks all that apply. */
  multiple: boolean;
}

/** Question id → indices of the chosen choices, as the back end takes them. */
export type QuizAnswers = Readonly<Record<string, readonly number[]>>;

/** A tap on a choice: replaces the answer of a one-choice question, toggles one of a several-choice one. */
export function toggleChoice(answers: QuizAnswers, question: QuizQuestionShape, choice: number): QuizAnswers {
  const current = answers[question.id] ?? [];
  let next: number[];
  if (!question.multiple) next = [choice];
  else next = current.includes(choice) ? current.filter((c) => c !== choice) : [...current, choice];
  return { ...answers, [question.id]: next };
}

export function isAnswered(answers: QuizAnswers, questionId: string): boolean {
  return (answers[questionId]?.length ?? 0) > 0;
}

export function answeredCount(answers: QuizAnswers, questions: readonly QuizQuestionShape[]): number {
  return questions.filter((q) => isAnswered(answers, q.id)).length;
}

/** The first question still without an answer (to go back to before handing in), or null. */
export function firstUnanswered(answers: QuizAnswers, questions: readonly QuizQuestionShape[]): number | null {
  const i = questions.findIndex((q) => !isAnswered(answers, q.id));
  return i < 0 ? null : i;
}

/** The answers as the back end takes them: every question (an empty one counts as wrong), choices in order. */
export function answersPayload(answers: QuizAnswers, questions: readonly QuizQuestionShape[]): Record<string, number[]> {
  return Object.fromEntries(questions.map((q) => [q.id, [...(answers[q.id] ?? [])].sort((a, b) => a - b)]));
}

/** A score as a percentage for the screen: 7 of 10 → 70. */
export function percent(score: number, total: number): number {
  return total > 0 ? Math.round((score / total) * 100) : 0;
}
