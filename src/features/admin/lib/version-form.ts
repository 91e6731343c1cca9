import { z } from 'zod'
import { uuidString } from '@/api/instances/schemas'
import type { MgmtVersion, VersionCreateRequest, VersionEditRequest } from '@/api/mgmt/schemas'

const ALNUM = /[0-9a-zA-Z]/

/** "a, b" -> ["a", "b"] (blank items dropped). */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
}

const named = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(255, 'At most 255 characters.')
    .refine((v) => ALNUM.test(v), 'It must contain a letter or a digit.')

const imageFields = {
  image: z
    .string()
    .trim()
    .refine((v) => v === '' || uuidString.safeParse(v).success, 'Enter the image id as a UUID.'),
  imageTags: z
    .string()
    .refine((v) => splitTags(v).length <= 5, 'At most 5 tags.')
    .refine((v) => splitTags(v).every((t) => t.length <= 20), 'Each tag has at most 20 characters.')
    .refine(
      (v) => new Set(splitTags(v)).size === splitTags(v).length,
      'Each tag may appear only once.',
    ),
}

const needsImage = (v: { image: string; imageTags: string }) =>
  v.image.trim() !== '' || splitTags(v.imageTags).length > 0
const IMAGE_MESSAGE = 'Give an image id or at least one image tag.'

/** The rules the create and edit forms share: an image or tags; only an active default. */
function imageAndDefaultRules(
  v: { image: string; imageTags: string; active: boolean; isDefault: boolean },
  ctx: z.RefinementCtx,
) {
  if (!needsImage(v)) ctx.addIssue({ code: 'custom', message: IMAGE_MESSAGE, path: ['image'] })
  if (v.isDefault && !v.active) {
    ctx.addIssue({
      code: 'custom',
      message: 'Only an active version can be the default.',
      path: ['isDefault'],
    })
  }
}

/** The create form (mgmt_datastore_version create), validated as Trove's schema does. */
export const versionCreateFormSchema = z
  .object({
    datastoreName: named('datastore name'),
    datastoreManager: named('datastore manager'),
    name: named('version name'),
    version: z.string().trim().max(255, 'At most 255 characters.'),
    ...imageFields,
    active: z.boolean(),
    isDefault: z.boolean(),
  })
  .superRefine(imageAndDefaultRules)
export type VersionCreateForm = z.infer<typeof versionCreateFormSchema>

export const versionCreateDefaults: VersionCreateForm = {
  datastoreName: '',
  datastoreManager: '',
  name: '',
  version: '',
  image: '',
  imageTags: '',
  active: true,
  isDefault: false,
}

export function toCreateRequest(f: VersionCreateForm): VersionCreateRequest {
  const tags = splitTags(f.imageTags)
  return {
    version: {
      datastore_name: f.datastoreName.trim(),
      datastore_manager: f.datastoreManager.trim(),
      name: f.name.trim(),
      ...(f.version.trim() ? { version: f.version.trim() } : {}),
      ...(f.image.trim() ? { image: f.image.trim() } : {}),
      ...(tags.length ? { image_tags: tags } : {}),
      active: f.active,
      default: f.isDefault,
    },
  }
}

/** The edit form (PATCH): name, manager, image, tags, active, default. */
export const versionEditFormSchema = z
  .object({
    name: named('version name'),
    datastoreManager: named('datastore manager'),
    ...imageFields,
    active: z.boolean(),
    isDefault: z.boolean(),
  })
  .superRefine(imageAndDefaultRules)
export type VersionEditForm = z.infer<typeof versionEditFormSchema>

export function editDefaults(v: MgmtVersion): VersionEditForm {
  return {
    name: v.name,
    datastoreManager: v.datastore_manager,
    image: v.image ?? '',
    imageTags: v.image_tags.filter(Boolean).join(', '),
    active: v.active,
    isDefault: v.default,
  }
}

/** Only what changed, as Trove's PATCH body (not wrapped). */
export function toEditRequest(v: MgmtVersion, f: VersionEditForm): VersionEditRequest {
  const body: VersionEditRequest = {}
  const before = editDefaults(v)
  if (f.name.trim() !== before.name) body.name = f.name.trim()
  if (f.datastoreManager.trim() !== before.datastoreManager)
    body.datastore_manager = f.datastoreManager.trim()
  if (f.image.trim() !== before.image && f.image.trim()) body.image = f.image.trim()
  const tags = splitTags(f.imageTags)
  if (tags.join(',') !== splitTags(before.imageTags).join(',')) body.image_tags = tags
  if (f.active !== before.active) body.active = f.active
  if (f.isDefault !== before.isDefault) body.default = f.isDefault
  return body
}
