// IPC channel names shared by the Electron main process and the preload script.
export const ipcChannelPrefix = 'fabkiosk:';
export const ipcEventChannel = 'fabkiosk:event';
