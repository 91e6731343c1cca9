import { useCallback, useMemo, useState } from 'react'
import {
  projectFieldSchema,
  searchDirectory,
  type Directory,
  type DirectoryEntry,
} from '@/api/identity/project-names'
import { Combobox, type ComboboxOption } from '@/components/combobox'
import { Field } from '@/components/ui/field'

const asOption = (e: DirectoryEntry): ComboboxOption => ({ value: e.id, label: e.name, hint: e.id })

/**
 * The one project picker: the shared `Combobox` over the project directory, searched by name or
 * id (name prefixes first). Enter on typed text with no highlighted option checks it with
 * `projectFieldSchema`: an unknown project is refused at the field and nothing changes.
 * `allowEmpty` adds a first option meaning "no project" (e.g. "All projects").
 */
export function ProjectPicker({
  label,
  value,
  onChange,
  directory,
  description,
  allowEmpty,
  className,
  id,
}: {
  label: string
  /** The chosen project id ('' for none). */
  value: string
  onChange: (projectId: string) => void
  directory: Directory | undefined
  description?: string
  /** The label of the "no project" option; without it a project must be chosen. */
  allowEmpty?: string
  className?: string
  id?: string
}) {
  const [error, setError] = useState<string | undefined>()
  const none = useMemo(
    () => (allowEmpty === undefined ? [] : [{ value: '', label: allowEmpty }]),
    [allowEmpty],
  )
  // The chosen project for the input's text: its name, or the bare id if the directory lacks it.
  const chosen = useMemo(() => {
    if (!value) return none
    const e = directory?.byId.get(value)
    return [e ? asOption(e) : { value, label: value }]
  }, [directory, value, none])
  const search = useCallback(
    (query: string) => {
      const found = directory ? searchDirectory(directory, query).map(asOption) : []
      return query.trim() ? found : [...none, ...found]
    },
    [directory, none],
  )
  const enterText = (typed: string) => {
    if (!typed && allowEmpty !== undefined) {
      if (value) onChange('')
      return true
    }
    const parsed = projectFieldSchema(directory).safeParse(typed)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Unknown project.')
      return false
    }
    if (parsed.data !== value) onChange(parsed.data)
    return true
  }

  return (
    <Field label={label} description={description} error={error} id={id} className={className}>
      {(control) => (
        <Combobox
          {...control}
          options={chosen}
          value={value}
          onChange={onChange}
          search={search}
          highlightFirst={false}
          onEnterText={enterText}
          onEdit={() => setError(undefined)}
          hintBelow
          listLabel={`${label}: matching projects`}
          placeholder="Search projects by name or id"
          emptyText={directory ? 'No project matches.' : 'Loading projects…'}
        />
      )}
    </Field>
  )
}
