// The maker says what a job takes from the shelf: how many sheets of which material for a laser or CNC
// job (a fablab's cuts are nested on one sheet, or spread over several), or which filament a print runs
// on. Read when the job ends; once it is charged, only a manager's correction changes it.
import type { Caller } from '../../../api/dispatcher';
import { DomainError } from '../../../api/errors';
import type { JobMaterialDeclaration } from '../../../api/models';
import { roleAtLeast } from '../../../api/roles';
import type { Store } from '../../../store';
import { requireMaterial } from '../refs';
import { refused } from '../refused';

export function declareJobMaterial(store: Store, input: { jobId: string; materialId?: string | undefined; sheets: number }, caller: Caller): JobMaterialDeclaration {
  const job = store.db
    .prepare('SELECT j.id, j.member_id, j.material_id, m.kind AS machine_kind FROM jobs j JOIN machines m ON m.id = j.machine_id WHERE j.id = ?')
    .get(input.jobId) as { id: string; member_id: string | null; material_id: string | null; machine_kind: string } | undefined;
  if (!job) throw new DomainError('not_found', { what: 'job' });
  if (job.member_id !== caller.memberId && !roleAtLeast(caller.role, 'trainer')) throw new DomainError('forbidden');
  const charged = store.db.prepare("SELECT 1 FROM ledger_entries WHERE job_id = ? AND kind = 'material' AND corrects_id IS NULL").get(job.id);
  if (charged) throw refused('job_charged');
  const materialId = input.materialId ?? job.material_id;
  if (materialId) {
    const material = requireMaterial(store.db, materialId);
    const fits = job.machine_kind === 'fdm' ? material.kind === 'filament' : material.unit === 'sheet';
    if (!fits) throw refused('material_kind', { material: material.code });
  } else if (job.machine_kind !== 'fdm') {
    throw new DomainError('invalid_input', { field: 'materialId' });
  }
  const material = input.materialId ? requireMaterial(store.db, input.materialId) : null;
  store.writer.insert('job_material_declarations', {
    job_id: job.id,
    material_id: material?.id ?? null,
    sheets: input.sheets,
    declared_by: caller.memberId,
  });
  return { jobId: job.id, materialId: material?.code ?? null, sheets: input.sheets };
}
