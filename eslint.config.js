import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import pluginQuery from '@tanstack/eslint-plugin-query'
import pluginRouter from '@tanstack/eslint-plugin-router'
import { layersPlugin } from './eslint-rules/layers.js'

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      '.tanstack',
      'node_modules',
      'src/routeTree.gen.ts',
      'src/api/dbaas/openapi.gen.ts',
      'playwright-report',
      'test-results',
      'bench/results',
      '.reference-dist',
      '.e2e-db',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The layers (see eslint-rules/layers.js); proven by eslint-rules/layers.test.ts.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { boundaries: layersPlugin },
    rules: { 'boundaries/layers': 'error' },
  },
  {
    // Toasts go through src/lib/toast.ts, which loads sonner and mounts its toaster on first use.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/toast.ts', 'src/components/ui/sonner-toaster.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'sonner',
              message: "Import { toast } from '@/lib/toast': sonner loads on the first toast.",
              allowTypeImports: false,
            },
          ],
        },
      ],
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  ...pluginRouter.configs['flat/recommended'],
  {
    // The server prints its URL and logins, and bench scripts print results.
    files: [
      'server/**/*.ts',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'conformance/**/*.ts',
      'scripts/**/*.{ts,js,mjs}',
    ],
    rules: { 'no-console': 'off' },
  },
)
