// The address of the second screen that follows a session: the kiosk's own, with "#/presenter/<id>".

export function presenterHash(sessionId: string): string {
  return `#/presenter/${encodeURIComponent(sessionId)}`;
}

export function parsePresenterHash(hash: string): string | null {
  const m = /^#\/presenter\/([\w-]{1,64})$/u.exec(hash);
  return m?.[1] ?? null;
}
