// Exposes the typed client as `window.fabkiosk`, and nothing else. Runs sandboxed: it imports only
// `electron` and plain constants, never the validator or Node modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannelPrefix, ipcEventChannel } from './api/channels';
import { procedureNames } from './api/procedure-names';
import type { ApiEvent, FabKioskBridge, Result } from './api/types';

const allowed = new Set<string>(procedureNames);

const bridge: FabKioskBridge = {
  call(name, input) {
    if (!allowed.has(name)) {
      const refused: Result<never> = { ok: false, error: { code: 'unknown_procedure', params: { name: String(name) } } };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(ipcChannelPrefix + name, input);
  },
  onEvent(listener) {
    const handler = (_e: IpcRendererEvent, event: ApiEvent) => listener(event);
    ipcRenderer.on(ipcEventChannel, handler);
    return () => {
      ipcRenderer.removeListener(ipcEventChannel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('fabkiosk', bridge);
