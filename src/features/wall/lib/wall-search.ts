import * as z from 'zod/mini'

/**
 * The wall's configuration lives in its link: `/wall?group=project&status=ERROR,BUILD&page=20`.
 * Bad values fall back to defaults, so a mistyped link still shows a wall.
 */
export const WALL_GROUPS = ['none', 'project', 'datastore', 'region', 'status'] as const
export type WallGroup = (typeof WALL_GROUPS)[number]

const seconds = (fallback: number, min: number, max: number) =>
  z.catch(z._default(z.coerce.number().check(z.int(), z.gte(min), z.lte(max)), fallback), fallback)

export const wallSearchSchema = z.object({
  group: z.catch(z._default(z.enum(WALL_GROUPS), 'none'), 'none'),
  /** Comma lists; empty = no filter. */
  project: z.catch(z._default(z.string(), ''), ''),
  datastore: z.catch(z._default(z.string(), ''), ''),
  region: z.catch(z._default(z.string(), ''), ''),
  status: z.catch(z._default(z.string(), ''), ''),
  /** Seconds each page stays on screen when the wall has more tiles than fit. */
  page: seconds(15, 3, 3600),
  /** Seconds between refreshes (backing off while the API fails). */
  refresh: seconds(10, 2, 600),
  /** `2/3`: this display is the 2nd of 3 sharing one wall (see pagesForScreen). */
  screen: z.catch(
    z._default(
      z.string().check(
        z.regex(/^[1-9]\/[1-9]$/),
        z.refine((v) => Number(v[0]) <= Number(v[2])),
      ),
      '1/1',
    ),
    '1/1',
  ),
  /** Show the credential setup screen. */
  setup: z.catch(
    z._default(
      z.pipe(
        z.transform((v: unknown) => v === true || v === 1 || v === '1' || v === 'true'),
        z.boolean(),
      ),
      false,
    ),
    false,
  ),
})
export type WallSearch = z.infer<typeof wallSearchSchema>

export const wallSearchDefaults: WallSearch = {
  group: 'none',
  project: '',
  datastore: '',
  region: '',
  status: '',
  page: 15,
  refresh: 10,
  screen: '1/1',
  setup: false,
}

/** "2/3" -> { index: 2, of: 3 } (the schema has checked the form). */
export function parseScreen(text: string): { index: number; of: number } {
  const [index = 1, of = 1] = text.split('/').map(Number)
  return { index, of }
}

/** "a, b,,c" -> ["a", "b", "c"] (trimmed, no empties, no duplicates). */
export function parseList(text: string): string[] {
  const out: string[] = []
  for (const part of text.split(',')) {
    const v = part.trim()
    if (v && !out.includes(v)) out.push(v)
  }
  return out
}

export interface WallFilters {
  project: string[]
  datastore: string[]
  region: string[]
  status: string[]
}

export function filtersFromSearch(search: WallSearch): WallFilters {
  return {
    project: parseList(search.project),
    datastore: parseList(search.datastore),
    region: parseList(search.region),
    status: parseList(search.status),
  }
}

/** What the wall shows, in words: "Project demo · Status ERROR" (for the header). */
export function describeFilters(f: WallFilters): string {
  const parts: string[] = []
  if (f.project.length) parts.push(`Project ${f.project.join(', ')}`)
  if (f.datastore.length) parts.push(`Datastore ${f.datastore.join(', ')}`)
  if (f.region.length) parts.push(`Region ${f.region.join(', ')}`)
  if (f.status.length) parts.push(`Status ${f.status.join(', ')}`)
  return parts.join(' · ')
}
