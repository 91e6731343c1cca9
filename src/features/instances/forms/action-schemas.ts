import { z } from 'zod'
import { isCidr, lines } from './launch-instance.schema'

const ALNUM_RE = /[0-9a-zA-Z]/

export function renameSchema(currentName: string) {
  return z.object({
    newName: z
      .string()
      .trim()
      .min(1, 'Enter a name.')
      .max(255, 'At most 255 characters.')
      .regex(ALNUM_RE, 'The name needs at least one letter or digit.')
      .refine((n) => n !== currentName, 'This is the current name.'),
  })
}

export function resizeVolumeSchema(currentSize: number, maxSize?: number) {
  return z.object({
    size: z
      .number({ error: 'Enter a size in GB.' })
      .int('Whole gigabytes only.')
      .min(
        currentSize + 1,
        `Must be larger than the current ${currentSize} GB (volumes only grow).`,
      )
      .refine((n) => maxSize === undefined || n <= maxSize, `At most ${maxSize ?? 0} GB.`),
  })
}

export function resizeFlavorSchema(currentFlavorRef: string) {
  return z.object({
    flavorRef: z
      .string()
      .min(1, 'Choose a flavor.')
      .refine((f) => f !== currentFlavorRef, 'This is the current flavor.'),
  })
}

export const updateAccessSchema = z
  .object({ isPublic: z.boolean(), allowedCidrs: z.string() })
  .superRefine((v, ctx) => {
    const cidrs = lines(v.allowedCidrs)
    const bad = cidrs.filter((c) => !isCidr(c))
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['allowedCidrs'],
        message: `Not an IPv4 or IPv6 CIDR: ${bad.slice(0, 3).join(', ')}`,
      })
    } else if (new Set(cidrs).size !== cidrs.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['allowedCidrs'],
        message: 'Each CIDR may appear only once.',
      })
    }
  })
export type UpdateAccessValues = z.infer<typeof updateAccessSchema>

/** The PUT access body for the form values. */
export function toAccessChange(v: UpdateAccessValues): {
  is_public: boolean
  allowed_cidrs: string[]
} {
  return { is_public: v.isPublic, allowed_cidrs: lines(v.allowedCidrs) }
}
