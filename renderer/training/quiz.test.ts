import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answeredCount, answersPayload, firstUnanswered, isAnswered, percent, toggleChoice } from './quiz';

const single = { id: 'q1', multiple: false };
const several = { id: 'q2', multiple: true };

test('a one-choice question keeps the last tap', () => {
  let a = toggleChoice({}, single, 0);
  a = toggleChoice(a, single, 1);
  assert.deepEqual(a.q1, [1]);
  a = toggleChoice(a, single, 1);
  assert.deepEqual(a.q1, [1], 'tapping it again keeps it chosen');
});

test('"select all that apply" toggles each choice', () => {
  let a = toggleChoice({}, several, 2);
  a = toggleChoice(a, several, 0);
  assert.deepEqual(a.q2, [2, 0]);
  a = toggleChoice(a, several, 2);
  assert.deepEqual(a.q2, [0]);
  a = toggleChoice(a, several, 0);
  assert.equal(isAnswered(a, 'q2'), false);
});

test('what is left to answer, and the answers as sent', () => {
  const qs = [single, several];
  let a = toggleChoice({}, several, 2);
  assert.equal(answeredCount(a, qs), 1);
  assert.equal(firstUnanswered(a, qs), 0);
  a = toggleChoice(toggleChoice(a, single, 1), several, 0);
  assert.equal(firstUnanswered(a, qs), null);
  assert.deepEqual(answersPayload(a, qs), { q1: [1], q2: [0, 2] });
  assert.deepEqual(answersPayload({}, qs), { q1: [], q2: [] });
  assert.equal(percent(7, 10), 70);
  assert.equal(percent(2, 3), 67);
  assert.equal(percent(0, 0), 0);
});
