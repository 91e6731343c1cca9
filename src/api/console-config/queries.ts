import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiRequest } from '../client'
import { NO_PASSWORD_POLICY, type PasswordPolicy } from '../rules/password-strength'
import { consoleConfigKeys } from './keys'
import { CONSOLE_CONFIG_PATH, consoleConfigSchema, type ConsoleConfig } from './schemas'

/** The operator's configuration of the console (read once per page load). */
export const consoleConfigQueryOptions = () =>
  queryOptions({
    queryKey: consoleConfigKeys.all,
    queryFn: async ({ signal }): Promise<ConsoleConfig> => {
      const { data } = await apiRequest({
        service: 'identity',
        path: '',
        url: CONSOLE_CONFIG_PATH,
        anonymous: true,
        schema: consoleConfigSchema,
        signal,
      })
      return data
    },
    staleTime: Infinity,
  })

/**
 * The password policy the console's forms enforce. Until the configuration is read (or if it
 * cannot be), only the datastore's own rule applies: the cloud decides, as it always does.
 */
export function usePasswordPolicy(): PasswordPolicy {
  const { data } = useQuery(consoleConfigQueryOptions())
  return data?.passwordPolicy ?? NO_PASSWORD_POLICY
}
