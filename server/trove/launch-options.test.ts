import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flavorListSchema } from '../../src/api/flavors/schemas'
import { volumeTypeListSchema } from '../../src/api/volume-types/schemas'
import { troveFixture } from './test-fixtures'

let fx: Awaited<ReturnType<typeof troveFixture>>
beforeAll(async () => {
  fx = await troveFixture()
})
afterAll(() => fx.t.close())

describe('what a launch can pick from', () => {
  it("lists a version's flavors (all of them: no flavor is associated with a version)", async () => {
    const res = await fx.t.json('GET', `${fx.demo.base}/datastores/mysql/versions/8.0/flavors`, {
      token: fx.demo.token,
    })
    expect(res.status).toBe(200)
    const all = await fx.t.json('GET', `${fx.demo.base}/flavors`, { token: fx.demo.token })
    expect(flavorListSchema.parse(res.body).flavors.map((f) => f.name)).toEqual(
      flavorListSchema.parse(all.body).flavors.map((f) => f.name),
    )
  })
  it("lists a version's volume types", async () => {
    const res = await fx.t.json(
      'GET',
      `${fx.demo.base}/datastores/mysql/versions/8.0/volume-types`,
      { token: fx.demo.token },
    )
    expect(res.status).toBe(200)
    expect(volumeTypeListSchema.parse(res.body).volume_types.map((t) => t.name)).toEqual([
      'standard',
      'ssd',
    ])
  })
  it('answers an unknown datastore 404 and an unknown version 400, as Trove does', async () => {
    const ds = await fx.t.json('GET', `${fx.demo.base}/datastores/nosuch/versions/1/flavors`, {
      token: fx.demo.token,
    })
    expect(ds.status).toBe(404)
    const v = await fx.t.json('GET', `${fx.demo.base}/datastores/mysql/versions/0.1/volume-types`, {
      token: fx.demo.token,
    })
    expect(v.status).toBe(400)
    expect(v.body).toEqual({
      badRequest: { code: 400, message: "Datastore version '0.1' cannot be found." },
    })
  })
})
