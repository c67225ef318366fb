// Hands a file made in the page to the person: an object URL and a link with `download`. The kiosk's
// CSP lets no frame or object show a blob (frame-src falls back to 'self', object-src is 'none'), so a
// PDF or a JSON export is downloaded, never embedded.
import { base64ToBytes } from './base64';

/** Keeps the name to letters, digits, dots, dashes and underscores: a stick's file system takes it as is. */
export function safeFileName(name: string, fallback = 'fabkiosk'): string {
  const cleaned = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\w.-]+/gu, '-')
    .replace(/-{2,}/gu, '-')
    .replace(/^[-.]+|[-.]+$/gu, '');
  return cleaned.slice(0, 120) || fallback;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = safeFileName(fileName);
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once it started; a minute is plenty for a slow kiosk.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadJson(value: unknown, fileName: string): void {
  downloadBlob(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }), fileName);
}

export function downloadBase64(data: string, mimeType: string, fileName: string): void {
  downloadBlob(new Blob([base64ToBytes(data)], { type: mimeType }), fileName);
}
