import { z } from 'zod'
import { passwordPolicySchema } from '../rules/password-strength'

/**
 * `GET /console-api/v1/config`: what the operator configured for the console's forms, served by
 * the console's server in both modes (embedded cloud and gateway). No token needed.
 */
export const consoleConfigSchema = z.object({
  passwordPolicy: passwordPolicySchema,
})
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>

export const CONSOLE_CONFIG_PATH = '/console-api/v1/config'
