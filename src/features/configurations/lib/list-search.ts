import { z } from 'zod'

/** The groups list's view state in the URL. */
export const configurationsSearchSchema = z.object({
  datastore: z.string().default('').catch(''),
})
export type ConfigurationsSearch = z.infer<typeof configurationsSearchSchema>
export const configurationsSearchDefaults: ConfigurationsSearch = { datastore: '' }
