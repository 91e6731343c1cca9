import { Select } from '@/components/ui/select'
import { Field } from '@/components/ui/field'
import type { Service } from '@/api/dbaas/schemas'

/** Chooses one DBaaS service by name (services are addressed by name in the API). */
export function ServicePicker({
  services,
  value,
  onChange,
  label = 'Service',
}: {
  services: Service[]
  value: string | undefined
  onChange: (name: string) => void
  label?: string
}) {
  return (
    <Field label={label} className="min-w-56">
      <Select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {value === undefined ? <option value="">Choose a service</option> : null}
        {services.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name} ({s.type}, {s.state ?? 'unknown'})
          </option>
        ))}
      </Select>
    </Field>
  )
}
