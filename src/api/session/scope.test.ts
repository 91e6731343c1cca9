import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { projectsQueryOptions } from '../identity/queries'
import { enterScope, ScopeError, scopeSearchSchema } from './scope'
import { sessionStore, type Session } from './session-store'

const endpoint = (region: string) => ({
  id: `db-${region}`,
  interface: 'public' as const,
  region_id: region,
  url: `/trove/${region}/v1.0/p1`,
})

const session: Session = {
  expiresAt: '2099-01-01T00:00:00Z',
  user: { id: 'u1', name: 'demo', domainId: 'default', domainName: 'Default' },
  project: { id: 'p1', name: 'demo' },
  roles: ['member'],
  catalog: [
    { id: 'db', type: 'database', endpoints: [endpoint('RegionOne'), endpoint('RegionTwo')] },
  ],
  region: 'RegionOne',
  method: 'password',
  expired: false,
}

afterEach(() => sessionStore.clear())

describe('enterScope', () => {
  it('keeps the session when the URL names its own scope', async () => {
    sessionStore.set(session)
    const next = await enterScope(new QueryClient(), session, {
      projectId: 'p1',
      region: 'RegionOne',
    })
    expect(next).toBe(session)
  })

  it('follows a region the catalog offers, in the store too', async () => {
    sessionStore.set(session)
    const next = await enterScope(new QueryClient(), session, {
      projectId: 'p1',
      region: 'RegionTwo',
    })
    expect(next.region).toBe('RegionTwo')
    expect(sessionStore.get()?.region).toBe('RegionTwo')
  })

  it('refuses a region the catalog does not offer, without switching', async () => {
    sessionStore.set(session)
    const entering = enterScope(new QueryClient(), session, { projectId: 'p1', region: 'Atlantis' })
    await expect(entering).rejects.toBeInstanceOf(ScopeError)
    await expect(entering).rejects.toMatchObject({ kind: 'unknown-region', value: 'Atlantis' })
    expect(sessionStore.get()?.region).toBe('RegionOne')
  })

  it('refuses a project the user does not have, without switching', async () => {
    sessionStore.set(session)
    const queryClient = new QueryClient()
    queryClient.setQueryData(projectsQueryOptions('u1').queryKey, [
      { id: 'p1', name: 'demo', domain_id: 'default' },
      { id: 'p2', name: 'demo-staging', domain_id: 'default' },
    ])
    const entering = enterScope(queryClient, session, { projectId: 'p9', region: 'RegionOne' })
    await expect(entering).rejects.toMatchObject({ kind: 'unknown-project', value: 'p9' })
    expect(sessionStore.get()?.project.id).toBe('p1')
  })
})

describe('scopeSearchSchema', () => {
  it('reads the scope, a numeric id as a string, and drops what is not one', () => {
    expect(scopeSearchSchema.parse({ region: 'RegionTwo', projectId: 123 })).toEqual({
      region: 'RegionTwo',
      projectId: '123',
    })
    expect(scopeSearchSchema.parse({ region: { x: 1 } })).toEqual({})
  })
})
