import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorMessage } from './errors';
import { createI18n } from './index';

// French puts a no-break space before « : ! ? » and after «; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const i18n = createI18n({ react: false });
const fr = i18n.getFixedT('fr');
const en = i18n.getFixedT('en');

test('wrong PIN with attempts left, in both languages and plurals', () => {
  assert.equal(
    errorMessage({ code: 'bad_credentials', params: { attemptsLeft: 2 } }, fr, 'fr'),
    'Code incorrect. Encore 2 essais avant le verrouillage.',
  );
  assert.equal(
    errorMessage({ code: 'bad_credentials', params: { attemptsLeft: 1 } }, fr, 'fr'),
    'Code incorrect. Encore 1 essai avant le verrouillage.',
  );
  assert.equal(
    errorMessage({ code: 'bad_credentials', params: { attemptsLeft: 1 } }, en, 'en'),
    'Wrong code. 1 more try before the account is locked.',
  );
});

test('unknown name', () => {
  assert.equal(errorMessage({ code: 'bad_credentials' }, fr, 'fr'), 'Nom ou code incorrect.');
  assert.equal(errorMessage({ code: 'bad_credentials' }, en, 'en'), 'Wrong name or code.');
});

test('locked account shows the local time', () => {
  const now = new Date(2026, 2, 12, 14, 0);
  const until = new Date(2026, 2, 12, 14, 32).toISOString();
  assert.equal(errorMessage({ code: 'account_locked', params: { until } }, fr, 'fr', now), "Compte verrouillé jusqu'à 14:32.");
  assert.equal(errorMessage({ code: 'account_locked', params: { until } }, en, 'en', now), 'Account locked until 14:32.');
});

test('invalid input names the field', () => {
  const err = {
    code: 'invalid_input' as const,
    params: { field: 'name' },
    issues: [{ field: 'name', rule: 'too_small', detail: 'Too small' }],
  };
  assert.equal(plain(errorMessage(err, fr, 'fr')), 'Le champ « Nom » n\'est pas valide : trop court ou vide.');
  assert.equal(
    plain(errorMessage({ code: 'invalid_input', params: { field: 'pin' } }, fr, 'fr')),
    'Le champ « Code » n\'est pas valide : il faut de 4 à 8 chiffres.',
  );
  assert.equal(
    errorMessage({ code: 'invalid_input', params: { field: 'query' }, issues: [{ field: 'query', rule: 'odd', detail: '' }] }, en, 'en'),
    'The field "Search" is not valid.',
  );
  assert.equal(errorMessage({ code: 'invalid_input', params: { field: 'weird' } }, fr, 'fr'), 'Une des valeurs saisies n\'est pas valide.');
});

test('every code has words, never the raw code', () => {
  const codes = [
    'invalid_input',
    'unknown_procedure',
    'unauthenticated',
    'forbidden',
    'not_found',
    'bad_credentials',
    'account_locked',
    'session_expired',
    'conflict',
    'unsupported_file',
    'file_too_large',
    'machine_unavailable',
    'not_certified',
    'name_taken',
    'weak_pin',
    'consent_required',
    'charter_outdated',
    'quiz_not_passed',
    'job_refused',
    'insufficient_stock',
    'ledger_refused',
    'internal',
  ] as const;
  for (const t of [fr, en]) {
    for (const code of codes) {
      const msg = errorMessage({ code }, t, 'fr');
      assert.ok(msg.length > 10, `${code}: ${msg}`);
      assert.ok(!msg.includes(code), `${code} leaks: ${msg}`);
      assert.ok(!msg.includes('errors.'), `${code} missing: ${msg}`);
    }
  }
  assert.equal(
    errorMessage({ code: 'internal', params: { reason: 'disconnected' } }, fr, 'fr'),
    'Connexion au kiosque perdue. Réessayez dans un instant.',
  );
});

