// The kiosk shell: loads the place, keeps the session and the machines' live status, switches screens,
// and applies the kiosk rules (idle timeout, language back to French, session ended, connection lost).
import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiEvent, Catalog, KioskInfo, MachineSummary, SessionMember } from '../electron/api/types';
import { createCall, toApiError } from './api/client';
import type { Transport } from './api/bridge';
import type { ConnectionInfo } from './api/socket-bridge';
import { IdleOverlay } from './components/IdleOverlay';
import { RefreshIcon, WifiOffIcon } from './components/icons';
import { Notice } from './components/Notice';
import { TopBar } from './components/TopBar';
import { errorMessage } from './i18n/errors';
import { createThrottle, touchIntervalMs } from './lib/idle';
import { isLang, type Lang } from './lib/format';
import { KioskContext, type Kiosk, type Notice as NoticeData, type NoticeKey, type Screen } from './state/kiosk';
import { useIdle } from './state/useIdle';
import { AccountScreen } from './screens/Account';
import { JobsScreen } from './screens/Jobs';
import { MachinesScreen } from './screens/Machines';
import { ManageScreen } from './screens/Manage';
import { ShopScreen } from './shop/ShopScreen';
import { SignInScreen } from './screens/SignIn';
import { SignUpScreen } from './membership/SignUpScreen';
import { CharterDialog } from './membership/CharterDialog';
import { PresenterFollow } from './sessions/PresenterFollow';
import { parsePresenterHash } from './sessions/presenter-hash';
import { TrainingScreen } from './screens/Training';
import { WelcomeScreen } from './screens/Welcome';

type Load = { phase: 'loading' } | { phase: 'failed'; error: ApiError } | { phase: 'ready' };

const noticeMs = { info: 7_000, error: 9_000 } as const;

type NewNotice = { kind: 'info'; key: NoticeKey } | { kind: 'error'; error: ApiError };

