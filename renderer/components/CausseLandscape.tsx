// The band drawn under the welcome screen's title: the limestone plateau of the Causse, a dry stone
// wall, a stone hut (caselle) and an oak. Decoration only.
import { useMemo } from 'react';

/** Deterministic pseudo-random numbers, so the wall looks the same on every render. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

interface Stone {
  x: number;
  y: number;
  w: number;
  h: number;
  tone: number;
}

function wall(width: number, top: number, rows: number): Stone[] {
  const r = rng(7);
  const stones: Stone[] = [];
  for (let row = 0; row < rows; row++) {
    let x = row % 2 === 0 ? -10 : -28;
    const h = 13;
    const y = top + row * (h + 1.5);
    while (x < width) {
      const w = 22 + r() * 30;
      stones.push({ x, y, w, h: h - r() * 2, tone: Math.floor(r() * 3) });
      x += w + 2;
    }
  }
  return stones;
}

const tones = ['#E7DCC6', '#D8CAAE', '#CBBB9C'];

export function CausseLandscape() {
  const stones = useMemo(() => wall(1600, 296, 3), []);
  return (
    <svg className="landscape" viewBox="0 0 1600 220" preserveAspectRatio="xMidYMax slice" aria-hidden="true" focusable="false">
      {/* Drawn on a 360-high canvas; only its lower 220 units show. */}
      <g transform="translate(0 -140)">
      <path d="M0 226 C200 188 380 204 560 198 S900 166 1080 188 S1400 172 1600 192 V360 H0Z" fill="#CFCFA8" />
      <path d="M0 262 C250 236 420 250 640 242 S1000 224 1240 238 S1500 232 1600 238 V360 H0Z" fill="#A9B784" />
      {/* Caselle: the dry stone hut of the Causse. */}
      <g transform="translate(1150 190)">
        <path d="M0 90 Q-2 34 44 8 Q90 34 88 90 Z" fill="#E6DAC2" />
        <path d="M8 70 Q44 62 80 70 M4 50 Q44 40 84 50 M16 30 Q44 22 72 30" stroke="#C9B893" strokeWidth="3" fill="none" />
        <path d="M34 90 V66 Q44 56 54 66 V90 Z" fill="#5B4A37" />
        <path d="M44 8 l0 -8" stroke="#B9A781" strokeWidth="5" strokeLinecap="round" />
      </g>
      {/* Oak */}
      <g transform="translate(250 180)">
        <path d="M44 120 L48 60 M48 84 L30 66 M48 76 L66 58" stroke="#6A4B31" strokeWidth="9" strokeLinecap="round" />
        <circle cx="22" cy="56" r="30" fill="#41704F" />
        <circle cx="72" cy="50" r="34" fill="#41704F" />
        <circle cx="48" cy="28" r="34" fill="#4C7E5A" />
        <circle cx="36" cy="46" r="20" fill="#588A64" opacity="0.7" />
      </g>
      <path d="M0 292 C300 282 600 300 900 290 S1400 284 1600 292 V360 H0Z" fill="#86A06A" />
      {stones.map((s, i) => (
        <rect key={i} x={s.x} y={s.y} width={s.w} height={s.h} rx="5" fill={tones[s.tone]} stroke="#B4A27E" strokeWidth="1" />
      ))}
      <path d="M0 342 H1600 V360 H0Z" fill="#6F8C57" />
      </g>
    </svg>
  );
}
