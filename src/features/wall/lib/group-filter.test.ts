import { describe, expect, it } from 'vitest'
import { groupItems, matchesFilters } from './group-filter'
import { toWallItem, type InstanceLike } from './snapshot'
import {
  describeFilters,
  filtersFromSearch,
  parseList,
  wallSearchSchema,
  type WallFilters,
} from './wall-search'
import { HEALTH_LABELS } from './tile-state'

const names: Record<string, string> = { p1: 'demo', p2: 'staging' }
const mk = (id: string, over: Partial<InstanceLike> = {}, region = 'RegionOne') =>
  toWallItem(
    {
      id,
      name: id,
      status: 'ACTIVE',
      operating_status: 'HEALTHY',
      datastore: { type: 'mysql', version: '5.7' },
      ...over,
    },
    { region, projectId: 'p1', projectName: (p) => names[p] ?? p },
  )

const items = [
  mk('web-db'),
  mk('broken', { status: 'ERROR', operating_status: 'ERROR' }),
  mk('pg', { datastore: { type: 'postgresql', version: '16' }, tenant_id: 'p2' }, 'RegionTwo'),
  mk('new', { status: 'BUILD', operating_status: '' }, 'RegionTwo'),
]

describe('wall search params', () => {
  it('parses the link with defaults for anything missing or wrong', () => {
    expect(wallSearchSchema.parse({})).toMatchObject({ group: 'none', page: 15, refresh: 10 })
    const s = wallSearchSchema.parse({
      group: 'region',
      status: 'ERROR, BUILD',
      page: '30',
      refresh: 1,
      setup: 'true',
    })
    expect(s).toMatchObject({ group: 'region', page: 30, refresh: 10, setup: true })
    expect(wallSearchSchema.parse({ group: 'bogus', setup: 'false' })).toMatchObject({
      group: 'none',
      setup: false,
    })
    expect(parseList(' a,b,,a ,c')).toEqual(['a', 'b', 'c'])
    const f = filtersFromSearch(s)
    expect(f.status).toEqual(['ERROR', 'BUILD'])
    expect(describeFilters(f)).toBe('Status ERROR, BUILD')
  })
})

describe('filters', () => {
  const none: WallFilters = { project: [], datastore: [], region: [], status: [] }
  it('filter by project name or id, datastore type or type+version, region, status or health', () => {
    const pick = (f: Partial<typeof none>) =>
      items.filter((i) => matchesFilters(i, { ...none, ...f })).map((i) => i.name)
    expect(pick({})).toHaveLength(4)
    expect(pick({ project: ['staging'] })).toEqual(['pg'])
    expect(pick({ project: ['P1'] })).toEqual(['web-db', 'broken', 'new'])
    expect(pick({ datastore: ['postgresql 16'] })).toEqual(['pg'])
    expect(pick({ region: ['regiontwo'] })).toEqual(['pg', 'new'])
    expect(pick({ status: ['ERROR'] })).toEqual(['broken'])
    expect(pick({ status: ['busy', 'error'] })).toEqual(['broken', 'new'])
    expect(pick({ status: ['ERROR'], region: ['RegionTwo'] })).toEqual([])
  })

  it('groups with counts, problems first within a group; status groups by urgency', () => {
    const byRegion = groupItems(items, none, 'region')
    expect(byRegion.map((g) => [g.label, g.items.map((i) => i.name)])).toEqual([
      ['Region RegionOne', ['broken', 'web-db']],
      ['Region RegionTwo', ['new', 'pg']],
    ])
    expect(byRegion[0]?.counts).toMatchObject({ error: 1, ok: 1 })
    const byStatus = groupItems(items, none, 'status', HEALTH_LABELS)
    expect(byStatus.map((g) => g.label)).toEqual(['Error', 'Working', 'Healthy'])
    const byProject = groupItems(items, { ...none, status: ['ACTIVE'] }, 'project')
    expect(byProject.map((g) => [g.label, g.items.length])).toEqual([
      ['Project demo', 1],
      ['Project staging', 1],
    ])
  })
})
