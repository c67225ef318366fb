// One build for the three faces: the renderer (dist/renderer), and with vite-plugin-electron the
// Electron main and preload (CommonJS, as a sandboxed preload must be), the command line, which
// also carries the web host, and the G-code planner's worker thread (dist-electron/).
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import electron from 'vite-plugin-electron';
import pkg from './package.json' with { type: 'json' };

const external = [
  'electron',
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

function nodeBundle(entry: string, fileName: string, format: 'cjs' | 'es', banner = ''): UserConfig {
  return {
    build: {
      outDir: resolve(import.meta.dirname, 'dist-electron'),
      emptyOutDir: false,
      minify: false,
      sourcemap: true,
      target: 'node20',
      lib: { entry: resolve(import.meta.dirname, entry), formats: [format], fileName: () => fileName },
      rolldownOptions: { external, output: { banner } },
    },
  };
}

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [
    react(),
    electron([
      { entry: 'electron/main.ts', vite: nodeBundle('electron/main.ts', 'main.cjs', 'cjs') },
      { entry: 'electron/preload.ts', vite: nodeBundle('electron/preload.ts', 'preload.cjs', 'cjs') },
      // The G-code engine's planner thread (jobs/gcode/threads.ts looks for it beside the bundles).
      { entry: 'jobs/gcode/planner-thread.ts', vite: nodeBundle('jobs/gcode/planner-thread.ts', 'gcode-planner.cjs', 'cjs') },
      {
        entry: 'electron/cli/index.ts',
        vite: nodeBundle('electron/cli/index.ts', 'cli.js', 'es', '#!/usr/bin/env node'),
      },
    ]),
  ],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    // The kiosk never reaches the internet: everything must be in the bundle.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
