// Choosing the machine (a card with its picture) and the material (a chip with its mark): the G-code
// check, the laser and the printers.
import { useTranslation } from 'react-i18next';
import type { MachineSummary, Material } from '../../electron/api/types';
import { CheckIcon } from '../components/icons';
import { MachineIllustration } from '../components/MachineIllustration';
import { formatWorkArea, pick, type Lang } from '../lib/format';

export function MachinePicker({
  machines,
  value,
  lang,
  disabled = false,
  labelledBy,
  testId = 'prep-machine',
  showKind = false,
  onChange,
}: {
  machines: readonly MachineSummary[];
  value: string | null;
  lang: Lang;
  disabled?: boolean;
  labelledBy: string;
  testId?: string;
  /** The G-code check mixes kinds, so it names the kind above the work area. */
  showKind?: boolean;
  onChange(m: MachineSummary): void;
}) {
  const { t } = useTranslation();
  return (
    <div className={showKind ? 'pick-grid' : 'pick-grid prep-machines'} role="group" aria-labelledby={labelledBy}>
      {machines.map((m) => (
        <button
          key={m.id}
          type="button"
          className="pick-card"
          data-testid={testId}
          data-code={m.code}
          aria-pressed={value === m.id}
          disabled={disabled}
          onClick={() => onChange(m)}
        >
          <span className="pick-art">
            <MachineIllustration kind={m.kind} />
          </span>
          <span className="pick-name">{m.name}</span>
          {showKind ? (
            <>
              <span className="pick-meta">{t(`kind.${m.kind}`)}</span>
              {m.workArea ? <span className="pick-meta">{formatWorkArea(m.workArea, lang)}</span> : null}
            </>
          ) : (
            <span className="pick-meta">{m.workArea ? formatWorkArea(m.workArea, lang) : t(`kind.${m.kind}`)}</span>
          )}
          {value === m.id ? (
            <span className="pick-check" aria-hidden="true">
              <CheckIcon size={22} />
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

export function MaterialChips({
  materials,
  value,
  lang,
  disabled = false,
  labelledBy,
  testId = 'prep-material',
  onChange,
}: {
  materials: readonly Material[];
  value: string | null;
  lang: Lang;
  disabled?: boolean;
  labelledBy: string;
  testId?: string;
  onChange(m: Material): void;
}) {
  return (
    <div className="chips" role="group" aria-labelledby={labelledBy}>
      {materials.map((mat) => (
        <button
          key={mat.id}
          type="button"
          className="chip"
          data-testid={testId}
          data-code={mat.id}
          aria-pressed={value === mat.id}
          disabled={disabled}
          onClick={() => onChange(mat)}
        >
          {mat.kind === 'filament' ? <SpoolMark /> : <SheetMark id={mat.id} />}
          {pick(mat.name, lang)}
        </button>
      ))}
    </div>
  );
}

function SpoolMark() {
  return (
    <svg className="spool-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="#1e4b3a" />
      <circle cx="12" cy="12" r="6.5" fill="#4e8c6c" />
      <circle cx="12" cy="12" r="2.5" fill="#efe7d8" />
    </svg>
  );
}

/** A sheet seen at an angle, in the colour of what it is (wood, MDF, clear acrylic). */
function SheetMark({ id }: { id: string }) {
  const face = /acryl|pmma/i.test(id) ? '#bfe0ea' : /mdf/i.test(id) ? '#a8825a' : /ply|bois|wood/i.test(id) ? '#d9b27c' : '#cdbe9f';
  return (
    <svg className="spool-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 15 L13 19 L21 10 L11 6 Z" fill={face} stroke="#4a4339" strokeWidth="1.2" strokeLinejoin="round" />
      <path d="M3 15 L3 17 L13 21 L13 19 Z M13 19 L13 21 L21 12 L21 10 Z" fill="#4a4339" opacity="0.55" />
      <path d="M7 12 L15 15.5 M10 9.5 L17 12.3" stroke="#4a4339" strokeWidth="0.7" opacity="0.45" />
    </svg>
  );
}
