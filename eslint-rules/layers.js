// The console's layers, checked on every import (static, re-export and dynamic `import()`):
// - src/api (the query layer) imports no components, features, hooks or routes;
// - a feature imports its own files and shared code, never another feature;
// - src/components, src/hooks and src/lib import no features or routes;
// - the server imports from src only the wire contract: src/api/**/schemas.ts, src/api/rules/** and
//   generated src/api/**/*.gen.ts (server tests may also import feature form schemas, to prove parity).
// Both the `@/` alias and relative paths are resolved, so `../../backups/x` from a feature counts.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Repository-relative, extension-less path with forward slashes. */
function rel(abs) {
  return path
    .relative(root, abs)
    .split(path.sep)
    .join('/')
    .replace(/\.(tsx?|jsx?|mjs)$/, '')
}

/** Where an import specifier points, repository-relative, or undefined for packages. */
function resolveTarget(spec, fromFile) {
  if (spec.startsWith('@/')) return rel(path.join(root, 'src', spec.slice(2)))
  if (spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../'))
    return rel(path.resolve(path.dirname(fromFile), spec))
  return undefined
}

/** The layer of a repository-relative path: api, components, hooks, lib, routes, feature:<name>, server, other. */
function layerOf(p) {
  const parts = p.split('/')
  if (parts[0] === 'server') return 'server'
  if (parts[0] !== 'src') return 'other'
  const top = parts[1]
  if (top === 'features') return parts.length > 3 ? `feature:${parts[2]}` : 'features'
  if (['api', 'components', 'hooks', 'lib', 'routes'].includes(top)) return top
  return 'other'
}

function isContract(target) {
  return (
    (target.startsWith('src/api/') && target.endsWith('/schemas')) ||
    target.startsWith('src/api/rules/') ||
    // Types generated from a published API document (src/api/dbaas/openapi.gen.ts).
    (target.startsWith('src/api/') && target.endsWith('.gen'))
  )
}

/** The parity test runs the same cases through a form's schema and the server route. */
function isFormSchemaForParityTest(from, target) {
  return /\.test$/.test(from) && /^src\/features\/[^/]+\/forms\/[^/]+$/.test(target)
}

/** Why an import from `from` to `target` crosses a layer, or undefined when it is allowed. */
function layerViolation(from, target) {
  const a = layerOf(from)
  // Any file under src/features counts as 'features' for the other layers.
  const b = layerOf(target).startsWith('feature') ? 'features' : layerOf(target)
  if (a === 'server') {
    if (!target.startsWith('src/') || isContract(target)) return undefined
    if (isFormSchemaForParityTest(from, target)) return undefined
    return 'The server imports from src only schema and rule modules (src/api/**/schemas.ts, src/api/rules/**).'
  }
  if (a === 'api' && ['components', 'hooks', 'routes', 'features'].includes(b))
    return 'src/api is the query layer: it imports no components, features, hooks or routes.'
  if (['components', 'hooks', 'lib'].includes(a) && ['features', 'routes'].includes(b))
    return 'Shared code (components, hooks, lib) cannot import features or routes.'
  if (a.startsWith('feature:') && b === 'features' && layerOf(target) !== a)
    return 'Features do not import each other: move shared code to api/, components/, hooks/ or lib/.'
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the layers of src/ and the server/src boundary.' },
    schema: [],
  },
  create(context) {
    const file = context.filename
    if (!path.isAbsolute(file)) return {}
    const from = rel(file)
    function check(node) {
      const source = node.source
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return
      const target = resolveTarget(source.value, file)
      if (target === undefined) return
      const message = layerViolation(from, target)
      if (message) context.report({ node: source, message: `${message} ('${source.value}')` })
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}

export const layersPlugin = { rules: { layers: rule } }
