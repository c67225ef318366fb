// Steps 1 and 2 of a preparation: the machine, then the material, side by side; what the lab has
// none of is said instead of an empty row.
import type { ReactNode } from 'react';
import type { MachineSummary, Material } from '../../electron/api/types';
import type { Lang } from '../lib/format';
import { MachinePicker, MaterialChips } from './Pickers';

export interface StepTexts {
  machine: string;
  material: string;
  noMachine: string;
  noMaterial: string;
}

export function MachineMaterialStep({
  idPrefix,
  texts,
  machines,
  materials,
  machineId,
  materialId,
  lang,
  disabled,
  onMachine,
  onMaterial,
  children,
}: {
  /** Names the headings' ids, which label the pickers. */
  idPrefix: string;
  texts: StepTexts;
  machines: readonly MachineSummary[];
  materials: readonly Material[];
  machineId: string | null;
  materialId: string | null;
  lang: Lang;
  disabled: boolean;
  onMachine(m: MachineSummary): void;
  onMaterial(m: Material): void;
  /** Said under the materials (a missing preset). */
  children?: ReactNode;
}) {
  const machineTitle = `${idPrefix}-step-machine`;
  const materialTitle = `${idPrefix}-step-material`;
  return (
    <section className="card step-card prep-step" aria-labelledby={machineTitle}>
      <div className="prep-step-grid">
        <div>
          <h2 id={machineTitle} className="field-label">
            <span className="step">1</span>
            {texts.machine}
          </h2>
          {machines.length === 0 ? (
            <p className="empty">{texts.noMachine}</p>
          ) : (
            <MachinePicker machines={machines} value={machineId} lang={lang} disabled={disabled} labelledBy={machineTitle} onChange={onMachine} />
          )}
        </div>
        <div>
          <h2 id={materialTitle} className="field-label">
            <span className="step">2</span>
            {texts.material}
          </h2>
          {materials.length === 0 ? (
            <p className="empty">{texts.noMaterial}</p>
          ) : (
            <MaterialChips materials={materials} value={materialId} lang={lang} disabled={disabled} labelledBy={materialTitle} onChange={onMaterial} />
          )}
          {children}
        </div>
      </div>
    </section>
  );
}
