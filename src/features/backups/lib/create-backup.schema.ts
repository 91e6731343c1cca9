import { z } from 'zod'
import { BACKUP_NAME_MAX, type CreateBackupRequest } from '@/api/backups/schemas'

const ALNUM_RE = /[0-9a-zA-Z]/
const CONTAINER_RE = /^[A-Za-z0-9_@%+=:,./-]+$/

export const BACKUP_KINDS = ['full', 'incremental', 'parent'] as const

/** The create-backup form: what the user types, checked before anything is sent. */
export const createBackupFormSchema = z
  .object({
    name: z.string().default(''),
    instanceId: z.string().default(''),
    description: z.string().default(''),
    kind: z.enum(BACKUP_KINDS).default('full'),
    parentId: z.string().default(''),
    swiftContainer: z.string().trim().default(''),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    const name = v.name.trim()
    if (!name) issue('name', 'Enter a name.')
    else if (name.length > BACKUP_NAME_MAX) issue('name', `At most ${BACKUP_NAME_MAX} characters.`)
    else if (!ALNUM_RE.test(name)) issue('name', 'The name needs at least one letter or digit.')
    if (!v.instanceId) issue('instanceId', 'Choose an instance.')
    if (v.description.trim() && !ALNUM_RE.test(v.description)) {
      issue('description', 'The description needs at least one letter or digit.')
    }
    if (v.kind === 'parent' && !v.parentId) issue('parentId', 'Choose the parent backup.')
    if (v.swiftContainer && !CONTAINER_RE.test(v.swiftContainer)) {
      issue('swiftContainer', 'Letters, digits and _ @ % + = : , . / - only.')
    }
  })
export type CreateBackupInput = z.input<typeof createBackupFormSchema>
export type CreateBackupValues = z.output<typeof createBackupFormSchema>

export const createBackupDefaults: CreateBackupValues = {
  name: '',
  instanceId: '',
  description: '',
  kind: 'full',
  parentId: '',
  swiftContainer: '',
}

/** The `POST /backups` body for valid form values. */
export function toCreateBackupRequest(v: CreateBackupValues): CreateBackupRequest {
  const backup: CreateBackupRequest['backup'] = { name: v.name.trim(), instance: v.instanceId }
  const description = v.description.trim()
  if (description) backup.description = description
  if (v.kind === 'incremental') backup.incremental = 1
  if (v.kind === 'parent' && v.parentId) backup.parent_id = v.parentId
  if (v.swiftContainer) backup.swift_container = v.swiftContainer
  return { backup }
}
