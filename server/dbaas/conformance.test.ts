import { X509Certificate } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { OPERATION_IDS, conformance, dbaasFixture } from './test-fixtures'

type Fx = Awaited<ReturnType<typeof dbaasFixture>>
let fx: Fx | undefined
afterEach(() => fx?.t.close())

/**
 * Every operation of seed 004 (plus GET /operation/{id} and the endpoint list attach needs),
 * called for real and its 200 body checked against the Exoscale OpenAPI document.
 */
describe('responses conform to the Exoscale OpenAPI document', () => {
  it('for every operation', async () => {
    fx = await dbaasFixture()
    const { api, t, instance } = fx
    await instance('orders-db', 'mysql')
    await instance('metrics-pg', 'postgresql')
    const seen = new Set<string>()
    const check = (opId: string, res: { status: number; body: unknown }) => {
      expect(res.status, `${opId}: ${JSON.stringify(res.body)}`).toBe(200)
      expect(conformance(opId, res.body), opId).toEqual([])
      seen.add(opId)
    }

    check('list-dbaas-services', await api.get('/dbaas-service'))
    check('list-dbaas-service-types', await api.get('/dbaas-service-type'))
    check('get-dbaas-service-type', await api.get('/dbaas-service-type/pg'))
    check('get-dbaas-ca-certificate', await api.get('/dbaas-ca-certificate'))
    for (const period of ['hour', 'day', 'week', 'month', 'year']) {
      check(
        'get-dbaas-service-metrics',
        await api.post('/dbaas-service-metrics/orders-db', { period }),
      )
    }
    const logs = await api.post('/dbaas-service-logs/orders-db', { limit: 5 })
    check('get-dbaas-service-logs', logs)
    check(
      'get-dbaas-service-logs',
      await api.post('/dbaas-service-logs/orders-db', {
        offset: logs.body.offset,
        'sort-order': 'asc',
      }),
    )

    check('list-dbaas-integration-types', await api.get('/dbaas-integration-types'))
    check(
      'list-dbaas-integration-settings',
      await api.get('/dbaas-integration-settings/metrics/mysql/pg'),
    )
    const created = await api.post('/dbaas-integration', {
      'integration-type': 'metrics',
      'source-service': 'orders-db',
      'dest-service': 'metrics-pg',
      settings: { database: 'metrics', retention_days: 30 },
    })
    check('create-dbaas-integration', created)
    check('get-operation', await api.get(`/operation/${created.body.id}`))
    const integrationId = created.body.reference.id as string
    check('get-dbaas-integration', await api.get(`/dbaas-integration/${integrationId}`))
    check(
      'update-dbaas-integration',
      await api.put(`/dbaas-integration/${integrationId}`, { settings: { retention_days: 7 } }),
    )
    check('list-dbaas-services', await api.get('/dbaas-service'))
    check('delete-dbaas-integration', await api.del(`/dbaas-integration/${integrationId}`))

    const endpoints = await api.get('/dbaas-external-endpoints')
    check('list-dbaas-external-endpoints', endpoints)
    const prom = endpoints.body['dbaas-endpoints'].find(
      (e: { type: string }) => e.type === 'prometheus',
    )
    const attached = await api.put('/dbaas-external-endpoint/orders-db/attach', {
      'dest-endpoint-id': prom.id,
      type: 'prometheus',
    })
    check('attach-dbaas-service-to-endpoint', attached)
    const ext = await api.get('/dbaas-external-integrations/orders-db')
    check('list-dbaas-external-integrations', ext)
    const extId = ext.body['external-integrations'][0]['integration-id'] as string
    check('get-dbaas-external-integration', await api.get(`/dbaas-external-integration/${extId}`))
    check(
      'detach-dbaas-service-from-endpoint',
      await api.put('/dbaas-external-endpoint/orders-db/detach', { 'integration-id': extId }),
    )

    const mig = await api.post('/dbaas-task-migration-check/orders-db', {
      'source-service-uri': 'mysql://admin:s3cret@legacy.example.com:3306/shop',
      method: 'dump',
    })
    check('create-dbaas-task-migration-check', mig)
    const taskId = mig.body.reference.id as string
    check('get-dbaas-task', await api.get(`/dbaas-task/orders-db/${taskId}`))
    t.advance(10)
    check('get-dbaas-task', await api.get(`/dbaas-task/orders-db/${taskId}`))
    check('get-dbaas-migration-status', await api.get('/dbaas-migration-status/orders-db'))

    check(
      'update-dbaas-service-pg',
      await api.put('/dbaas-postgres/metrics-pg', { 'termination-protection': true }),
    )
    check(
      'update-dbaas-service-mysql',
      await api.put('/dbaas-mysql/orders-db', { 'termination-protection': false }),
    )
    check(
      'update-dbaas-service-pg',
      await api.put('/dbaas-postgres/metrics-pg', { 'termination-protection': false }),
    )
    const del = await api.del('/dbaas-service/metrics-pg')
    check('delete-dbaas-service', del)
    t.advance(10)
    check('get-operation', await api.get(`/operation/${del.body.id}`))

    expect([...seen].sort()).toEqual([...OPERATION_IDS].sort())
  })

  it('the CA certificate is a real X.509 CA certificate, the same on every call', async () => {
    fx = await dbaasFixture()
    const a = await fx.api.get('/dbaas-ca-certificate')
    const b = await fx.api.get('/dbaas-ca-certificate')
    expect(a.body.certificate).toBe(b.body.certificate)
    const cert = new X509Certificate(a.body.certificate)
    expect(cert.ca).toBe(true)
    expect(cert.verify(cert.publicKey)).toBe(true)
    expect(cert.subject).toContain('CN=dbaas-console embedded cloud CA')
  })
})
