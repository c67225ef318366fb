// Safety training through the real dispatcher: modules without their answers, quizzes graded in the back
// end, certifications that need both the quiz and a trainer's sign-off in a session, the PDFs a session
// leaves, and the machine access rule that `jobs.queue` enforces (missing, not signed off, expired, outdated).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type {
  CertificationView,
  ExpiringCertification,
  JobView,
  ModuleContent,
  ModuleSummary,
  ModuleVersionInfo,
  PresenterView,
  QuizResult,
  SessionInfo,
  StoredDocument,
  StoredFile,
  TrainingSessionView,
} from '../../electron/api/models';
import { createBackend } from '../../electron/backend';
import { pdfText as readPdf } from '../support/pdf';
import { demo, repoRoot, screen, tempBackend } from '../support/temp-backend';

const modulesDir = join(repoRoot, 'assets', 'modules');

interface QuizDef {
  version: string;
  passMark: number;
  validityMonths: number;
  title: { fr: string };
  quiz: { id: string; choices: unknown[]; correct: number[] }[];
}

function moduleDef(code: string, dir = modulesDir): QuizDef {
  return JSON.parse(readFileSync(join(dir, code, 'module.json'), 'utf8')) as QuizDef;
}

/** The right answers, with the first `wrong` questions answered wrongly. */
function answers(def: QuizDef, wrong = 0): Record<string, number[]> {
  return Object.fromEntries(
    def.quiz.map((q, i) => {
      if (i >= wrong) return [q.id, q.correct];
      const other = [...q.choices.keys()].find((c) => !q.correct.includes(c))!;
      return [q.id, [other]];
    }),
  );
}

