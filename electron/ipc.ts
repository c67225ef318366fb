// The Electron transport: one ipcMain handler per procedure of the contract, one session per window.
// Only the shapes of ipcMain and webContents that we use are named here, so tests can stand in for them.
import { ipcChannelPrefix, ipcEventChannel } from './api/channels';
import { procedureNames } from './api/procedure-names';
import type { Backend } from './backend';

export interface SenderLike {
  id: number;
  send(channel: string, payload: unknown): void;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: { sender: SenderLike }, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcBridge {
  /** A window's page was (re)loaded or its renderer died: it starts again as an anonymous visitor. */
  resetSender(senderId: number): void;
  dispose(): void;
}

export function registerIpc(ipcMain: IpcMainLike, backend: Backend): IpcBridge {
  const sessions = new Map<number, { sessionId: string; sender: SenderLike }>();
  const sessionOf = (sender: SenderLike): string => {
    let s = sessions.get(sender.id);
    if (!s) {
      s = { sessionId: backend.openSession(), sender };
      sessions.set(sender.id, s);
    }
    return s.sessionId;
  };
  for (const name of procedureNames) {
    ipcMain.handle(ipcChannelPrefix + name, (event, input) => backend.dispatch(sessionOf(event.sender), name, input));
  }
  const unsubscribe = backend.events.subscribe((event, target) => {
    for (const { sessionId, sender } of sessions.values()) {
      if (!target || target === sessionId) sender.send(ipcEventChannel, event);
    }
  });
  const resetSender = (senderId: number) => {
    const s = sessions.get(senderId);
    if (s) backend.closeSession(s.sessionId);
    sessions.delete(senderId);
  };
  return {
    resetSender,
    dispose() {
      unsubscribe();
      for (const name of procedureNames) ipcMain.removeHandler(ipcChannelPrefix + name);
      for (const id of [...sessions.keys()]) resetSender(id);
    },
  };
}
