// Lint, and the layers of DESIGN.md as rules: renderer → electron/api (types) → electron → jobs.
import tseslint from 'typescript-eslint';

const noUpward = (patterns, message) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message, allowTypeImports: false })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // jobs/ is the pure domain core: no Electron, no UI, no store, no services, no sessions.
    files: ['jobs/**/*.ts'],
    ignores: ['jobs/**/*.test.ts'],
    rules: {
      ...noUpward(
        [['electron', 'electron/*', '**/electron/**', 'react', 'react-dom', '**/renderer/**', 'better-sqlite3', 'ws']],
        'jobs/ is the domain core: it must not import Electron, the renderer, the store, the services or the transports.',
      ),
    },
  },
  {
    // The renderer talks to the back end only through window.fabkiosk; from electron/api it takes types only.
    files: ['renderer/**/*.{ts,tsx}'],
    // Unit tests beside the renderer code run in Node and are never bundled into the page.
    ignores: ['renderer/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'serialport', 'ws', 'zod'].map((name) => ({
            name,
            message: 'The renderer runs in a sandboxed page: it reaches the back end only through window.fabkiosk.',
          })),
          patterns: [
            {
              group: ['**/electron/api/*'],
              message: 'The renderer may import only types from electron/api (use `import type`).',
              allowTypeImports: true,
            },
            {
              group: ['**/electron/*', '!**/electron/api', '**/electron/!(api)/**', '**/jobs/**', 'node:*'],
              message: 'The renderer may not import back-end code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Web Workers of the renderer may run the pure G-code engine on a file the maker picked, so the
    // 3D preview is built next to the GPU without shipping megabytes of geometry through the API.
    // They may import jobs/gcode (Node-free) and nothing else of the back end; likewise the print
    // core's mesh loaders and transforms (a model in 3D) and the laser core's raster steps (an
    // engraving previewed as it will burn), whose files that touch the disk stay out.
    files: ['renderer/**/*.worker.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/api/*'], message: 'Types only from electron/api.', allowTypeImports: true },
            {
              group: [
                '**/electron/*',
                '!**/electron/api',
                '**/electron/!(api)/**',
                '**/jobs/*',
                '!**/jobs/gcode',
                '!**/jobs/print',
                '!**/jobs/laser',
                '**/jobs/gcode/file',
                '**/jobs/print/file',
                '**/jobs/print/slice*',
                '**/jobs/print/slicer*',
                '**/jobs/print/index',
                '**/jobs/laser/*',
                '!**/jobs/laser/raster',
                '**/jobs/laser/raster/*',
                '!**/jobs/laser/raster/dither',
                '!**/jobs/laser/raster/gray',
                '!**/jobs/laser/raster/resample',
                '!**/jobs/laser/raster/image',
                'node:*',
              ],
              message: 'A renderer worker may import only the Node-free jobs/gcode engine, jobs/print mesh code and jobs/laser/raster steps.',
            },
          ],
        },
      ],
    },
  },
  {
    // electron/api is the contract: it may not reach into services, the store or the shells.
    files: ['electron/api/**/*.ts'],
    ignores: ['electron/api/**/*.test.ts'],
    rules: {
      ...noUpward(
        [['../store*', '../services*', '../host*', '../cli*', '../main', '../preload', '../ipc', '../backend', '**/renderer/**', 'electron']],
        'electron/api holds the contract only; it knows nothing of services, store or shells.',
      ),
    },
  },
  {
    // The back end never imports the UI.
    files: ['electron/**/*.ts'],
    ignores: ['electron/api/**'],
    rules: {
      ...noUpward([['**/renderer/**', 'react', 'react-dom']], 'The back end must not import the renderer.'),
    },
  },
);
