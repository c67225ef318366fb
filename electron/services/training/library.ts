// The safety modules this kiosk teaches: the versions loaded from assets/modules are the current ones.
// Every version ever loaded is also a row of `modules`, so a certification always names a known version.
import { DomainError } from '../../api/errors';
import type { ModuleContent, ModuleSummary, ModuleVersionInfo } from '../../api/models';
import type { Store } from '../../store';
import type { AuditLog } from '../audit';
import type { LoadedModule } from './module-loader';
import type { ModuleDefinition } from './module-schema';

export class ModuleLibrary {
  private readonly modules = new Map<string, LoadedModule>();

  constructor(
    private readonly store: Store,
    loaded: LoadedModule[],
  ) {
    for (const m of loaded) this.modules.set(m.def.code, m);
  }

  /** Records new versions (and a content changed without a new version, which keeps certifications valid). */
  sync(audit: AuditLog, log: (message: string) => void, now: Date): void {
    const w = this.store.writer;
    w.transaction(() => {
      for (const { def, sha256 } of this.modules.values()) {
        const row = this.store.db
          .prepare('SELECT id, content_sha256 FROM modules WHERE code = ? AND version = ?')
          .get(def.code, def.version) as { id: string; content_sha256: string } | undefined;
        const values = {
          title_fr: def.title.fr,
          title_en: def.title.en,
          validity_months: def.validityMonths,
          content_sha256: sha256,
          content_json: JSON.stringify(def),
        };
        if (!row) {
          // The row is the record of a new version (when, on which kiosk): no audit line on every fresh start.
          w.insert('modules', { code: def.code, version: def.version, published_at: now.toISOString(), ...values });
        } else if (row.content_sha256 !== sha256) {
          // Authors fix typos without a new version; a change that matters must bump the version.
          log(`safety module ${def.code} ${def.version}: content changed without a new version`);
          w.update('modules', row.id, values);
          audit.record(null, 'module.content_changed', row.id, { module: def.code, version: def.version });
        }
      }
    });
  }

  has(code: string): boolean {
    return this.modules.has(code);
  }

  get(code: string): ModuleDefinition | undefined {
    return this.modules.get(code)?.def;
  }

  /** The current definition, or `not_found` {what: 'module'}. */
  require(code: string): ModuleDefinition {
    const def = this.get(code);
    if (!def) throw new DomainError('not_found', { what: 'module', code });
    return def;
  }

  currentVersion(code: string): string | null {
    return this.get(code)?.version ?? null;
  }

  codes(): string[] {
    return [...this.modules.keys()];
  }

  image(code: string, file: string): string {
    const svg = this.modules.get(code)?.images.get(file);
    if (svg === undefined) throw new DomainError('not_found', { what: 'image' });
    return svg;
  }

  /** Machine codes that require each module. */
  machinesByModule(): Map<string, string[]> {
    const rows = this.store.db
      .prepare('SELECT code, required_module FROM machines WHERE active = 1 AND required_module IS NOT NULL ORDER BY code')
      .all() as { code: string; required_module: string }[];
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.required_module, [...(map.get(r.required_module) ?? []), r.code]);
    return map;
  }

  summaries(): ModuleSummary[] {
    const machines = this.machinesByModule();
    return [...this.modules.values()].map(({ def }) => summary(def, machines.get(def.code) ?? []));
  }

  content(code: string): ModuleContent {
    const def = this.require(code);
    return {
      ...summary(def, this.machinesByModule().get(code) ?? []),
      content: {
        steps: def.steps.map((s) => ({ id: s.id, kind: s.kind, title: s.title, body: s.body, points: s.points, image: s.image ?? null })),
        // The answers and explanations stay here: they come back only with a graded attempt.
        quiz: def.quiz.map((q) => ({ id: q.id, question: q.question, choices: q.choices, multiple: q.correct.length > 1 })),
      },
    };
  }

  versions(now: Date): ModuleVersionInfo[] {
    const rows = this.store.db
      .prepare(
        `SELECT m.code, m.version, m.content_sha256, m.published_at,
           (SELECT COUNT(*) FROM certifications c JOIN members p ON p.id = c.member_id
             WHERE c.module_code = m.code AND c.module_version = m.version AND c.revoked_at IS NULL
               AND c.expires_at > ? AND p.erased_at IS NULL) AS certified
         FROM modules m ORDER BY m.code, m.published_at DESC`,
      )
      .all(now.toISOString()) as { code: string; version: string; content_sha256: string; published_at: string; certified: number }[];
    return rows.map((r) => ({
      code: r.code,
      version: r.version,
      contentSha256: r.content_sha256,
      publishedAt: r.published_at,
      current: this.currentVersion(r.code) === r.version,
      certified: r.certified,
    }));
  }
}

function summary(def: ModuleDefinition, machines: string[]): ModuleSummary {
  return {
    code: def.code,
    version: def.version,
    title: def.title,
    summary: def.summary,
    machineKinds: def.machineKinds,
    machines,
    validityMonths: def.validityMonths,
    passMark: def.passMark,
    durationMin: def.durationMin,
    steps: def.steps.length,
    questions: def.quiz.length,
    cover: def.steps.find((s) => s.image)?.image ?? null,
  };
}
