import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../api/errors';
import type { ModuleDefinition } from './module-schema';
import { grade } from './quiz';

const t = (s: string) => ({ fr: s, en: s });
const question = (id: string, correct: number[]) => ({ id, question: t(id), choices: [t('a'), t('b'), t('c')], correct, explanation: t(`why ${id}`) });
const def = {
  code: 'demo',
  version: '1',
  passMark: 0.8,
  quiz: [question('q1', [0]), question('q2', [1, 2]), question('q3', [2]), question('q4', [0]), question('q5', [1])],
} as unknown as ModuleDefinition;

test('a question is right only with exactly its right choices, in any order', () => {
  const g = grade(def, { q1: [0], q2: [2, 1], q3: [2], q4: [0], q5: [1] });
  assert.deepEqual([g.correctCount, g.score, g.passed], [5, 1, true]);
  const partial = grade(def, { q1: [0], q2: [1], q3: [2, 0], q4: [0], q5: [1] });
  assert.deepEqual(partial.questions.filter((q) => !q.correct).map((q) => q.id), ['q2', 'q3']);
});

test('the pass mark is inclusive: 4 out of 5 passes 0.8, 3 does not', () => {
  assert.equal(grade(def, { q1: [0], q2: [1, 2], q3: [2], q4: [0] }).passed, true);
  assert.equal(grade(def, { q1: [0], q2: [1, 2], q3: [2] }).passed, false);
  const tenths = { ...def, passMark: 0.7, quiz: Array.from({ length: 10 }, (_, i) => question(`q${i}`, [0])) } as unknown as ModuleDefinition;
  const seven = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`q${i}`, [0]]));
  assert.equal(grade(tenths, seven).passed, true, '0.7 with floating point');
});

test('answers to questions or choices that do not exist are refused', () => {
  assert.throws(() => grade(def, { q9: [0] }), (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && e.params?.field === 'answers.q9');
  assert.throws(() => grade(def, { q1: [3] }), (e: unknown) => e instanceof DomainError && e.params?.field === 'answers.q1');
});
