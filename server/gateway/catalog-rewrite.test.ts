import { describe, expect, it } from 'vitest'
import { learnCatalog, parseGatewayPath, rewriteCatalog, type EndpointMap } from './catalog-rewrite'

describe('rewriteCatalog', () => {
  it('turns every endpoint into a same-origin /gw path and remembers its origin', () => {
    const catalog = [
      {
        type: 'database',
        endpoints: [
          { id: 'e1', interface: 'public', url: 'http://10.0.0.5:8779/v1.0/abc' },
          { id: 'e2', interface: 'internal', url: 'https://trove.internal/v1.0/abc/' },
        ],
      },
    ]
    const map: EndpointMap = new Map()
    rewriteCatalog(catalog, 'http://console.example', map)
    expect(catalog[0]?.endpoints.map((e) => e.url)).toEqual([
      'http://console.example/gw/e1/v1.0/abc',
      'http://console.example/gw/e2/v1.0/abc',
    ])
    expect(map.get('e1')).toBe('http://10.0.0.5:8779')
    expect(map.get('e2')).toBe('https://trove.internal')
  })

  it('leaves what it cannot parse alone', () => {
    const catalog = [
      {
        endpoints: [
          { id: 'bad id!', url: 'http://x/y' },
          { id: 'e', url: 'nope' },
        ],
      },
    ]
    const map: EndpointMap = new Map()
    rewriteCatalog(catalog, 'http://c', map)
    expect(catalog[0]?.endpoints.map((e) => e.url)).toEqual(['http://x/y', 'nope'])
    expect(map.size).toBe(0)
  })

  it('learns without rewriting', () => {
    const map: EndpointMap = new Map()
    learnCatalog([{ endpoints: [{ id: 'e1', url: 'http://h:1/p' }] }], map)
    expect(map.get('e1')).toBe('http://h:1')
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
