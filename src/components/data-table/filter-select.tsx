import { Label } from '@/components/ui/label'
import { Select } from '@/components/ui/select'

export interface FilterOption {
  value: string
  label?: string
}

/**
 * One filter of a list's filter bar: a labelled select whose empty value means "all". A value
 * from the URL that the list no longer has stays selectable, so a shared link shows what it
 * filters on instead of silently falling back to "all".
 */
export function FilterSelect({
  id,
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  allLabel: string
  value: string
  options: readonly (string | FilterOption)[]
  onChange: (value: string) => void
}) {
  const items = options.map((o) => (typeof o === 'string' ? { value: o } : o))
  const known = value === '' || items.some((o) => o.value === value)
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label ?? o.value}
          </option>
        ))}
        {known ? null : <option value={value}>{value}</option>}
      </Select>
    </div>
  )
}
