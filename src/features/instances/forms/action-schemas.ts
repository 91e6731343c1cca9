import * as z from 'zod/mini'
import { cidrListVerdict } from '@/api/rules/cidrs'
import { instanceNameField } from '@/api/rules/instance-names'
import { refineWith } from '@/api/rules/verdict'
import { volumeSizeVerdict } from '@/api/rules/volume-sizes'
import { lines } from './launch-instance.schema'

export function renameSchema(currentName: string) {
  return z.object({
    newName: instanceNameField.check(
      z.refine((n) => n !== currentName, 'This is the current name.'),
    ),
  })
}

export function resizeVolumeSchema(currentSize: number, maxSize?: number) {
  return z.object({
    size: z
      .number({ error: 'Enter a size in GB.' })
      .check(
        z.superRefine(
          refineWith((n: number) => volumeSizeVerdict(n, { current: currentSize, max: maxSize })),
        ),
      ),
  })
}

export function resizeFlavorSchema(currentFlavorRef: string) {
  return z.object({
    flavorRef: z.string().check(
      z.minLength(1, 'Choose a flavor.'),
      z.refine((f) => f !== currentFlavorRef, 'This is the current flavor.'),
    ),
  })
}

export const updateAccessSchema = z
  .object({ isPublic: z.boolean(), allowedCidrs: z.string() })
  .check(
    z.superRefine((v, ctx) => {
      const verdict = cidrListVerdict(lines(v.allowedCidrs))
      if (!verdict.ok) {
        ctx.addIssue({ code: 'custom', path: ['allowedCidrs'], message: verdict.message })
      }
    }),
  )
export type UpdateAccessValues = z.infer<typeof updateAccessSchema>

/** The PUT access body for the form values. */
export function toAccessChange(v: UpdateAccessValues): {
  is_public: boolean
  allowed_cidrs: string[]
} {
  return { is_public: v.isPublic, allowed_cidrs: lines(v.allowedCidrs) }
}
