import type { FieldErrors, UseFormRegister } from 'react-hook-form'
import { CheckboxField } from '@/components/ui/checkbox'
import { Field, FieldError } from '@/components/ui/field'
import { Input } from '@/components/ui/input'

/** Image, tags, active and default: the fields the create and edit forms share. */
export function VersionImageFields<
  T extends { image: string; imageTags: string; active: boolean; isDefault: boolean },
>({
  register,
  errors,
}: {
  // The forms' own value types extend T; react-hook-form's register is invariant in it.
  register: UseFormRegister<T>
  errors: FieldErrors<T>
}) {
  const reg = register as unknown as UseFormRegister<{
    image: string
    imageTags: string
    active: boolean
    isDefault: boolean
  }>
  const e = errors as FieldErrors<{ image: string; imageTags: string; isDefault: boolean }>
  return (
    <>
      <Field
        label="Image id"
        description="The Glance image the guests boot from. Give this or image tags."
        error={e.image?.message}
      >
        <Input {...reg('image')} autoComplete="off" />
      </Field>
      <Field
        label="Image tags"
        description="Comma-separated, at most 5 of at most 20 characters; the newest image with all these tags is used."
        error={e.imageTags?.message}
      >
        <Input {...reg('imageTags')} autoComplete="off" />
      </Field>
      <CheckboxField
        label="Active"
        description="Inactive versions are not offered when launching instances."
        {...reg('active')}
      />
      <div className="grid gap-1">
        <CheckboxField
          label="Default version of its datastore"
          description="Used when a launch names the datastore but no version."
          {...reg('isDefault')}
        />
        {e.isDefault?.message ? <FieldError>{e.isDefault.message}</FieldError> : null}
      </div>
    </>
  )
}