export function App({ transport }: { transport: Transport }) {
  const { t, i18n } = useTranslation();
  const call = useMemo(() => createCall(transport.bridge), [transport]);
  const lang: Lang = isLang(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';

  const [load, setLoad] = useState<Load>({ phase: 'loading' });
  const [info, setInfo] = useState<KioskInfo | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [machines, setMachines] = useState<MachineSummary[]>([]);
  const [member, setMember] = useState<SessionMember | null>(null);
  const [screen, setScreen] = useState<Screen>('welcome');
  const [boardMachineId, setBoardMachineId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const [connection, setConnection] = useState<ConnectionInfo>(() => transport.connection.connection());
  /** The member chose to read a new charter later: not asked again until the next sign-in. */
  const [charterLater, setCharterLater] = useState(false);
  /** A second screen following a trainer session (`#/presenter/<id>`): no kiosk around it, no idle reset. */
  const [presenterId] = useState(() => parsePresenterHash(window.location.hash));

  const memberRef = useRef(member);
  memberRef.current = member;
  const loadRef = useRef(load);
  loadRef.current = load;
  /** Set while the kiosk signs out on its own after the idle timeout. */
  const idleSignOut = useRef(false);
  const noticeSeq = useRef(0);
  const mainRef = useRef<HTMLElement>(null);

  const setLang = useCallback(
    (next: Lang) => {
      if (i18n.resolvedLanguage !== next) void i18n.changeLanguage(next);
    },
    [i18n],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const notify = useCallback((n: NewNotice) => {
    setNotice((prev) => {
      // The same message again (sign-out button, then the back end's event) just stays up longer.
      const same = prev && prev.kind === 'info' && n.kind === 'info' && prev.key === n.key;
      const id = same ? prev.id : ++noticeSeq.current;
      return { ...n, id };
    });
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), noticeMs[notice.kind]);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const loadAll = useCallback(async () => {
    setLoad({ phase: 'loading' });
    try {
      const [i, c, m, s] = await Promise.all([
        call('kiosk.info', {}),
        call('catalog.get', {}),
        call('machines.list', {}),
        call('session.current', {}),
      ]);
      setInfo(i);
      setCatalog(c);
      setMachines(m);
      setMember(s.member);
      setLoad({ phase: 'ready' });
    } catch (err) {
      setLoad({ phase: 'failed', error: toApiError(err) });
    }
  }, [call]);

  useEffect(() => {
    void loadAll();
  }, [loadAll]);

  const idleTimeoutS = info?.idleTimeoutS ?? 0;
  const touch = useMemo(
    () =>
      createThrottle(() => {
        // A failed keep-alive needs no message: if the session is gone, `session.ended` says so.
        call('session.touch', {}).catch(() => {});
      }, touchIntervalMs(idleTimeoutS)),
    [call, idleTimeoutS],
  );
  useEffect(() => () => touch.cancel(), [touch]);

  const backToWelcome = useCallback(() => {
    touch.cancel();
    setMember(null);
    setBoardMachineId(null);
    setScreen('welcome');
  }, [touch]);

  // Back-end events: live machine status, and the end of this screen's session.
  useEffect(
    () =>
      transport.bridge.onEvent((ev) => {
        if (ev.type === 'machine.status') {
          setMachines((list) => list.map((m) => (m.id === ev.machineId ? { ...m, status: ev.status } : m)));
        } else if (ev.type === 'session.ended') {
          backToWelcome();
          if (ev.reason === 'idle' || idleSignOut.current) {
            setLang('fr');
            notify({ kind: 'info', key: 'idle' });
          } else {
            notify({ kind: 'info', key: 'signedOut' });
          }
        }
      }),
    [transport, backToWelcome, notify, setLang],
  );

  // A new socket is a new, anonymous session on the server: start again from the welcome screen.
  useEffect(
    () =>
      transport.connection.onConnection((c) => {
        setConnection(c);
        if (c.state !== 'open' || c.opens < 2) return;
        const wasSignedIn = memberRef.current !== null;
        backToWelcome();
        if (wasSignedIn) notify({ kind: 'info', key: 'reconnected' });
        if (loadRef.current.phase === 'ready') {
          call('machines.list', {})
            .then(setMachines)
            .catch(() => {});
        } else {
          void loadAll();
        }
      }),
    [transport, backToWelcome, notify, call, loadAll],
  );

  const signOut = useCallback(() => {
    backToWelcome();
    notify({ kind: 'info', key: 'signedOut' });
    call('session.signOut', {}).catch((err: unknown) => notify({ kind: 'error', error: toApiError(err) }));
  }, [backToWelcome, notify, call]);

  const signedIn = useCallback((m: SessionMember) => {
    setMember(m);
    setScreen('welcome');
    setCharterLater(false);
    // "Signed out" was for the person before: it is not news to the one who just signed in.
    setNotice(null);
  }, []);
  const updateMember = useCallback((m: SessionMember) => setMember(m), []);
  const signedOut = useCallback(
    (key: NoticeKey) => {
      backToWelcome();
      notify({ kind: 'info', key });
    },
    [backToWelcome, notify],
  );
  const inform = useCallback((key: NoticeKey) => notify({ kind: 'info', key }), [notify]);

  // Tapping the tab of the screen one is on starts it again (a maker deep in a preparation gets back to
  // its first step): the screen is remounted under a new key.
  const screenRef = useRef(screen);
  screenRef.current = screen;
  const [visit, setVisit] = useState(0);
  const navigate = useCallback((next: Screen) => {
    setBoardMachineId(null);
    if (screenRef.current === next) setVisit((v) => v + 1);
    setScreen(next);
  }, []);
  const openMachine = useCallback((machineId: string | null) => {
    setBoardMachineId(machineId);
    setScreen('machines');
  }, []);
  const showError = useCallback((error: ApiError) => notify({ kind: 'error', error }), [notify]);
  const onEvent = useCallback((listener: (event: ApiEvent) => void) => transport.bridge.onEvent(listener), [transport]);

  const { phase, stay } = useIdle({
    timeoutS: idleTimeoutS,
    // On the welcome screen, in French, with nobody signed in, there is nothing to reset.
    armed: load.phase === 'ready' && presenterId === null && (screen !== 'welcome' || lang !== 'fr' || member !== null),
    onActivity: () => {
      if (memberRef.current) touch.trigger();
    },
    onExpire: () => {
      const wasSignedIn = memberRef.current !== null;
      backToWelcome();
      setLang('fr');
      if (wasSignedIn) {
        idleSignOut.current = true;
        notify({ kind: 'info', key: 'idle' });
        call('session.signOut', {})
          .catch(() => {})
          .finally(() => {
            idleSignOut.current = false;
          });
      }
    },
  });

  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [screen, boardMachineId]);

  const kiosk: Kiosk | null = useMemo(
    () =>
      info
        ? {
            call,
            info,
            catalog,
            machines,
            member,
            lang,
            screen,
            navigate,
            boardMachineId,
            openMachine,
            setLang,
            signedIn,
            updateMember,
            signOut,
            signedOut,
            inform,
            showError,
            onEvent,
          }
        : null,
    [call, info, catalog, machines, member, lang, screen, navigate, boardMachineId, openMachine, setLang, signedIn, updateMember, signOut, signedOut, inform, showError, onEvent],
  );

  if (load.phase !== 'ready' || !kiosk) {
    return (
      <div className="splash" data-testid="splash">
        {load.phase === 'failed' ? (
          <div className="splash-card card">
            <WifiOffIcon size={64} />
            <h1>{t('app.loadFailed')}</h1>
            <p>{errorMessage(load.error, t, lang)}</p>
            <button type="button" className="btn btn-primary btn-huge" onClick={() => void loadAll()}>
              <RefreshIcon />
              <span>{t('app.retry')}</span>
            </button>
          </div>
        ) : (
          <div className="splash-card">
            <div className="spinner" aria-hidden="true" />
            <p role="status">{t('app.loading')}</p>
          </div>
        )}
      </div>
    );
  }

  if (presenterId) {
    return (
      <KioskContext.Provider value={kiosk}>
        <PresenterFollow sessionId={presenterId} />
      </KioskContext.Provider>
    );
  }

  const current: Screen = screen === 'manage' && member?.role !== 'manager' ? 'welcome' : screen;
  const screens: Record<Screen, () => ReactNode> = {
    welcome: () => <WelcomeScreen />,
    signin: () => <SignInScreen />,
    signup: () => <SignUpScreen />,
    machines: () => <MachinesScreen />,
    jobs: () => <JobsScreen />,
    training: () => <TrainingScreen />,
    account: () => <AccountScreen />,
    manage: () => <ManageScreen />,
    shop: () => <ShopScreen />,
  };

  return (
    <KioskContext.Provider value={kiosk}>
      <div className="app">
        <TopBar />
        {connection.state !== 'open' && connection.opens > 0 ? (
          <div className="connection-banner" data-testid="connection-banner" role="status">
            <WifiOffIcon />
            <span>{t('connection.lost')}</span>
          </div>
        ) : null}
        <main ref={mainRef} className="main" id="main">
          <Fragment key={`${current}-${visit}`}>{screens[current]()}</Fragment>
        </main>
        {member && !member.charterCurrent && !charterLater ? <CharterDialog onLater={() => setCharterLater(true)} /> : null}
        {notice ? <Notice key={notice.id} notice={notice} lang={lang} onClose={() => setNotice(null)} /> : null}
        {phase.kind === 'warning' ? (
          <IdleOverlay
            remainingS={phase.remainingS}
            signedIn={member !== null}
            onStay={() => {
              stay();
              // "I'm here" is an explicit keep-alive: tell the back end at once.
              if (memberRef.current) touch.flush();
            }}
          />
        ) : null}
      </div>
    </KioskContext.Provider>
  );
}