test('files the kiosk refuses: by type, by size', () => {
  assert.equal(
    plain(errorMessage({ code: 'unsupported_file', params: { name: 'photo.heic', extension: '.heic' } }, fr, 'fr')),
    'Le fichier « photo.heic » n\'est pas d\'un type accepté ici (.heic).',
  );
  assert.equal(
    errorMessage({ code: 'unsupported_file', params: { name: 'photo.heic', extension: '.heic' } }, en, 'en'),
    'The file "photo.heic" is not of a type accepted here (.heic).',
  );
  assert.equal(
    plain(errorMessage({ code: 'file_too_large', params: { size: 1_500_000_000, limit: 1_073_741_824 } }, fr, 'fr')),
    'Ce fichier est trop gros (1,5 Go) : la limite est de 1,1 Go.',
  );
  assert.equal(
    errorMessage({ code: 'file_too_large', params: { size: 1_500_000_000, limit: 1_073_741_824 } }, en, 'en'),
    'This file is too large (1.5 GB): the limit is 1.1 GB.',
  );
  assert.equal(errorMessage({ code: 'file_too_large' }, en, 'en'), 'This file is too large for the kiosk.');
});

test('a machine that cannot take the job says why', () => {
  assert.equal(
    errorMessage({ code: 'machine_unavailable', params: { reason: 'offline' } }, fr, 'fr'),
    "La machine ne répond pas : vérifiez qu'elle est allumée et branchée.".replace(/ :/, '\u00a0:'),
  );
  assert.equal(errorMessage({ code: 'machine_unavailable', params: { reason: 'busy' } }, en, 'en'), 'The machine is busy with another job.');
  assert.equal(errorMessage({ code: 'machine_unavailable', params: { reason: 'running' } }, en, 'en'), 'The machine is busy with another job.');
  assert.match(errorMessage({ code: 'machine_unavailable', params: { reason: 'alarm' } }, fr, 'fr'), /alarme/);
  assert.equal(errorMessage({ code: 'machine_unavailable', params: { reason: 'homing' } }, en, 'en'), 'The machine is not ready (Homing).');
  assert.match(errorMessage({ code: 'machine_unavailable', params: { reason: 'laser_mode_off' } }, en, 'en'), /laser mode is off/);
  assert.match(errorMessage({ code: 'machine_unavailable', params: { reason: 'not_connected_kind' } }, fr, 'fr'), /pas pilotée par le kiosque/);
  assert.equal(errorMessage({ code: 'machine_unavailable', params: { reason: 'cosmic' } }, en, 'en'), 'The machine is not available right now.');
});

test('not certified: the training to take, by name when the back end says which', () => {
  assert.match(plain(errorMessage({ code: 'not_certified', params: { module: 'laser' } }, fr, 'fr')), /habilitation « .*laser.* »/i);
  assert.match(errorMessage({ code: 'not_certified' }, en, 'en'), /certification for this machine/);
});

test('not certified says why: never, sign-off missing, expired on a date, outdated', () => {
  const p = (reason: string, extra: Record<string, string> = {}) => ({ code: 'not_certified' as const, params: { module: 'laser', machine: 'laser-co2', reason, ...extra } });
  assert.equal(
    plain(errorMessage(p('missing'), fr, 'fr')),
    "Il vous faut l'habilitation « Découpe laser » pour cette machine : suivez la formation sécurité, puis faites-vous valider par un·e formateur·rice.",
  );
  assert.match(plain(errorMessage(p('not_signed_off'), fr, 'fr')), /questionnaire « Découpe laser » est réussi, mais il manque la validation pratique/);
  assert.equal(
    plain(errorMessage(p('expired', { expiredAt: '2026-03-12T10:00:00Z' }), fr, 'fr')),
    'Votre habilitation « Découpe laser » a expiré le 12 mars 2026 : refaites la formation sécurité pour la renouveler.',
  );
  assert.equal(
    errorMessage(p('expired', { expiredAt: '2026-03-12T10:00:00Z' }), en, 'en'),
    'Your "Laser cutting" certification expired on 12 March 2026: take the safety training again to renew it.',
  );
  assert.match(plain(errorMessage(p('expired'), fr, 'fr')), /a expiré : refaites/);
  assert.match(errorMessage(p('outdated', { version: '1', current: '2' }), en, 'en'), /has changed since you were certified/);
  assert.match(plain(errorMessage({ code: 'not_certified', params: { module: 'boat', reason: 'missing' } }, fr, 'fr')), /« boat »/);
});

