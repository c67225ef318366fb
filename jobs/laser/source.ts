// What kind of file the maker brought, from its first bytes (the name only breaks a tie).
import { LaserError } from './errors';

export type SourceFormat = 'svg' | 'dxf' | 'image';

export function detectFormat(name: string, bytes: Uint8Array): SourceFormat {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image';
  const head = new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, 4096)));
  if (head.startsWith('AutoCAD Binary DXF')) return 'dxf';
  const text = head.replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart();
  if (text.startsWith('<') && /<(svg:)?svg[\s>]/i.test(head)) return 'svg';
  if (/^(0\s*\r?\n\s*SECTION|999\s*\r?\n)/.test(text)) return 'dxf';
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'svg') return 'svg';
  if (ext === 'dxf') return 'dxf';
  if (ext === 'png' || ext === 'jpg' || ext === 'jpeg') return 'image';
  throw new LaserError('unsupported_format', { name: name.slice(0, 120) });
}
