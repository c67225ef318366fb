// Pictures of what the laser does with a colour: a cut goes through (a line splitting a sheet), a score
// marks the surface (a dashed line), an engraving fills (hatching), ignore burns nothing (crossed out).
import type { LaserOperation } from '../../electron/api/types';

export function OperationIcon({ op, size = 30 }: { op: LaserOperation; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
      {op === 'cut' ? (
        <>
          <path d="M4 22 L13 14 L4 6" opacity="0.35" />
          <path d="M28 22 L19 14 L28 6" opacity="0.35" />
          <path d="M16 3 V29" strokeWidth="3" />
          <circle cx="16" cy="16" r="3.2" fill="currentColor" stroke="none" />
        </>
      ) : op === 'score' ? (
        <>
          <rect x="4" y="6" width="24" height="20" rx="3" opacity="0.35" />
          <path d="M8 16 H11 M14 16 H17 M20 16 H23" strokeWidth="3" />
        </>
      ) : op === 'engrave' ? (
        <>
          <rect x="4" y="6" width="24" height="20" rx="3" opacity="0.35" />
          <path d="M8 11 H24 M8 14.5 H24 M8 18 H24 M8 21.5 H24" strokeWidth="2" />
        </>
      ) : (
        <>
          <rect x="4" y="6" width="24" height="20" rx="3" opacity="0.35" />
          <path d="M7 26 L25 6" strokeWidth="2.6" />
        </>
      )}
    </svg>
  );
}
