import { describe, expect, it } from 'vitest'
import {
  catalogEndpoints,
  parseGatewayPath,
  rewriteCatalog,
  upstreamTarget,
} from './catalog-rewrite'

const catalogOf = () => [
  {
    type: 'database',
    endpoints: [
      { id: 'e1', interface: 'public', url: 'http://10.0.0.5:8779/v1.0/abc' },
      { id: 'e2', interface: 'internal', url: 'https://trove.internal/v1.0/abc/' },
      { id: 'e3', interface: 'admin', url: 'http://10.0.0.5:35357/v3' },
    ],
  },
]

describe('rewriteCatalog', () => {
  it('turns public endpoints into same-origin /gw paths and drops the others', () => {
    const catalog = catalogOf()
    const map = rewriteCatalog(catalog, 'http://console.example', 'public')
    expect(catalog[0]?.endpoints).toEqual([
      { id: 'e1', interface: 'public', url: 'http://console.example/gw/e1/v1.0/abc' },
    ])
    expect([...map.keys()]).toEqual(['e1'])
    expect(map.get('e1')?.href).toBe('http://10.0.0.5:8779/v1.0/abc')
    expect(JSON.stringify(catalog)).not.toMatch(/10\.0\.0\.5|trove\.internal/)
  })

  it('forwards to another interface only when configured', () => {
    const map = rewriteCatalog(catalogOf(), 'http://c', 'internal')
    expect([...map.keys()]).toEqual(['e2'])
  })

  it('leaves out what it cannot parse', () => {
    const catalog = [
      {
        endpoints: [
          { id: 'bad id!', url: 'http://x/y' },
          { id: 'e', url: 'nope' },
          { id: 'f', url: 'file:///etc/passwd' },
        ],
      },
    ]
    expect(rewriteCatalog(catalog, 'http://c', 'public').size).toBe(0)
    expect(catalog[0]?.endpoints).toEqual([])
  })

  it('learns without rewriting', () => {
    const catalog = catalogOf()
    const map = catalogEndpoints(catalog, 'public')
    expect(map.get('e1')?.origin).toBe('http://10.0.0.5:8779')
    expect(catalog[0]?.endpoints[0]?.url).toBe('http://10.0.0.5:8779/v1.0/abc')
  })
})

describe('upstreamTarget', () => {
  const base = new URL('http://10.0.0.5:8779/v1.0/abc')
  it('forwards paths under the endpoint', () => {
    expect(upstreamTarget(base, '/v1.0/abc/instances', '?limit=1')).toBe(
      'http://10.0.0.5:8779/v1.0/abc/instances?limit=1',
    )
    expect(upstreamTarget(base, '/v1.0/abc', '')).toBe('http://10.0.0.5:8779/v1.0/abc')
  })
  it('refuses other paths on the same host', () => {
    expect(upstreamTarget(base, '/v1.0/other/instances', '')).toBeNull()
    expect(upstreamTarget(base, '/v1.0/abcdef', '')).toBeNull()
    expect(upstreamTarget(base, '/v1.0/abc/../../v3/users', '')).toBeNull()
    expect(upstreamTarget(base, '/v1.0/abc/%2e%2e/x', '')).toBeNull()
    expect(upstreamTarget(base, '/', '')).toBeNull()
  })
})

describe('parseGatewayPath', () => {
  it('splits the endpoint id from the upstream path', () => {
    expect(parseGatewayPath('/gw/e1/v1.0/abc/instances')).toEqual({
      endpointId: 'e1',
      rest: '/v1.0/abc/instances',
    })
    expect(parseGatewayPath('/gw/e1')).toEqual({ endpointId: 'e1', rest: '/' })
    expect(parseGatewayPath('/gw/')).toBeNull()
    expect(parseGatewayPath('/v3/auth')).toBeNull()
  })
})
