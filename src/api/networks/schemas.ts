import { z } from 'zod'

/** A Neutron network as `GET /v2.0/networks` lists it (the fields the console reads). */
export const networkSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string().optional(),
  shared: z.boolean().optional(),
  'router:external': z.boolean().optional(),
  project_id: z.string().optional(),
  tenant_id: z.string().optional(),
  description: z.string().nullable().optional(),
  subnets: z.array(z.string()).optional(),
})
export type Network = z.infer<typeof networkSchema>

export const networkListSchema = z.object({ networks: z.array(networkSchema) })
export const networkShowSchema = z.object({ network: networkSchema })
