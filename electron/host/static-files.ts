// Serves the built renderer. Only files under the root, only GET/HEAD, with the kiosk's CSP.
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { mimeTypes } from '../mime';
import { contentSecurityPolicy } from '../security/csp';

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'method not allowed');
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
  } catch {
    return end(res, 400, 'bad request');
  }
  if (pathname.includes('\0')) return end(res, 400, 'bad request');
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return end(res, 404, 'not found');
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return end(res, 404, 'not found');
    size = st.size;
  } catch {
    return end(res, 404, 'not found');
  }
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(size),
    // Hashed asset names may be cached; the page itself must always be fresh after an update.
    'Cache-Control': relative === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
