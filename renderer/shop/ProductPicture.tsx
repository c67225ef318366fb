// A picture per product, drawn: a spool of filament, a stack of sheets in the material's colour, a roll
// of vinyl, a thin thermoforming sheet, a brass nozzle, a small electronics board. People find "the
// plywood" faster by its colour than by reading. Flat shapes, 160 × 110, the machines' palette.
import type { ReactNode } from 'react';
import type { ShopProduct } from '../../electron/api/types';

const C = {
  ink: '#2B2823',
  stone: '#EDE5D6',
  green: '#1E4B3A',
  greenLight: '#4E8C6C',
  ochre: '#E0A53A',
  terracotta: '#B5502B',
  brass: '#C9A24A',
  brassDark: '#8E6E25',
  metal: '#9AA0A4',
  white: '#FFFDF8',
};

/** The sheet's colour from its code: plywood is light wood, MDF brown, acrylic clear. */
function sheetColours(code: string): { face: string; edge: string; clear: boolean } {
  if (/acryl|pmma/.test(code)) return { face: '#CFE4EA', edge: '#8FB9C4', clear: true };
  if (/mdf/.test(code)) return { face: '#A9774B', edge: '#7C5433', clear: false };
  if (/ply|contre/.test(code)) return { face: '#E2BE86', edge: '#B88A4E', clear: false };
  return { face: '#D9CDB5', edge: '#A8997C', clear: false };
}

/** Filament colour from its code: PLA green, PETG ochre, anything else terracotta. */
function filamentColour(code: string): string {
  if (/pla/.test(code)) return C.greenLight;
  if (/petg/.test(code)) return C.ochre;
  return C.terracotta;
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <svg viewBox="0 0 160 110" className="product-art" aria-hidden="true" focusable="false">
      <ellipse cx="80" cy="101" rx="58" ry="5" fill={C.ink} opacity="0.12" />
      {children}
    </svg>
  );
}

function Spool({ colour }: { colour: string }) {
  return (
    <Frame>
      <ellipse cx="80" cy="55" rx="44" ry="44" fill={C.ink} />
      <circle cx="80" cy="55" r="38" fill={colour} />
      {[30, 26, 22].map((r) => (
        <circle key={r} cx="80" cy="55" r={r} fill="none" stroke={C.ink} strokeOpacity="0.18" strokeWidth="1.5" />
      ))}
      <circle cx="80" cy="55" r="15" fill={C.ink} />
      <circle cx="80" cy="55" r="7" fill={C.stone} />
      <path d="M118 60 Q138 70 132 94" stroke={colour} strokeWidth="3" fill="none" strokeLinecap="round" />
    </Frame>
  );
}

function Sheets({ code }: { code: string }) {
  const c = sheetColours(code);
  return (
    <Frame>
      {[0, 1, 2].map((i) => {
        const y = 62 - i * 14;
        return (
          <g key={i}>
            <path d={`M22 ${y + 18} L58 ${y} L140 ${y} L104 ${y + 18} Z`} fill={c.face} stroke={c.edge} strokeWidth="1.5" opacity={c.clear ? 0.85 : 1} />
            <path d={`M22 ${y + 18} L104 ${y + 18} L104 ${y + 24} L22 ${y + 24} Z`} fill={c.edge} />
            <path d={`M104 ${y + 18} L140 ${y} L140 ${y + 6} L104 ${y + 24} Z`} fill={c.edge} opacity="0.8" />
          </g>
        );
      })}
      {c.clear ? <path d="M70 24 L96 24 M64 30 L84 30" stroke={C.white} strokeWidth="3" strokeLinecap="round" /> : <path d="M64 30 Q86 26 110 30" stroke={c.edge} strokeWidth="1.4" fill="none" />}
    </Frame>
  );
}