function clock(start = Date.parse('2026-11-23T09:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

const laserGcode = Buffer.from('G21\nG90\nM4 S0\nG0 X10 Y10\nG1 X40 Y10 S600 F1200\nG1 X40 Y40\nG1 X10 Y40\nG1 X10 Y10\nM5\n');
const printGcode = Buffer.from('G21\nG90\nM82\nM104 S210\nM140 S60\nM109 S210\nG28\nG92 E0\nG1 Z0.3 F600\nG1 X50 Y50 E2 F1200\nM104 S0\n');

type Screen = Awaited<ReturnType<typeof screen>>;

async function upload(s: Screen, name: string, bytes: Buffer): Promise<StoredFile> {
  const { uploadId } = await s.ok<{ uploadId: string }>('files.uploadBegin', { name, size: bytes.length });
  await s.ok('files.uploadChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  return s.ok<StoredFile>('files.uploadFinish', { uploadId });
}

function signUpInput(displayName: string, pin = '4826') {
  return {
    displayName,
    profileCategory: 'pupil_student',
    planId: 'fablab-membership',
    pin,
    consentPurposes: ['membership', 'certifications'],
    charterVersion: '1',
  };
}

/** French typography puts no-break spaces before ":" and in "15 h": compare with plain spaces. */
function spaces(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function pdfText(doc: StoredDocument): string {
  return spaces(readPdf(doc.pdfBase64, { layout: false }));
}

test('the modules are listed with their figures; a module is served without its answers; images by safe name only', async () => {
  const b = await tempBackend();
  try {
    const v = await screen(b);
    const list = await v.ok<ModuleSummary[]>('training.modules');
    assert.deepEqual(list.map((m) => m.code).sort(), ['cnc', 'fdm', 'laser', 'thermoformer', 'vinyl']);
    const laser = list.find((m) => m.code === 'laser')!;
    const def = moduleDef('laser');
    assert.equal(laser.version, def.version);
    assert.equal(laser.questions, def.quiz.length);
    assert.deepEqual(laser.machines, ['laser-co2']);
    const content = await v.ok<ModuleContent>('training.module', { code: 'laser' });
    assert.equal(content.content.quiz.length, def.quiz.length);
    const json = JSON.stringify(content);
    assert.ok(!json.includes('"correct"') && !json.includes('"explanation"'), 'answers never leave the back end before grading');
    assert.equal(content.content.quiz.some((q) => q.multiple), def.quiz.some((q) => q.correct.length > 1));
    const image = content.content.steps.find((s) => s.image)!.image!;
    const svg = await v.ok<{ svg: string }>('training.image', { code: 'laser', file: image });
    assert.match(svg.svg, /<svg/);
    for (const file of ['../fdm/module.json', '..%2Fx.svg', 'module.json', '/etc/passwd']) {
      const r = await v.call('training.image', { code: 'laser', file });
      assert.ok(!r.ok && r.error.code === 'invalid_input', file);
    }
    const missing = await v.call('training.image', { code: 'laser', file: 'nope.svg' });
    assert.ok(!missing.ok && missing.error.code === 'not_found');
    const unknown = await v.call('training.module', { code: 'welding' });
    assert.ok(!unknown.ok && unknown.error.code === 'not_found');
  } finally {
    await b.dispose();
  }
});

test('the quiz is graded in the back end against the pass mark; a bad answer sheet changes nothing', async () => {
  const b = await tempBackend();
  try {
    const v = await screen(b);
    await v.ok('members.signUp', signUpInput('Inès Moreau'));
    const def = moduleDef('laser');
    const total = def.quiz.length;
    const allowedWrong = Math.floor(total * (1 - def.passMark) + 1e-9);
    const pass = await v.ok<QuizResult>('training.submitQuiz', { code: 'laser', version: def.version, answers: answers(def, allowedWrong) });
    assert.equal(pass.correctCount, total - allowedWrong);
    assert.equal(pass.passed, true);
    assert.equal(pass.questions.filter((q) => !q.correct).length, allowedWrong);
    assert.ok(pass.questions.every((q) => q.explanation.fr.length > 0));
    const fail = await v.ok<QuizResult>('training.submitQuiz', { code: 'laser', version: def.version, answers: answers(def, allowedWrong + 1) });
    assert.equal(fail.passed, false);
    // Unanswered questions count as wrong.
    const blank = await v.ok<QuizResult>('training.submitQuiz', { code: 'laser', version: def.version, answers: {} });
    assert.deepEqual([blank.correctCount, blank.passed], [0, false]);

    const count = () => b.store.db.prepare('SELECT COUNT(*) FROM quiz_attempts').pluck().get();
    const before = count();
    const stray = await v.call('training.submitQuiz', { code: 'laser', version: def.version, answers: { nope: [0] } });
    assert.ok(!stray.ok && stray.error.code === 'invalid_input' && stray.error.params?.field === 'answers.nope');
    const q0 = def.quiz[0]!;
    const range = await v.call('training.submitQuiz', { code: 'laser', version: def.version, answers: { [q0.id]: [q0.choices.length] } });
    assert.ok(!range.ok && range.error.code === 'invalid_input');
    const old = await v.call('training.submitQuiz', { code: 'laser', version: '0.1', answers: answers(def) });
    assert.ok(!old.ok && old.error.code === 'conflict' && old.error.params?.reason === 'module_version' && old.error.params.current === def.version);
    assert.equal(count(), before);
    const anonymous = await (await screen(b)).call('training.submitQuiz', { code: 'laser', version: def.version, answers: {} });
    assert.ok(!anonymous.ok && anonymous.error.code === 'unauthenticated');
  } finally {
    await b.dispose();
  }
});

test('a newcomer passes the quiz, is refused the laser until a trainer signs them off in a session, then queues a job', async () => {
  const c = clock();
  const b = await tempBackend({ now: c.now, idleTimeoutS: 1e9 });
  try {
    const def = moduleDef('laser');
    const zoe = await screen(b);
    const session = await zoe.ok<SessionInfo>('members.signUp', signUpInput('Zoé Lambert'));
    const zoeId = session.member!.id;
    const file = await upload(zoe, 'plaque.nc', laserGcode);
    const queue = () => zoe.call<JobView>('jobs.queue', { fileId: file.id, machineId: 'laser-co2', materialId: 'plywood-3' });

    const never = await queue();
    assert.deepEqual(!never.ok && never.error, { code: 'not_certified', params: { module: 'laser', machine: 'laser-co2', reason: 'missing' } });
    await zoe.ok('training.submitQuiz', { code: 'laser', version: def.version, answers: answers(def) });
    const mine = await zoe.ok<CertificationView[]>('training.certifications', {});
    assert.equal(mine.find((x) => x.module === 'laser')!.status, 'quiz_passed');
    const waiting = await queue();
    assert.ok(!waiting.ok && waiting.error.code === 'not_certified' && waiting.error.params?.reason === 'not_signed_off');

    const trainer = await screen(b, demo.trainer);
    const start = await trainer.ok<TrainingSessionView>('sessions.start', { moduleCode: 'laser' });
    const lea = (await trainer.ok<{ id: string }[]>('members.search', { query: 'dubois' }))[0]!;
    await trainer.ok('sessions.addAttendee', { sessionId: start.id, memberId: zoeId });
    await trainer.ok('sessions.addAttendee', { sessionId: start.id, memberId: zoeId });
    await trainer.ok('sessions.addAttendee', { sessionId: start.id, memberId: lea.id });
    // Léa has not taken this version's quiz since her last sign-off: no practical sign-off without it.
    const noQuiz = await trainer.call('sessions.signOff', { sessionId: start.id, memberId: lea.id, passed: true });
    assert.deepEqual(!noQuiz.ok && noQuiz.error, { code: 'quiz_not_passed', params: { module: 'laser', version: def.version } });
    c.advance(40 * 60_000);
    const signed = await trainer.ok<TrainingSessionView>('sessions.signOff', { sessionId: start.id, memberId: zoeId, passed: true, note: 'Très attentive' });
    const row = signed.attendees.find((a) => a.memberId === zoeId)!;
    assert.equal(row.signedOff, true);
    assert.equal(row.quiz?.passed, true);
    assert.equal(row.expiresAt, new Date(Date.UTC(2027, 10, 23, 9, 40)).toISOString());

    const job = await queue();
    assert.ok(job.ok, JSON.stringify(job));
    const cert = (await zoe.ok<CertificationView[]>('training.certifications', {})).find((x) => x.module === 'laser')!;
    assert.equal(cert.status, 'valid');
    assert.equal(cert.signedOffBy, 'Yannick Le Goff');
    assert.equal(cert.sessionId, start.id);
    // Still refused on a machine of another module.
    const cnc = await zoe.call('jobs.queue', { fileId: file.id, machineId: 'cnc-3040' });
    assert.ok(!cnc.ok && cnc.error.code === 'not_certified' && cnc.error.params?.module === 'cnc');
    const audit = b.store.db.prepare('SELECT action FROM audit_log').pluck().all() as string[];
    for (const a of ['member.sign_up', 'quiz.submit', 'training_session.start', 'training_session.add_attendee', 'certification.sign_off', 'job.queue']) {
      assert.ok(audit.includes(a), a);
    }
  } finally {
    await b.dispose();
  }
});

test('an expired certification is refused with its date; a certification expires after the module validity', async () => {
  const c = clock();
  const b = await tempBackend({ now: c.now, idleTimeoutS: 1e9 });
  try {
    const karim = await screen(b, demo.karim);
    const file = await upload(karim, 'plaque.nc', laserGcode);
    const r = await karim.call('jobs.queue', { fileId: file.id, machineId: 'laser-co2' });
    assert.ok(!r.ok && r.error.code === 'not_certified');
    assert.equal(r.error.params?.reason, 'expired');
    assert.equal(r.error.params?.module, 'laser');
    assert.ok(String(r.error.params?.expiredAt) < c.now().toISOString());
    const status = (await karim.ok<CertificationView[]>('training.certifications', {})).find((x) => x.module === 'laser')!;
    assert.equal(status.status, 'expired');

    // Léa's printer certification: fine today, expired a day after its expiry.
    const lea = await screen(b, demo.member);
    const print = await upload(lea, 'cube.gcode', printGcode);
    assert.ok((await lea.call('jobs.queue', { fileId: print.id, machineId: 'prusa-mk4', materialId: 'pla-175' })).ok);
    const fdm = (await lea.ok<CertificationView[]>('training.certifications', {})).find((x) => x.module === 'fdm')!;
    c.advance(Date.parse(fdm.expiresAt!) - c.now().getTime() + 1);
    const again = await screen(b, demo.member);
    const late = await again.call('jobs.queue', { fileId: print.id, machineId: 'prusa-mk4', materialId: 'pla-175' });
    assert.ok(!late.ok && late.error.code === 'not_certified' && late.error.params?.reason === 'expired');

    const manager = await screen(b, demo.manager);
    const soon = await manager.ok<ExpiringCertification[]>('training.expiring', { withinDays: 30 });
    assert.ok(soon.some((e) => e.memberName === 'Karim Haddad' && e.module === 'laser' && e.status === 'expired'));
    assert.ok(soon.some((e) => e.memberName === 'Léa Dubois' && e.module === 'fdm' && e.status === 'expired'));
    const forbidden = await karim.call('training.expiring', { withinDays: 30 });
    assert.ok(!forbidden.ok && forbidden.error.code === 'forbidden');
  } finally {
    await b.dispose();
  }
});

test('a new module version makes older certifications outdated; the kiosk keeps every version', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fabkiosk-test-'));
  const modules = mkdtempSync(join(tmpdir(), 'fabkiosk-modules-'));
  try {
    cpSync(modulesDir, modules, { recursive: true });
    const first = await createBackend({ dataDir, pollMs: 0, log: () => {}, modulesDir: modules });
    const lea1 = await screen(first, demo.member);
    const file = await upload(lea1, 'plaque.nc', laserGcode);
    assert.ok((await lea1.call('jobs.queue', { fileId: file.id, machineId: 'laser-co2' })).ok);
    await first.close();

    // A typo fixed without a new version: the same version row, its content updated, certifications still valid.
    const laserFile = join(modules, 'laser', 'module.json');
    const typo = JSON.parse(readFileSync(laserFile, 'utf8')) as { summary: { fr: string } };
    typo.summary.fr += ' ';
    writeFileSync(laserFile, JSON.stringify(typo, null, 2));
    const logs: string[] = [];
    const fixed = await createBackend({ dataDir, pollMs: 0, log: (m) => logs.push(m), modulesDir: modules });
    assert.ok(logs.some((m) => /laser .*content changed without a new version/.test(m)), logs.join('\n'));
    const leaFixed = await screen(fixed, demo.member);
    assert.ok((await leaFixed.call('jobs.queue', { fileId: file.id, machineId: 'laser-co2' })).ok);
    assert.equal(fixed.store.db.prepare("SELECT COUNT(*) FROM modules WHERE code = 'laser'").pluck().get(), 1);
    await fixed.close();

    const def = JSON.parse(readFileSync(laserFile, 'utf8')) as { version: string };
    const oldVersion = def.version;
    def.version = `${oldVersion}-2`;
    writeFileSync(laserFile, JSON.stringify(def, null, 2));
    const second = await createBackend({ dataDir, pollMs: 0, log: () => {}, modulesDir: modules });
    try {
      const lea = await screen(second, demo.member);
      const r = await lea.call('jobs.queue', { fileId: file.id, machineId: 'laser-co2' });
      assert.ok(!r.ok && r.error.code === 'not_certified');
      assert.deepEqual(r.error.params, { module: 'laser', machine: 'laser-co2', reason: 'outdated', version: oldVersion, current: def.version });
      const manager = await screen(second, demo.manager);
      const versions = (await manager.ok<ModuleVersionInfo[]>('training.moduleVersions')).filter((m) => m.code === 'laser');
      assert.deepEqual(versions.map((v) => [v.version, v.current]).sort(), [[oldVersion, false], [def.version, true]].sort());
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(modules, { recursive: true, force: true });
  }
});

test('a trainer session: big screen, quick sign-up, quiz per participant, sign-offs, report and attestations in French', async () => {
  const c = clock(Date.parse('2026-11-23T13:00:00Z'));
  const b = await tempBackend({ now: c.now, idleTimeoutS: 1e9 });
  try {
    const def = moduleDef('fdm');
    const trainer = await screen(b, demo.trainer);
    const big = await screen(b);
    const events: unknown[] = [];
    b.events.subscribe((e) => events.push(e));
    const s = await trainer.ok<TrainingSessionView>('sessions.start', { moduleCode: 'fdm' });
    assert.equal(s.module.version, def.version);
    await trainer.ok('sessions.setStep', { sessionId: s.id, step: 2 });
    const tooFar = await trainer.call('sessions.setStep', { sessionId: s.id, step: s.module.steps + 1 });
    assert.ok(!tooFar.ok && tooFar.error.code === 'invalid_input');

    const { planId: _plan, ...quick } = signUpInput('Noah Petit', '5937');
    const noConsent = await trainer.call('sessions.quickSignUp', { sessionId: s.id, ...quick, consentPurposes: ['membership'] });
    assert.deepEqual(!noConsent.ok && noConsent.error, { code: 'consent_required', params: { purposes: 'certifications' } });
    const withNoah = await trainer.ok<TrainingSessionView>('sessions.quickSignUp', { sessionId: s.id, ...quick });
    const noah = withNoah.attendees.find((a) => a.name === 'Noah Petit')!;
    const { planId: _p2, ...quick2 } = signUpInput('Emma Roux', '7351');
    const withEmma = await trainer.ok<TrainingSessionView>('sessions.quickSignUp', { sessionId: s.id, ...quick2 });
    const emma = withEmma.attendees.find((a) => a.name === 'Emma Roux')!;

    const presenter = await big.ok<PresenterView>('sessions.presenter', { sessionId: s.id });
    assert.deepEqual([presenter.step, presenter.attendees, presenter.steps], [2, 2, s.module.steps]);
    assert.ok(!JSON.stringify(presenter).includes('Noah'), 'no names on the big screen');
    assert.ok(events.some((e) => (e as { type: string; step?: number }).type === 'training.session' && (e as { step: number }).step === 2));

    const failed = await trainer.ok<QuizResult>('sessions.submitQuiz', { sessionId: s.id, memberId: noah.memberId, answers: answers(def, def.quiz.length) });
    assert.equal(failed.passed, false);
    const notYet = await trainer.call('sessions.signOff', { sessionId: s.id, memberId: noah.memberId, passed: true });
    assert.ok(!notYet.ok && notYet.error.code === 'quiz_not_passed');
    await trainer.ok('sessions.submitQuiz', { sessionId: s.id, memberId: noah.memberId, answers: answers(def, 1) });
    await trainer.ok('sessions.submitQuiz', { sessionId: s.id, memberId: emma.memberId, answers: answers(def) });
    c.advance(75 * 60_000);
    await trainer.ok('sessions.signOff', { sessionId: s.id, memberId: noah.memberId, passed: true, note: 'Buse : bons réflexes' });
    // A pass tapped by mistake, then corrected: the certification it gave is withdrawn.
    await trainer.ok('sessions.signOff', { sessionId: s.id, memberId: emma.memberId, passed: true });
    const corrected = await trainer.ok<TrainingSessionView>('sessions.signOff', { sessionId: s.id, memberId: emma.memberId, passed: false, note: 'Plateau à revoir' });
    assert.equal(corrected.attendees.find((a) => a.memberId === emma.memberId)!.signedOff, false);
    const self = await trainer.call('sessions.signOff', { sessionId: s.id, memberId: (await trainer.ok<SessionInfo>('session.current')).member!.id, passed: true });
    assert.ok(!self.ok && self.error.code === 'forbidden');

    const beforeEnd = await trainer.call('sessions.document', { sessionId: s.id });
    assert.ok(!beforeEnd.ok && beforeEnd.error.code === 'not_found');
    const ended = await trainer.ok<TrainingSessionView>('sessions.end', { sessionId: s.id });
    assert.equal(ended.endedAt, c.now().toISOString());
    assert.deepEqual(ended.documents.map((d) => [d.kind, d.memberId]), [['report', null], ['attestation', noah.memberId]]);
    const after = await trainer.call('sessions.addAttendee', { sessionId: s.id, memberId: emma.memberId });
    assert.ok(!after.ok && after.error.code === 'conflict' && after.error.params?.reason === 'session_ended');

    const report = pdfText(await trainer.ok<StoredDocument>('sessions.document', { sessionId: s.id }));
    for (const text of ['Compte rendu de session de formation', 'La Fabrique du Causse', def.title.fr, `version ${def.version}`, 'Yannick Le Goff', '23 novembre 2026', '14:00', '15:15', '1 h 15', 'Noah Petit', 'Emma Roux', 'à refaire', 'Scolaire ou étudiant·e']) {
      assert.ok(report.includes(spaces(text)), `report lacks "${text}": ${report}`);
    }
    const noahScreen = await screen(b, { name: 'Noah Petit', pin: '5937' });
    const attestation = pdfText(await noahScreen.ok<StoredDocument>('sessions.document', { sessionId: s.id, memberId: noah.memberId }));
    for (const text of ['Attestation de formation à la sécurité', 'La Fabrique du Causse', 'Gramat (Lot)', 'Noah Petit', def.title.fr, def.version, 'Yannick Le Goff', '23 novembre 2026', "Valable jusqu'au", `23 novembre ${2026 + def.validityMonths / 12}`, 'Prusa MK4']) {
      assert.ok(attestation.includes(spaces(text)), `attestation lacks "${text}": ${attestation}`);
    }
    const emmaScreen = await screen(b, { name: 'Emma Roux', pin: '7351' });
    const other = await emmaScreen.call('sessions.document', { sessionId: s.id, memberId: noah.memberId });
    assert.ok(!other.ok && other.error.code === 'forbidden');
    const reportByMember = await emmaScreen.call('sessions.document', { sessionId: s.id });
    assert.ok(!reportByMember.ok && reportByMember.error.code === 'forbidden');
    const memberStarts = await emmaScreen.call('sessions.start', { moduleCode: 'fdm' });
    assert.ok(!memberStarts.ok && memberStarts.error.code === 'forbidden');
    const othersCerts = await emmaScreen.call('training.certifications', { memberId: noah.memberId });
    assert.ok(!othersCerts.ok && othersCerts.error.code === 'forbidden');
    const byTrainer = await trainer.ok<CertificationView[]>('training.certifications', { memberId: noah.memberId });
    assert.equal(byTrainer.find((x) => x.module === 'fdm')!.status, 'valid');

    // Closing Noah's account: his attestation is emptied, the report written again without his name.
    await noahScreen.ok('members.closeAccount', { pin: '5937' });
    const gone = await trainer.call('sessions.document', { sessionId: s.id, memberId: noah.memberId });
    assert.ok(!gone.ok && gone.error.code === 'not_found');
    const rewritten = pdfText(await trainer.ok<StoredDocument>('sessions.document', { sessionId: s.id }));
    assert.ok(!rewritten.includes('Noah') && rewritten.includes('Membre supprimé') && rewritten.includes('Emma Roux'), rewritten);
  } finally {
    await b.dispose();
  }
});

test('a broken module stops the start with the file and the field named', async () => {
  const modules = mkdtempSync(join(tmpdir(), 'fabkiosk-modules-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'fabkiosk-test-'));
  try {
    cpSync(modulesDir, modules, { recursive: true });
    const file = join(modules, 'vinyl', 'module.json');
    const def = JSON.parse(readFileSync(file, 'utf8')) as { quiz: { correct: number[] }[] };
    def.quiz[0]!.correct = [7];
    writeFileSync(file, JSON.stringify(def));
    await assert.rejects(createBackend({ dataDir, pollMs: 0, modulesDir: modules }), /safety module vinyl\/module\.json: quiz\.0\.correct\.0: no choice 7/);
  } finally {
    rmSync(modules, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
