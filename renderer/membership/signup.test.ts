import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  emailProblem,
  emptyDraft,
  firstStepWithProblems,
  nameProblem,
  nextStep,
  phoneProblem,
  pinProblem,
  previousStep,
  quickSignUpSteps,
  signUpSteps,
  stepOfField,
  stepProblems,
  tidyName,
  toggleConsent,
} from './signup';

test('names: tidied, with letters, not too short or long', () => {
  assert.equal(tidyName('  Léa   Dubois '), 'Léa Dubois');
  assert.equal(nameProblem(''), 'name_missing');
  assert.equal(nameProblem('   '), 'name_missing');
  assert.equal(nameProblem('L'), 'name_short');
  assert.equal(nameProblem('Léa Dubois'), null);
  assert.equal(nameProblem("Anne-Marie N'Diaye"), null);
  assert.equal(nameProblem('x'.repeat(81)), 'name_long');
  assert.equal(nameProblem('--'), 'name_letters');
  assert.equal(nameProblem('R2D2'), 'name_letters');
});

test('contact is optional, but a typo in it is caught', () => {
  assert.equal(emailProblem(''), null);
  assert.equal(emailProblem('lea@exemple.fr'), null);
  assert.equal(emailProblem('lea.dubois@mail.example.com'), null);
  assert.equal(emailProblem('lea@exemple'), 'email_format');
  assert.equal(emailProblem('lea.exemple.fr'), 'email_format');
  assert.equal(emailProblem('lea@@exemple.fr'), 'email_format');
  assert.equal(emailProblem('lea@exemple.'), 'email_format');
  assert.equal(phoneProblem(''), null);
  assert.equal(phoneProblem('06 12 34 56 78'), null);
  assert.equal(phoneProblem('+33 6 12 34 56 78'), null);
  assert.equal(phoneProblem('06 12'), 'phone_format');
  assert.equal(phoneProblem('06 12 ab 56 78'), 'phone_format');
  assert.equal(phoneProblem('33+612345678'), 'phone_format');
});

test('PIN: 4 to 8 digits, not one anyone behind could guess', () => {
  assert.equal(pinProblem(''), 'pin_length');
  assert.equal(pinProblem('123'), 'pin_length');
  assert.equal(pinProblem('123456789'), 'pin_length');
  assert.equal(pinProblem('0000'), 'pin_easy');
  assert.equal(pinProblem('1234'), 'pin_easy');
  assert.equal(pinProblem('9876'), 'pin_easy');
  assert.equal(pinProblem('2580'), null);
  assert.equal(pinProblem('7391'), null);
});

test('each step says what is missing, by field', () => {
  assert.deepEqual(stepProblems('name', emptyDraft), [{ field: 'name', problem: 'name_missing' }]);
  assert.deepEqual(stepProblems('contact', emptyDraft), []);
  assert.deepEqual(stepProblems('contact', { ...emptyDraft, email: 'x', phone: '1' }), [
    { field: 'email', problem: 'email_format' },
    { field: 'phone', problem: 'phone_format' },
  ]);
  assert.deepEqual(stepProblems('profile', emptyDraft), [{ field: 'profile', problem: 'profile_missing' }]);
  assert.deepEqual(stepProblems('plan', emptyDraft), [], 'a plan can be chosen later');
  assert.deepEqual(stepProblems('pin', { ...emptyDraft, pin: '2580', pinAgain: '2581' }), [{ field: 'pinAgain', problem: 'pin_mismatch' }]);
  assert.deepEqual(stepProblems('pin', { ...emptyDraft, pin: '2580', pinAgain: '2580' }), []);
  assert.deepEqual(stepProblems('consent', emptyDraft, ['membership']), [{ field: 'consents', problem: 'consent_required' }]);
  assert.deepEqual(stepProblems('consent', { ...emptyDraft, consents: ['membership'] }, ['membership']), []);
  assert.deepEqual(stepProblems('charter', emptyDraft), [{ field: 'charter', problem: 'charter_required' }]);
});

test('steps go forward and back in order', () => {
  assert.equal(signUpSteps[0], 'name');
  assert.equal(nextStep('name'), 'contact');
  assert.equal(nextStep('charter'), null);
  assert.equal(previousStep('name'), null);
  assert.equal(previousStep('consent'), 'pin');
  assert.equal(nextStep('name', quickSignUpSteps), 'profile');
  assert.equal(previousStep('pin', quickSignUpSteps), 'profile');
});

test('consents toggle; the first step with a problem is where to go back', () => {
  assert.deepEqual(toggleConsent([], 'news'), ['news']);
  assert.deepEqual(toggleConsent(['news', 'stats'], 'news'), ['stats']);
  const full = { ...emptyDraft, name: 'Léa', profile: 'artist', pin: '2580', pinAgain: '2580', consents: ['membership'], charterAccepted: true };
  assert.equal(firstStepWithProblems(full, ['membership']), null);
  assert.equal(firstStepWithProblems({ ...full, pinAgain: '' }, ['membership']), 'pin');
  assert.equal(firstStepWithProblems({ ...full, name: '' }, ['membership']), 'name');
});

test("the back end's field names lead back to their step", () => {
  assert.equal(stepOfField('displayName'), 'name');
  assert.equal(stepOfField('email'), 'contact');
  assert.equal(stepOfField('profileCategory'), 'profile');
  assert.equal(stepOfField('consents.0'), 'consent');
  assert.equal(stepOfField('weird'), null);
});