function ThermoSheet() {
  return (
    <Frame>
      <path d="M18 78 L54 56 L142 56 L106 78 Z" fill="#D8ECEF" stroke="#8FB9C4" strokeWidth="2" />
      <path d="M64 68 Q80 40 98 68" fill="#BFDDE3" stroke="#8FB9C4" strokeWidth="2" />
      <path d="M18 78 L106 78 L106 81 L18 81 Z" fill="#8FB9C4" />
      <path d="M74 52 Q80 44 88 50" stroke={C.white} strokeWidth="3" fill="none" strokeLinecap="round" />
    </Frame>
  );
}

function VinylRoll() {
  return (
    <Frame>
      <rect x="30" y="30" width="88" height="40" rx="4" fill={C.terracotta} />
      <ellipse cx="118" cy="50" rx="10" ry="20" fill="#D26A42" />
      <ellipse cx="118" cy="50" rx="4" ry="8" fill={C.ink} />
      <path d="M30 70 L30 92 L96 92 Q104 84 96 74 L118 70" fill={C.terracotta} opacity="0.85" />
      <path d="M44 40 L96 40" stroke={C.white} strokeWidth="3" strokeLinecap="round" opacity="0.6" />
    </Frame>
  );
}

function Nozzle() {
  return (
    <Frame>
      <rect x="66" y="12" width="28" height="30" rx="2" fill={C.brass} />
      {[18, 24, 30, 36].map((y) => (
        <path key={y} d={`M66 ${y}h28`} stroke={C.brassDark} strokeWidth="1.6" />
      ))}
      <path d="M56 42 H104 L98 66 H62 Z" fill={C.brass} stroke={C.brassDark} strokeWidth="2" />
      <path d="M66 66 H94 L84 88 H76 Z" fill={C.brass} stroke={C.brassDark} strokeWidth="2" />
      <circle cx="80" cy="90" r="2.5" fill={C.ink} />
    </Frame>
  );
}

function Board() {
  return (
    <Frame>
      <rect x="24" y="34" width="112" height="46" rx="5" fill={C.green} />
      <rect x="66" y="46" width="26" height="22" rx="2" fill={C.ink} />
      <rect x="26" y="48" width="14" height="18" rx="2" fill={C.metal} />
      {Array.from({ length: 12 }, (_, i) => (
        <g key={i}>
          <circle cx={44 + i * 7.5} cy="38.5" r="1.8" fill={C.ochre} />
          <circle cx={44 + i * 7.5} cy="75.5" r="1.8" fill={C.ochre} />
        </g>
      ))}
      <circle cx="116" cy="57" r="4" fill={C.white} opacity="0.8" />
    </Frame>
  );
}

function Parcel() {
  return (
    <Frame>
      <path d="M36 40 L80 24 L124 40 L80 56 Z" fill="#E2BE86" stroke="#B88A4E" strokeWidth="2" />
      <path d="M36 40 V84 L80 100 V56 Z" fill="#D2A86C" stroke="#B88A4E" strokeWidth="2" />
      <path d="M124 40 V84 L80 100 V56 Z" fill="#C8925A" stroke="#B88A4E" strokeWidth="2" />
      <path d="M58 32 L102 48 V62" stroke={C.white} strokeWidth="4" fill="none" opacity="0.7" />
    </Frame>
  );
}

export function ProductPicture({ product }: { product: Pick<ShopProduct, 'id' | 'kind' | 'type'> }) {
  const code = product.id.toLowerCase();
  if (product.type === 'material') {
    switch (product.kind) {
      case 'filament':
        return <Spool colour={filamentColour(code)} />;
      case 'sheet':
        return <Sheets code={code} />;
      case 'thermoforming':
        return <ThermoSheet />;
      case 'vinyl':
        return <VinylRoll />;
      default:
        return <Parcel />;
    }
  }
  if (/nozzle|buse/.test(code)) return <Nozzle />;
  if (/arduino|board|carte|esp32|nano/.test(code)) return <Board />;
  return <Parcel />;
}
