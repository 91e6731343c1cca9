import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The real eslint.config.js on in-memory files: each boundary refuses a deliberate violation and
// lets the allowed import through.
const eslint = new ESLint({ cwd: process.cwd() })

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'boundaries/layers')
    .map((m) => m.message)
}

const cases: { name: string; file: string; code: string; refused: boolean }[] = [
  {
    name: 'api importing a feature',
    file: 'src/api/x/queries.ts',
    code: "export { y } from '@/features/instances/y'\n",
    refused: true,
  },
  {
    name: 'api importing a component (relative)',
    file: 'src/api/x/mutations.ts',
    code: "import { y } from '../../components/y'\nexport const z = y\n",
    refused: true,
  },
  {
    name: 'api importing a hook',
    file: 'src/api/x/queries.ts',
    code: "import { y } from '@/hooks/y'\nexport const z = y\n",
    refused: true,
  },
  {
    name: 'api importing a route',
    file: 'src/api/x/queries.ts',
    code: "export const z = import('@/routes/_app')\n",
    refused: true,
  },
  {
    name: 'api importing api',
    file: 'src/api/x/queries.ts',
    code: "import { y } from '../client'\nexport const z = y\n",
    refused: false,
  },
  {
    name: 'feature importing another feature by alias',
    file: 'src/features/instances/pages/p.tsx',
    code: "import { y } from '@/features/backups/lib/y'\nexport const z = y\n",
    refused: true,
  },
  {
    name: 'feature importing another feature relatively',
    file: 'src/features/instances/pages/p.tsx',
    code: "import { y } from '../../backups/lib/y'\nexport const z = y\n",
    refused: true,
  },
  {
    name: 'feature importing its own files by alias',
    file: 'src/features/instances/pages/p.tsx',
    code: "import { y } from '@/features/instances/lib/y'\nexport const z = y\n",
    refused: false,
  },
  {
    name: 'feature importing its own files relatively',
    file: 'src/features/instances/pages/p.tsx',
    code: "import { y } from '../lib/y'\nexport const z = y\n",
    refused: false,
  },
  {
    name: 'component importing a feature',
    file: 'src/components/x.tsx',
    code: "import { y } from '@/features/metrics/y'\nexport const z = y\n",
    refused: true,
  },
  {
    name: 'hook importing a route',
    file: 'src/hooks/use-x.ts',
    code: "import { y } from '../routes/_app'\nexport const z = y\n",
    refused: true,
  },
  {
    name: 'lib importing a feature',
    file: 'src/lib/x.ts',
    code: "import { y } from '@/features/wall/y'\nexport const z = y\n",
    refused: true,
  },
  {
    name: 'server importing a query module',
    file: 'server/trove/x.ts',
    code: "import { y } from '../../src/api/instances/queries'\nexport const z = y\n",
    refused: true,
  },
  {
    name: 'server importing the client by alias',
    file: 'server/trove/x.ts',
    code: "import { y } from '@/api/client'\nexport const z = y\n",
    refused: true,
  },
  {
    name: 'server importing a schema module',
    file: 'server/trove/x.ts',
    code: "import { y } from '../../src/api/instances/schemas'\nexport const z = y\n",
    refused: false,
  },
  {
    name: 'server importing a rule module',
    file: 'server/trove/x.ts',
    code: "import { y } from '../../src/api/rules/names'\nexport const z = y\n",
    refused: false,
  },
  {
    name: 'server test importing a form schema (parity)',
    file: 'server/trove/x.test.ts',
    code: "import { y } from '../../src/features/instances/forms/launch'\nexport const z = y\n",
    refused: false,
  },
  {
    name: 'server code importing a form schema',
    file: 'server/trove/x.ts',
    code: "import { y } from '../../src/features/instances/forms/launch'\nexport const z = y\n",
    refused: true,
  },
]

describe('layer boundaries in eslint.config.js', () => {
  it.each(cases)('$name: refused=$refused', async ({ file, code, refused }) => {
    const messages = await layerMessages(file, code)
    expect(messages.length > 0).toBe(refused)
  })
})
