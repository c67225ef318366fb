// Pictures of the files a maker may bring: a sheet of paper with its folded corner, what is inside
// (a drawing, a photo, a 3D part, lines of G-code) and the extension on a coloured band.

export type FileArtKind = 'drawing' | 'image' | 'model' | 'gcode';

const band: Record<FileArtKind, string> = { drawing: '#b04c28', image: '#74510f', model: '#2f6b52', gcode: '#4a4339' };

export function kindOfExtension(ext: string): FileArtKind {
  if (ext === 'png' || ext === 'jpg' || ext === 'jpeg') return 'image';
  if (ext === 'stl' || ext === '3mf' || ext === 'obj') return 'model';
  if (ext === 'svg' || ext === 'dxf') return 'drawing';
  return 'gcode';
}

export function FileArt({ ext, size = 64, label = true }: { ext: string; size?: number; label?: boolean }) {
  const kind = kindOfExtension(ext);
  return (
    <svg className="file-art" width={size} height={size * 1.2} viewBox="0 0 50 60" aria-hidden="true" focusable="false">
      <path d="M6 2 H33 L44 13 V56 a2 2 0 0 1 -2 2 H6 a2 2 0 0 1 -2 -2 V4 a2 2 0 0 1 2 -2 Z" fill="#fffcf6" stroke="#4a4339" strokeWidth="2" strokeLinejoin="round" />
      <path d="M33 2 V11 a2 2 0 0 0 2 2 H44" fill="#efe7d8" stroke="#4a4339" strokeWidth="2" strokeLinejoin="round" />
      {kind === 'drawing' ? (
        <g fill="none" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M11 33 L18 20 L25 33 Z" stroke="#d0312d" />
          <circle cx="32" cy="27" r="6" stroke="#1f5fbf" />
          <path d="M10 38 H38" stroke="#23201b" strokeDasharray="3 3" />
        </g>
      ) : kind === 'image' ? (
        <g>
          <rect x="9" y="17" width="31" height="22" rx="2" fill="#f8eacb" stroke="#4a4339" strokeWidth="1.5" />
          <circle cx="32" cy="23" r="3.2" fill="#d99a2b" />
          <path d="M10 38 L20 27 L27 34 L31 30 L39 38 Z" fill="#74510f" />
        </g>
      ) : kind === 'model' ? (
        <g strokeLinejoin="round" strokeWidth="1.5" stroke="#143527">
          <path d="M24 16 L36 22 L24 28 L12 22 Z" fill="#4e8c6c" />
          <path d="M12 22 L24 28 V40 L12 34 Z" fill="#2f6b52" />
          <path d="M36 22 L24 28 V40 L36 34 Z" fill="#1e4b3a" />
        </g>
      ) : (
        <g stroke="#4a4339" strokeWidth="2" strokeLinecap="round">
          <path d="M10 18 H20 M23 18 H36 M10 24 H16 M19 24 H38 M10 30 H22 M25 30 H33 M10 36 H18 M21 36 H37" />
        </g>
      )}
      {label ? (
        <g>
          <rect x="4" y="44" width="40" height="12" rx="2" fill={band[kind]} />
          <text x="24" y="53.2" textAnchor="middle" fontSize="9" fontWeight="700" fill="#fff" fontFamily="DejaVu Sans, sans-serif">
            {ext.toUpperCase()}
          </text>
        </g>
      ) : null}
    </svg>
  );
}

/** "Start from a template": a set square and a compass arc, the drawing tools of a ready-made project. */
export function TemplatesIcon({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.9} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M3.5 20.5V5l15.5 15.5z" />
      <path d="M7 17V13.5l3.5 3.5z" />
      <path d="M13 3.5a7.5 7.5 0 0 1 7.5 7.5" />
      <path d="M3.5 9h2M3.5 13h2" />
    </svg>
  );
}
