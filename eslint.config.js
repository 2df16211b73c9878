import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const coreBoundary = {
  paths: [
    { name: 'electron', message: 'src-main/core runs in plain Node: host capabilities arrive through createGateway(deps).' },
    { name: 'electron-store', message: 'electron-store imports electron; keep it in src-main/app.' },
  ],
  patterns: [
    { group: ['**/app/**', '**/app', '**/src-main/app/**'], message: 'The core must not import the Electron shell.' },
    { group: ['**/cli/**', '**/cli', '**/src-main/cli/**'], message: 'The core must not import the headless host.' },
    { group: ['**/src-renderer/**'], message: 'The core must not import the renderer.' },
  ],
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreBoundary] },
  },
  {
    files: ['src-preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The contract is pure zod: it runs in the renderer and the browser too.' }],
          patterns: [{ group: ['**/src-main/**', '../../src-main/**'], message: 'The contract imports nothing from src-main.' }],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The benchmark scripts are plain Node programs.
    files: ['bench/**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'Buffer', 'performance', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'URL', 'fetch'].map((name) => [name, 'readonly']),
      ),
    },
  },
)
