// One drawing per kind of machine: the lab has no photos, and people recognise a machine faster than
// they read its name. Flat shapes in the kiosk's palette, 160 × 120.
import type { ReactNode } from 'react';
import type { MachineKind } from '../../electron/api/types';

const C = {
  stone: '#EDE5D6',
  stoneDark: '#CBBB9C',
  ink: '#2B2823',
  metal: '#9AA0A4',
  metalDark: '#5F666B',
  terracotta: '#B5502B',
  terracottaLight: '#E08A5F',
  green: '#1E4B3A',
  greenLight: '#4E8C6C',
  ochre: '#E0A53A',
  wood: '#C8925A',
  woodDark: '#9A6A3A',
  glass: '#BCD6DA',
  red: '#D8412F',
  white: '#FFFDF8',
};

function Frame({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <svg viewBox="0 0 160 120" className="machine-art" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true}>
      {title ? <title>{title}</title> : null}
      <ellipse cx="80" cy="110" rx="66" ry="6" fill={C.ink} opacity="0.12" />
      {children}
    </svg>
  );
}

function Fdm() {
  return (
    <>
      <rect x="28" y="94" width="100" height="10" rx="3" fill={C.ink} />
      <rect x="36" y="20" width="8" height="76" rx="2" fill={C.terracotta} />
      <rect x="112" y="20" width="8" height="76" rx="2" fill={C.terracotta} />
      <rect x="34" y="16" width="88" height="9" rx="3" fill={C.terracotta} />
      <rect x="44" y="49" width="68" height="4" fill={C.metal} />
      <path d="M132 40 Q110 24 82 38" stroke={C.greenLight} strokeWidth="2" fill="none" />
      <rect x="70" y="36" width="22" height="22" rx="4" fill={C.ink} />
      <rect x="74" y="41" width="9" height="6" rx="1" fill={C.ochre} />
      <path d="M77 58h8l-4 7z" fill={C.ochre} />
      <rect x="46" y="86" width="64" height="6" rx="1.5" fill={C.metalDark} />
      <path d="M71 86 L73.5 74 Q81 67 88.5 74 L91 86 Z" fill={C.greenLight} />
      <path d="M73 80h16M74 76h14" stroke={C.green} strokeWidth="1" opacity="0.6" />
      <circle cx="138" cy="40" r="15" fill={C.green} />
      <circle cx="138" cy="40" r="10" fill={C.greenLight} />
      <circle cx="138" cy="40" r="4.5" fill={C.stone} />
      <path d="M138 55v30" stroke={C.ink} strokeWidth="3" strokeLinecap="round" />
    </>
  );
}

function Laser() {
  return (
    <>
      <rect x="24" y="94" width="9" height="12" fill={C.ink} />
      <rect x="127" y="94" width="9" height="12" fill={C.ink} />
      <rect x="12" y="50" width="136" height="46" rx="5" fill={C.stone} stroke={C.ink} strokeWidth="2.5" />
      <path d="M12 52 L30 24 H130 L148 52 Z" fill={C.glass} stroke={C.ink} strokeWidth="2.5" strokeLinejoin="round" />
      <path d="M36 30 L28 46 M50 30 L44 44" stroke={C.white} strokeWidth="2.5" strokeLinecap="round" opacity="0.8" />
      <rect x="34" y="44" width="84" height="3" fill={C.metalDark} />
      <rect x="64" y="34" width="16" height="10" rx="2" fill={C.metalDark} />
      <path d="M72 44 V51" stroke={C.red} strokeWidth="2.5" />
      <circle cx="72" cy="51" r="3.5" fill={C.ochre} />
      <path d="M72 45.5v-2M66 51h-2.5M80.5 51H78M67.5 47l-1.5-1.5M76.5 47l1.5-1.5" stroke={C.ochre} strokeWidth="1.5" strokeLinecap="round" />
      <rect x="22" y="60" width="90" height="28" rx="3" fill={C.stoneDark} />
      <path d="M22 67h90M22 74h90M22 81h90M34 60v28M46 60v28M58 60v28M70 60v28M82 60v28M94 60v28" stroke={C.stone} strokeWidth="1" opacity="0.8" />
      <rect x="120" y="58" width="20" height="30" rx="3" fill={C.ink} />
      <rect x="123.5" y="62" width="13" height="8" rx="1" fill={C.greenLight} />
      <circle cx="130" cy="80" r="4.5" fill={C.red} />
    </>
  );
}

