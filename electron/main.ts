// The Electron shell, kept thin: one hardened kiosk window, the IPC transport, and the back end.
// Everything it calls is shared with the web host and tested there; this file only wires Electron.
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { preparePlannerThread } from '../jobs/gcode/threads';
import { createBackend, type Backend } from './backend';
import { registerIpc, type IpcBridge } from './ipc';
import { mimeTypes } from './mime';
import { idleTimeoutFromEnv } from './paths';
import { contentSecurityPolicy } from './security/csp';

const scheme = 'app';
const rendererRoot = join(__dirname, '..', 'dist', 'renderer');
// FABKIOSK_KIOSK=0 gives a normal window with devtools, for developers; the kiosk is the default.
const kioskMode = process.env.FABKIOSK_KIOSK !== '0';

protocol.registerSchemesAsPrivileged([
  { scheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  let backend: Backend | undefined;
  let ipc: IpcBridge | undefined;
  let win: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Every web contents, present or future: no navigation away, no new windows, no webviews.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${scheme}://kiosk/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', () => app.quit());
  // Closing the back end ends running jobs cleanly (their position is already durable): wait for it.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !backend) return;
    event.preventDefault();
    quitting = true;
    ipc?.dispose();
    void backend.close().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    Menu.setApplicationMenu(null);
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setDevicePermissionHandler(() => false);
    // Attestations, reports and data exports are downloads: saved straight to the kiosk's Downloads
    // folder (a kiosk has no one to answer a "Save as" dialog), under a name without any path in it.
    session.defaultSession.on('will-download', (_event, item) => {
      const name = item.getFilename().replace(/[/\\]/g, '_') || 'document';
      item.setSavePath(join(app.getPath('downloads'), name));
    });
    protocol.handle(scheme, serveRenderer);

    backend = await createBackend({
      dataDir: process.env.FABKIOSK_DATA_DIR || app.getPath('userData'),
      idleTimeoutS: idleTimeoutFromEnv(),
    });
    ipc = registerIpc(ipcMain, backend);
    win = createWindow(ipc);
    // A planner worker waits from the start: every G-code file from 4 MB on is analysed on two threads.
    void preparePlannerThread();
  });

  function createWindow(bridge: IpcBridge): BrowserWindow {
    const w = new BrowserWindow({
      title: 'FabKiosk',
      kiosk: kioskMode,
      fullscreen: kioskMode,
      autoHideMenuBar: true,
      backgroundColor: '#f4efe6',
      show: false,
      webPreferences: {
        preload: join(__dirname, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        devTools: !kioskMode,
        spellcheck: false,
        navigateOnDragDrop: false,
        // A middle click must not open a new window either.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const senderId = w.webContents.id;
    w.once('ready-to-show', () => w.show());
    // A reload starts a fresh anonymous session, like the web host's new socket.
    w.webContents.on('did-start-loading', () => bridge.resetSender(senderId));
    // A crashed or killed renderer is brought back on the welcome screen rather than left blank.
    w.webContents.on('render-process-gone', (_e, details) => {
      console.error(`renderer gone (${details.reason}), reloading`);
      bridge.resetSender(senderId);
      if (!w.isDestroyed()) setTimeout(() => w.reload(), 1000);
    });
    w.on('unresponsive', () => {
      if (!w.isDestroyed()) w.webContents.forcefullyCrashRenderer();
    });
    w.on('closed', () => bridge.resetSender(senderId));
    if (kioskMode) w.webContents.on('devtools-opened', () => w.webContents.closeDevTools());
    void w.loadURL(`${scheme}://kiosk/index.html`);
    return w;
  }

  async function serveRenderer(request: Request): Promise<Response> {
    const { host, pathname } = new URL(request.url);
    const file = normalize(join(rendererRoot, decodeURIComponent(pathname)));
    if (host !== 'kiosk' || !file.startsWith(rendererRoot + sep)) return new Response('not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  }
}

