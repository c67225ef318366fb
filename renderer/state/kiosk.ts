// What every screen may read from the kiosk and ask of it. The App owns the state; screens use the hook.
import { createContext, useContext } from 'react';
import type { ApiError, ApiEvent, Catalog, KioskInfo, MachineSummary, SessionMember } from '../../electron/api/types';
import type { Call } from '../api/client';
import type { Lang } from '../lib/format';

export const screens = ['welcome', 'signin', 'signup', 'machines', 'jobs', 'training', 'shop', 'account', 'manage'] as const;
export type Screen = (typeof screens)[number];

export type NoticeKey = 'idle' | 'signedOut' | 'reconnected' | 'welcomeNew' | 'accountClosed' | 'charterAccepted';
export type Notice =
  | { id: number; kind: 'info'; key: NoticeKey }
  | { id: number; kind: 'error'; error: ApiError };

export interface Kiosk {
  call: Call;
  info: KioskInfo;
  catalog: Catalog | null;
  machines: MachineSummary[];
  member: SessionMember | null;
  lang: Lang;
  screen: Screen;
  navigate(screen: Screen): void;
  /** The machine the board shows in full (null: every machine at a glance). */
  boardMachineId: string | null;
  /** Goes to the board with that machine opened (null: back to all machines). */
  openMachine(machineId: string | null): void;
  setLang(lang: Lang): void;
  signedIn(member: SessionMember): void;
  /** The same person, with what changed (charter accepted...), without leaving the screen. */
  updateMember(member: SessionMember): void;
  signOut(): void;
  /** Back to the welcome screen without a session (the back end already ended it), with a message. */
  signedOut(key: NoticeKey): void;
  /** A short confirmation at the bottom of the screen. */
  inform(key: NoticeKey): void;
  /** Shows a translated error in the toast. */
  showError(error: ApiError): void;
  /** Listens to the back end's events (progress of a long call, ...); returns the function that stops. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

export const KioskContext = createContext<Kiosk | null>(null);

export function useKiosk(): Kiosk {
  const k = useContext(KioskContext);
  if (!k) throw new Error('useKiosk outside of the kiosk');
  return k;
}