function Cnc() {
  return (
    <>
      <rect x="14" y="90" width="132" height="10" rx="3" fill={C.ink} />
      <rect x="20" y="80" width="120" height="11" rx="1.5" fill={C.metalDark} />
      <path d="M30 85.5h100" stroke={C.ink} strokeWidth="1.5" opacity="0.5" />
      <rect x="46" y="66" width="68" height="14" rx="1.5" fill={C.wood} />
      <path d="M54 66 v6 q0 3 3 3 h14" stroke={C.woodDark} strokeWidth="3" fill="none" strokeLinecap="round" />
      <rect x="24" y="30" width="11" height="52" rx="2" fill={C.green} />
      <rect x="125" y="30" width="11" height="52" rx="2" fill={C.green} />
      <rect x="22" y="24" width="116" height="14" rx="3" fill={C.green} />
      <rect x="28" y="29" width="104" height="3" fill={C.greenLight} />
      <rect x="70" y="32" width="20" height="24" rx="3" fill={C.metal} />
      <rect x="72" y="36" width="16" height="3" fill={C.metalDark} />
      <rect x="75" y="56" width="10" height="5" fill={C.metalDark} />
      <path d="M78 61h4l-2 7z" fill={C.ink} />
      <circle cx="70" cy="64" r="1.6" fill={C.wood} />
      <circle cx="90" cy="62" r="1.3" fill={C.wood} />
      <circle cx="66" cy="60" r="1" fill={C.wood} />
    </>
  );
}

function Vinyl() {
  return (
    <>
      <path d="M44 68 L32 106 M116 68 L128 106 M38 92 H122" stroke={C.ink} strokeWidth="4" strokeLinecap="round" />
      <rect x="36" y="30" width="88" height="12" rx="6" fill={C.terracotta} />
      <rect x="10" y="38" width="140" height="28" rx="9" fill={C.stone} stroke={C.ink} strokeWidth="2.5" />
      <rect x="10" y="38" width="22" height="28" rx="9" fill={C.green} />
      <rect x="128" y="38" width="22" height="28" rx="9" fill={C.green} />
      <rect x="133" y="45" width="11" height="6" rx="1" fill={C.ochre} />
      <path d="M32 50 H128" stroke={C.metalDark} strokeWidth="2" />
      <rect x="72" y="43" width="16" height="17" rx="3" fill={C.ink} />
      <path d="M80 60v4" stroke={C.metalDark} strokeWidth="2" />
      <path d="M36 64 H124 V86 Q100 80 80 86 T36 86 Z" fill={C.terracottaLight} />
      <path d="M58 70 l3.5 7 7.5 1-5.5 5 1.5 7.5-7-3.5-7 3.5 1.5-7.5-5.5-5 7.5-1z" fill="none" stroke={C.white} strokeWidth="1.6" strokeDasharray="3 2" transform="translate(0 -3) scale(1 0.92)" />
      <path d="M86 70h22M86 76h16" stroke={C.white} strokeWidth="2" strokeDasharray="3 2" strokeLinecap="round" />
    </>
  );
}

function Thermoformer() {
  return (
    <>
      <rect x="30" y="16" width="100" height="16" rx="4" fill={C.metalDark} />
      <path d="M38 36 l6 4 6-4 6 4 6-4 6 4 6-4 6 4 6-4 6 4 6-4 6 4 6-4 6 4" stroke={C.red} strokeWidth="2.2" fill="none" strokeLinejoin="round" />
      <rect x="34" y="34" width="92" height="12" fill={C.ochre} opacity="0.25" />
      <rect x="32" y="32" width="6" height="40" fill={C.metal} />
      <rect x="122" y="32" width="6" height="40" fill={C.metal} />
      <rect x="22" y="70" width="116" height="32" rx="5" fill={C.stone} stroke={C.ink} strokeWidth="2.5" />
      <path d="M34 88h30M34 94h30" stroke={C.stoneDark} strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="120" cy="86" r="5" fill={C.green} />
      <path d="M36 66 H58 Q58 46 80 46 Q102 46 102 66 H124" fill={C.glass} opacity="0.75" stroke={C.metalDark} strokeWidth="2" />
      <path d="M66 56 Q72 50 80 50" stroke={C.white} strokeWidth="2" fill="none" strokeLinecap="round" />
      <rect x="32" y="64" width="96" height="6" rx="2" fill={C.green} />
    </>
  );
}

