// One Content-Security-Policy for the kiosk page, whether Electron or the web host serves it.
// Nothing is loaded from anywhere but the kiosk itself: the lab's internet is not to be relied on,
// and a kiosk must not run code it did not ship.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
