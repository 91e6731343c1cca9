import { z } from 'zod'
import {
  databasesTableSearchDefaults,
  databasesTableSearchFields,
  usersTableSearchDefaults,
  usersTableSearchFields,
} from './table-search'

/** The /users-databases page's URL: which instance is being managed, and both tables' views. */
export const usersDatabasesSearchSchema = z.object({
  instance: z.string().min(1).optional().catch(undefined),
  ...databasesTableSearchFields,
  ...usersTableSearchFields,
})

export const usersDatabasesSearchDefaults = {
  ...databasesTableSearchDefaults,
  ...usersTableSearchDefaults,
}
