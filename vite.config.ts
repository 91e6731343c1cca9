import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { tanstackRouter } from '@tanstack/router-plugin/vite'
import { fileURLToPath } from 'node:url'

const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:8080'

// The SPA only ever calls its own origin; in dev, vite forwards the cloud paths to server/.
const proxied = ['/v3', '/trove', '/dbaas', '/gw', '/healthz']

const FRAMEWORK =
  /[\\/]node_modules[\\/](preact|react|react-dom|scheduler|use-sync-external-store|@tanstack[\\/](react-router|router-core|history|store|react-store|react-query|query-core|react-table|table-core|react-virtual|virtual-core))[\\/]/

// Experiment only (issue 14 point 4, bench/RESULTS.md): PREACT_DIR=<a folder whose node_modules
// holds preact> builds the SPA on preact/compat instead of React. Not a supported build.
function preactAliases(dir: string | undefined) {
  if (!dir) return []
  const p = `${dir}/node_modules/preact`
  return [
    { find: /^react-dom\/client$/, replacement: `${p}/compat/client.mjs` },
    { find: /^react-dom$/, replacement: `${p}/compat/dist/compat.mjs` },
    { find: /^react\/jsx-(dev-)?runtime$/, replacement: `${p}/jsx-runtime/dist/jsxRuntime.mjs` },
    { find: /^react$/, replacement: `${p}/compat/dist/compat.mjs` },
  ]
}

export default defineConfig({
  plugins: [
    tanstackRouter({
      target: 'react',
      autoCodeSplitting: true,
      // The loader and the pending component go with the page they stand for (query options and
      // skeletons sit beside their pages): left in the route's critical part, they pull every
      // page module into the entry.
      codeSplittingOptions: {
        defaultBehavior: [
          ['loader', 'component', 'pendingComponent'],
          ['errorComponent'],
          ['notFoundComponent'],
        ],
      },
    }),
    react(),
    tailwindcss(),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      ...preactAliases(process.env.PREACT_DIR),
    ],
  },
  server: {
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: apiTarget, changeOrigin: false }])),
  },
  build: {
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The libraries every page runs on, in one file: split by the pages that share them,
            // they came as a dozen small chunks, each compressed on its own.
            { name: 'framework', test: FRAMEWORK, priority: 2 },
            // Every lucide icon the console uses (7.4 KB gzip) in one file: left to the default
            // split they came as ~25 chunks of 200-400 bytes on the first route, each compressed
            // on its own and each named in the entry's preload map (8.1 KB for fewer icons).
            { name: 'icons', test: /[\\/]node_modules[\\/]lucide-react[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
})