test('sign-up refusals say what to change', () => {
  assert.equal(plain(errorMessage({ code: 'name_taken', params: { name: 'Léa Dubois' } }, fr, 'fr')), "Quelqu'un porte déjà le nom « Léa Dubois » ici : ajoutez une initiale ou votre commune.");
  assert.match(errorMessage({ code: 'weak_pin', params: { rule: 'sequence' } }, en, 'en'), /sequence/);
  assert.match(errorMessage({ code: 'weak_pin', params: { rule: 'repeated' } }, en, 'en'), /repeats/);
  assert.match(errorMessage({ code: 'charter_outdated', params: { current: '2' } }, fr, 'fr'), /charte vient de changer/);
  assert.match(plain(errorMessage({ code: 'quiz_not_passed', params: { module: 'cnc', version: '1' } }, fr, 'fr')), /« Fraisage numérique »/);
  assert.match(errorMessage({ code: 'not_found', params: { what: 'visit' } }, en, 'en'), /not checked in/);
  assert.match(errorMessage({ code: 'conflict', params: { reason: 'last_manager' } }, en, 'en'), /last fabmanager/);
  assert.match(errorMessage({ code: 'invalid_input', params: { field: 'email' }, issues: [{ field: 'email', rule: 'invalid_format', detail: '' }] }, en, 'en'), /"E-mail"/);
});

test('a refused job points at the line; job conflicts say what happened', () => {
  assert.equal(
    plain(errorMessage({ code: 'job_refused', params: { finding: 'outside_work_area', line: 1234 } }, fr, 'fr')),
    'Le contrôle du fichier a trouvé une erreur ligne 1 234 : le travail ne partira pas.',
  );
  assert.equal(errorMessage({ code: 'job_refused' }, en, 'en'), 'The file check found an error for this machine: the job will not go.');
  assert.match(errorMessage({ code: 'conflict', params: { reason: 'not_first' } }, en, 'en'), /Another job is waiting/);
  assert.match(errorMessage({ code: 'conflict', params: { reason: 'not_resumable' } }, en, 'en'), /cannot carry on/);
  assert.match(errorMessage({ code: 'conflict', params: { state: 'completed' } }, en, 'en'), /changed state/);
  assert.match(errorMessage({ code: 'conflict' }, en, 'en'), /changed this/);
});

test('the accounts refuse, in words: stock short, charged job, plan already taken', () => {
  assert.equal(
    plain(errorMessage({ code: 'insufficient_stock', params: { product: 'plywood-3', available: 2, unit: 'sheet' } }, fr, 'fr')),
    "Stock insuffisant : il ne reste que 2 plaque(s). Rien n'a été vendu.",
  );
  assert.equal(
    errorMessage({ code: 'ledger_refused', params: { reason: 'job_charged' } }, en, 'en'),
    'This job is already accounted for: ask the fabmanager for a correction.',
  );
  assert.equal(
    plain(errorMessage({ code: 'ledger_refused', params: { reason: 'already_subscribed', until: '2026-03-31' } }, fr, 'fr')),
    "Ce forfait est déjà pris pour cette période (jusqu'au 31 mars 2026).",
  );
  assert.equal(errorMessage({ code: 'ledger_refused', params: { reason: 'something_new' } }, fr, 'fr'), "Cette opération n'est pas possible sur les comptes.");
});
