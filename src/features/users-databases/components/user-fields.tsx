import type { UseFormRegisterReturn } from 'react-hook-form'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { PasswordInput } from '@/components/password-input'

/** The user name field of the create and edit dialogs. */
export function UserNameField({
  registration,
  error,
  description,
}: {
  registration: UseFormRegisterReturn
  error: string | undefined
  description?: string
}) {
  return (
    <Field label="User name" required description={description} error={error}>
      <Input autoComplete="off" spellCheck={false} {...registration} />
    </Field>
  )
}

/** Where a user may connect from (`%`, an IPv4 address or a `192.168.1.%` range). */
export function HostField({
  registration,
  error,
  description = '% for anywhere, or an IPv4 address (192.168.1.% for a range).',
}: {
  registration: UseFormRegisterReturn
  error: string | undefined
  description?: string
}) {
  return (
    <Field label="Host" description={description} error={error}>
      <Input autoComplete="off" spellCheck={false} className="font-mono" {...registration} />
    </Field>
  )
}

/** A password field with show/hide and Generate (which validates what it fills in). */
export function PasswordField({
  label,
  required,
  description,
  registration,
  error,
  onGenerate,
}: {
  label: string
  required?: boolean
  description: string
  registration: UseFormRegisterReturn
  error: string | undefined
  onGenerate: (password: string) => void
}) {
  return (
    <Field label={label} required={required} description={description} error={error}>
      {(controlProps) => (
        <PasswordInput {...controlProps} {...registration} onGenerate={onGenerate} />
      )}
    </Field>
  )
}