function Embroidery() {
  const threads = [C.terracotta, C.ochre, C.green, C.red, C.glass, C.greenLight];
  return (
    <>
      {threads.map((c, i) => (
        <g key={c}>
          <rect x={42 + i * 12} y="6" width="8" height="12" rx="2" fill={c} />
          <path d={`M${46 + i * 12} 18 v6`} stroke={C.ink} strokeWidth="1.2" />
        </g>
      ))}
      <rect x="20" y="94" width="124" height="10" rx="3" fill={C.green} />
      <rect x="28" y="40" width="20" height="56" rx="4" fill={C.stone} stroke={C.ink} strokeWidth="2.5" />
      <rect x="28" y="22" width="104" height="30" rx="7" fill={C.stone} stroke={C.ink} strokeWidth="2.5" />
      <rect x="52" y="28" width="64" height="8" rx="2" fill={C.stoneDark} />
      {threads.map((c, i) => (
        <rect key={c} x={56 + i * 10} y="52" width="3" height={i === 2 ? 14 : 8} fill={C.metalDark} />
      ))}
      <ellipse cx="88" cy="80" rx="38" ry="11" fill={C.white} stroke={C.wood} strokeWidth="3.5" />
      <ellipse cx="80" cy="80" rx="5" ry="2.6" fill={C.terracotta} transform="rotate(-20 80 80)" />
      <ellipse cx="92" cy="80" rx="5" ry="2.6" fill={C.terracotta} transform="rotate(20 92 80)" />
      <ellipse cx="86" cy="76.5" rx="4.5" ry="2.4" fill={C.terracotta} />
      <ellipse cx="86" cy="83.5" rx="4.5" ry="2.4" fill={C.terracotta} />
      <circle cx="86" cy="80" r="2.4" fill={C.ochre} />
      <path d="M100 82 q6 -3 12 0" stroke={C.greenLight} strokeWidth="2" fill="none" />
    </>
  );
}

function Sewing() {
  return (
    <>
      <path d="M8 92 Q30 86 52 92 T96 92 V100 H8 Z" fill={C.terracottaLight} />
      <rect x="16" y="90" width="128" height="12" rx="3" fill={C.stone} stroke={C.ink} strokeWidth="2.5" />
      <path d="M14 95 H80" stroke={C.white} strokeWidth="1.6" strokeDasharray="4 3" />
      <path
        d="M110 90 V44 H50 V62 H24 V32 Q24 22 34 22 H122 Q134 22 134 32 V90 Z"
        fill={C.greenLight}
        stroke={C.ink}
        strokeWidth="2.5"
        strokeLinejoin="round"
      />
      <rect x="56" y="28" width="50" height="7" rx="2" fill={C.stone} opacity="0.85" />
      <circle cx="140" cy="40" r="9" fill={C.metal} stroke={C.ink} strokeWidth="2" />
      <circle cx="140" cy="40" r="2.5" fill={C.ink} />
      <rect x="84" y="8" width="10" height="14" rx="2" fill={C.ochre} />
      <path d="M89 8 V4" stroke={C.ink} strokeWidth="2" strokeLinecap="round" />
      <path d="M34 62 V78" stroke={C.metalDark} strokeWidth="2.5" />
      <path d="M36 62 V74" stroke={C.metal} strokeWidth="1.5" />
      <rect x="28" y="76" width="16" height="4" rx="1" fill={C.metalDark} />
      <path d="M89 22 Q70 30 40 32 Q34 40 34 62" stroke={C.ochre} strokeWidth="1.2" fill="none" />
    </>
  );
}

function Scanner() {
  return (
    <>
      <path d="M36 60 L22 106 M36 60 L50 106 M36 60 V106" stroke={C.ink} strokeWidth="3" strokeLinecap="round" />
      <path d="M54 40 L104 54 L104 92 L54 56 Z" fill={C.ochre} opacity="0.22" />
      <rect x="18" y="36" width="36" height="24" rx="5" fill={C.ink} />
      <circle cx="27" cy="48" r="4" fill={C.glass} />
      <circle cx="36" cy="48" r="3" fill={C.ochre} />
      <circle cx="45" cy="48" r="4" fill={C.glass} />
      <ellipse cx="104" cy="96" rx="34" ry="8" fill={C.metalDark} />
      <ellipse cx="104" cy="92" rx="34" ry="8" fill={C.metal} />
      <path d="M96 90 Q88 80 94 70 Q88 64 94 56 Q98 50 104 50 Q110 50 114 56 Q120 64 114 70 Q120 80 112 90 Z" fill={C.wood} />
      <path d="M92 62 Q104 58 116 62 M90 70 Q104 66 118 70 M91 78 Q104 74 117 78 M94 86 Q104 82 114 86" stroke={C.ochre} strokeWidth="1.6" fill="none" />
      <path d="M100 50 V90 M108 50 V90" stroke={C.ochre} strokeWidth="1.2" opacity="0.8" />
    </>
  );
}

const drawings: Record<MachineKind, () => ReactNode> = {
  fdm: Fdm,
  laser: Laser,
  cnc: Cnc,
  vinyl: Vinyl,
  thermoformer: Thermoformer,
  embroidery: Embroidery,
  sewing: Sewing,
  scanner: Scanner,
};

export function MachineIllustration({ kind, title }: { kind: MachineKind; title?: string }) {
  const Draw = drawings[kind] ?? Fdm;
  return (
    <Frame title={title}>
      <Draw />
    </Frame>
  );
}
