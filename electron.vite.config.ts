import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

// Three builds, one config:
// - main: two entries that host the same core — the Electron shell (main) and the headless CLI (cli).
// - preload: CommonJS and self-contained, because sandboxed preloads cannot load ESM or node_modules.
// - renderer: the React admin UI, served by Electron from disk and by the headless gateway at /admin/.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // keytar is an optional dependency (it needs libsecret to build); keep it a runtime import.
      externalizeDeps: { include: ['keytar'] },
      rolldownOptions: {
        input: {
          main: resolve(import.meta.dirname, 'src-main/app/main.ts'),
          cli: resolve(import.meta.dirname, 'src-main/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    base: './',
    resolve: {
      alias: { '@': resolve(import.meta.dirname, 'src-renderer/src') },
    },
    plugins: [react(), tailwindcss()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') },
      },
    },
  },
})
