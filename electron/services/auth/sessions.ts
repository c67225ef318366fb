// One session per screen (an Electron window or a web host socket). It starts anonymous; signing in
// attaches a member. Idle sessions fall back to anonymous here, in the back end, whatever the screen does.
import { randomUUID } from 'node:crypto';
import type { Caller, CallerSource } from '../../api/dispatcher';
import type { SessionMember } from '../../api/models';
import type { EventHub } from '../events';

interface Session {
  member: SessionMember | null;
  lastActivity: number;
}

export class SessionStore implements CallerSource {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly events: EventHub,
    private readonly idleTimeoutMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  open(): string {
    const id = randomUUID();
    this.sessions.set(id, { member: null, lastActivity: this.now() });
    return id;
  }

  close(id: string): void {
    this.sessions.delete(id);
  }

  caller(sessionId: string): Caller {
    this.expireIfIdle(sessionId);
    let s = this.sessions.get(sessionId);
    if (!s) {
      s = { member: null, lastActivity: this.now() };
      this.sessions.set(sessionId, s);
    }
    s.lastActivity = this.now();
    return { sessionId, role: s.member?.role ?? 'visitor', memberId: s.member?.id ?? null };
  }

  member(sessionId: string): SessionMember | null {
    return this.sessions.get(sessionId)?.member ?? null;
  }

  signIn(sessionId: string, member: SessionMember): void {
    this.sessions.set(sessionId, { member, lastActivity: this.now() });
  }

  /** A member's profile changed (role, name, charter) or their account was closed (null): every screen they are signed in on follows. */
  refreshMember(memberId: string, member: SessionMember | null): void {
    for (const [id, s] of this.sessions) {
      if (s.member?.id !== memberId) continue;
      if (member) s.member = member;
      else this.signOut(id);
    }
  }

  signOut(sessionId: string): void {
    const s = this.sessions.get(sessionId);
    if (s?.member) {
      s.member = null;
      this.events.emit({ type: 'session.ended', reason: 'signed_out' }, sessionId);
    }
  }

  /** Called on a timer: ends every signed-in session idle for longer than the timeout. */
  sweep(): void {
    for (const id of this.sessions.keys()) this.expireIfIdle(id);
  }

  private expireIfIdle(id: string): void {
    const s = this.sessions.get(id);
    if (s?.member && this.now() - s.lastActivity > this.idleTimeoutMs()) {
      s.member = null;
      this.events.emit({ type: 'session.ended', reason: 'idle' }, id);
    }
  }
}
