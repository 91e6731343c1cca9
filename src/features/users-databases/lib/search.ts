import * as z from 'zod/mini'
import {
  databasesTableSearchDefaults,
  databasesTableSearchFields,
  usersTableSearchDefaults,
  usersTableSearchFields,
} from './table-search'

/** The /users-databases page's URL: which instance is being managed, and both tables' views. */
export const usersDatabasesSearchSchema = z.object({
  instance: z.catch(z.optional(z.string().check(z.minLength(1))), undefined),
  ...databasesTableSearchFields,
  ...usersTableSearchFields,
})

export const usersDatabasesSearchDefaults = {
  ...databasesTableSearchDefaults,
  ...usersTableSearchDefaults,
}
