// A picture per template, drawn inline: what the maker will hold in their hands once it is made.
// A template added later without a picture gets the one of its kind (a sheet for the laser, a part
// for the printer).

export function TemplateArt({ id, kind, size = 120 }: { id: string; kind: 'laser' | 'print' | 'either'; size?: number }) {
  return (
    <svg className="template-art" width={size} height={size * 0.75} viewBox="0 0 160 120" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="160" height="120" rx="14" fill="#efe7d8" />
      {art(id, kind)}
    </svg>
  );
}

const wood = '#d9b27c';
const woodDark = '#a8825a';
const ink = '#4a4339';
const burn = '#5b3a1e';
const green = '#4e8c6c';
const greenDark = '#1e4b3a';
const ochre = '#d99a2b';

function art(id: string, kind: 'laser' | 'print' | 'either') {
  switch (id) {
    case 'box':
      return (
        <g strokeLinejoin="round" stroke={ink} strokeWidth="2">
          <path d="M40 52 L80 36 L120 52 L80 68 Z" fill="#e8c896" />
          <path d="M40 52 L80 68 V100 L40 84 Z" fill={wood} />
          <path d="M120 52 L80 68 V100 L120 84 Z" fill={woodDark} />
          {/* The fingers of the joints along the front edge. */}
          <path d="M80 72 h5 v6 h-5 v6 h5 v6 h-5" fill="none" stroke={burn} strokeWidth="1.6" />
          <path d="M44 58 v6 h-4 M44 70 v6 h-4" fill="none" stroke={burn} strokeWidth="1.6" />
        </g>
      );
    case 'coaster':
      return (
        <g>
          <ellipse cx="80" cy="72" rx="50" ry="24" fill={woodDark} />
          <ellipse cx="80" cy="66" rx="50" ry="24" fill={wood} stroke={ink} strokeWidth="2" />
          <ellipse cx="80" cy="66" rx="38" ry="17" fill="none" stroke={burn} strokeWidth="1.6" strokeDasharray="4 3" />
          <text x="80" y="71" textAnchor="middle" fontSize="15" fontWeight="700" fill={burn} fontFamily="DejaVu Serif, serif">
            Léa
          </text>
        </g>
      );
    case 'keychain':
      return (
        <g strokeLinejoin="round">
          <circle cx="36" cy="58" r="13" fill="none" stroke="#9aa59e" strokeWidth="5" />
          <rect x="46" y="44" width="84" height="30" rx="10" fill={green} stroke={greenDark} strokeWidth="2" />
          <circle cx="56" cy="59" r="4.5" fill="#efe7d8" stroke={greenDark} strokeWidth="1.5" />
          <text x="96" y="65.5" textAnchor="middle" fontSize="17" fontWeight="800" fill="#fffcf6" fontFamily="DejaVu Sans, sans-serif">
            ZOÉ
          </text>
          <path d="M50 74 h80 v6 a10 10 0 0 1 -10 6 h-60 a10 10 0 0 1 -10 -6 Z" fill={greenDark} />
        </g>
      );
    case 'phone-stand':
      return (
        <g strokeLinejoin="round" stroke={greenDark} strokeWidth="2">
          <path d="M38 96 L122 96 L122 88 L72 88 L100 40 L92 36 L58 88 L38 88 Z" fill={green} />
          <rect x="82" y="22" width="24" height="46" rx="4" transform="rotate(30 94 45)" fill="#23201b" stroke="#23201b" />
          <rect x="86" y="27" width="16" height="34" rx="2" transform="rotate(30 94 45)" fill="#9fb3a6" stroke="none" />
        </g>
      );
    case 'gear':
      return (
        <g>
          <path d={gearPath(62, 62, 34, 26, 12)} fill={ochre} stroke={ink} strokeWidth="2" strokeLinejoin="round" />
          <circle cx="62" cy="62" r="8" fill="#efe7d8" stroke={ink} strokeWidth="2" />
          <path d={gearPath(112, 74, 22, 16, 8)} fill={green} stroke={greenDark} strokeWidth="2" strokeLinejoin="round" />
          <circle cx="112" cy="74" r="5" fill="#efe7d8" stroke={greenDark} strokeWidth="2" />
        </g>
      );
    case 'drawer-tag':
      return (
        <g strokeLinejoin="round">
          <rect x="20" y="30" width="120" height="66" rx="6" fill={woodDark} stroke={ink} strokeWidth="2" />
          <rect x="44" y="44" width="72" height="28" rx="4" fill="#fffcf6" stroke={ink} strokeWidth="2" />
          <circle cx="50" cy="58" r="2.4" fill={ink} />
          <circle cx="110" cy="58" r="2.4" fill={ink} />
          <text x="80" y="63" textAnchor="middle" fontSize="12" fontWeight="700" fill={burn} fontFamily="DejaVu Sans, sans-serif">
            VIS M4
          </text>
          <rect x="66" y="80" width="28" height="7" rx="3.5" fill={ink} />
        </g>
      );
    default:
      return kind === 'print' ? (
        <g strokeLinejoin="round" stroke={greenDark} strokeWidth="2">
          <path d="M80 30 L116 48 L80 66 L44 48 Z" fill="#7fb08f" />
          <path d="M44 48 L80 66 V100 L44 82 Z" fill={green} />
          <path d="M116 48 L80 66 V100 L116 82 Z" fill={greenDark} />
        </g>
      ) : (
        <g>
          <path d="M30 84 L64 34 L130 34 L96 84 Z" fill={wood} stroke={ink} strokeWidth="2" strokeLinejoin="round" />
          <path d="M62 70 L80 44 L104 44 L86 70 Z" fill="none" stroke="#d0312d" strokeWidth="2" />
        </g>
      );
  }
}

/** A gear's outline: `teeth` teeth between radii `r1` (tips) and `r2` (roots). */
function gearPath(cx: number, cy: number, r1: number, r2: number, teeth: number): string {
  const pts: string[] = [];
  for (let i = 0; i < teeth * 4; i++) {
    const a = (i / (teeth * 4)) * Math.PI * 2;
    const r = i % 4 === 1 || i % 4 === 2 ? r1 : r2;
    pts.push(`${(cx + r * Math.cos(a)).toFixed(1)} ${(cy + r * Math.sin(a)).toFixed(1)}`);
  }
  return `M${pts.join(' L')} Z`;
}
