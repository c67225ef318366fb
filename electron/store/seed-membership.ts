// The charter, the consent purposes and the demo members' training, seeded once when the store has no
// charter yet: on a fresh store just after the fablab itself, and on a store created before membership
// existed (migration 0004) at its first start with it. Demo certifications are on the modules' current
// versions, which only the loaded modules know, hence a step of its own.
import { nameKey } from '../services/auth/name-key';
import { addMonths } from '../services/dates';
import type { RowWriter } from './rows';
import { seedSchema } from './seed-schema';

export interface SeedModules {
  currentVersion(code: string): string | null;
  validityMonths(code: string): number | null;
}

/** Returns false when a charter exists already. Throws (writing nothing) on a demo certification of an unknown module. */
export function seedMembership(writer: RowWriter, raw: unknown, modules: SeedModules, now: Date): boolean {
  if (writer.db.prepare('SELECT 1 FROM charters LIMIT 1').get() !== undefined) return false;
  const data = seedSchema.parse(raw);
  const at = now.toISOString();
  writer.transaction(() => {
    data.consentPurposes.forEach((p, sort) => {
      writer.insert('consent_purposes', {
        code: p.code,
        kind: p.kind,
        title_json: JSON.stringify(p.title),
        text_json: JSON.stringify(p.text),
        sort,
      });
    });
    writer.insert('charters', {
      version: data.charter.version,
      text_fr: data.charter.text.fr,
      text_en: data.charter.text.en,
      published_at: at,
      published_by: null,
    });
    const required = data.consentPurposes.filter((p) => p.kind === 'required').map((p) => p.code);
    for (const m of data.demoMembers) {
      const id = writer.db
        .prepare('SELECT id FROM members WHERE name_key = ? AND erased_at IS NULL ORDER BY id LIMIT 1')
        .pluck()
        .get(nameKey(m.displayName)) as string | undefined;
      if (!id) continue;
      for (const purpose of required) writer.insert('consents', { member_id: id, purpose_code: purpose, given: 1 });
      writer.insert('charter_acceptances', { member_id: id, version: data.charter.version });
      writer.update('members', id, { consent_at: at, charter_version: data.charter.version, charter_accepted_at: at });
      for (const c of m.certifications) {
        const version = modules.currentVersion(c.module);
        const months = modules.validityMonths(c.module);
        if (version === null || months === null) {
          throw new Error(`seed: demo member ${m.displayName} has a certification of ${c.module}, which is not among the safety modules`);
        }
        const signedOff = new Date(now.getTime() - c.signedOffDaysAgo * 86_400_000);
        writer.insert('certifications', {
          member_id: id,
          module_code: c.module,
          module_version: version,
          quiz_attempt_id: null,
          session_id: null,
          signed_off_by: null,
          signed_off_at: signedOff.toISOString(),
          expires_at: addMonths(signedOff, months).toISOString(),
          revoked_at: null,
          note: 'demo',
        });
      }
    }
  });
  return true;
}
