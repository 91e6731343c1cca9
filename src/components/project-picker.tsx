import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import {
  projectFieldSchema,
  searchDirectory,
  type Directory,
  type DirectoryEntry,
} from '@/api/identity/project-names'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { cn } from '@/lib/cn'

/**
 * The one project picker: a combobox that searches the project directory by name or id (type,
 * ArrowUp/Down, Enter, Escape). Enter on typed text without a highlighted option checks it with
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
  const auto = useId()
  const inputId = id ?? `project-picker-${auto}`
  const listId = `${inputId}-list`
  const shown = value ? (directory?.byId.get(value)?.name ?? value) : (allowEmpty ?? '')
  const [text, setText] = useState<string | null>(null) // null: not editing, show the choice
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [error, setError] = useState<string | undefined>()

  const options = useMemo(() => {
    const found = directory ? searchDirectory(directory, text ?? '') : []
    const list: (DirectoryEntry | null)[] = found
    return allowEmpty && !(text ?? '').trim() ? [null, ...list] : list
  }, [directory, text, allowEmpty])

  const choose = (option: DirectoryEntry | null) => {
    setText(null)
    setOpen(false)
    setActive(-1)
    setError(undefined)
    const next = option?.id ?? ''
    if (next !== value) onChange(next)
  }

  const commitTyped = () => {
    const typed = (text ?? '').trim()
    if (!typed && allowEmpty) return choose(null)
    if (text === null) return
    const parsed = projectFieldSchema(directory).safeParse(typed)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Unknown project.')
      setOpen(false)
      return
    }
    setText(null)
    setOpen(false)
    setError(undefined)
    if (parsed.data !== value) onChange(parsed.data)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        setOpen(true)
        setActive((a) => Math.min(a + 1, options.length - 1))
        break
      case 'ArrowUp':
        e.preventDefault()
        setOpen(true)
        setActive((a) => Math.max(a - 1, 0))
        break
      case 'Home':
      case 'End':
        if (!open) return
        e.preventDefault()
        setActive(e.key === 'Home' ? 0 : options.length - 1)
        break
      case 'Enter': {
        e.preventDefault()
        const option = open && active >= 0 ? options[active] : undefined
        if (option !== undefined) choose(option)
        else commitTyped()
        break
      }
      case 'Escape':
        if (open || text !== null) {
          e.preventDefault()
          setOpen(false)
          setActive(-1)
          setText(null)
          setError(undefined)
        }
        break
    }
  }

  const optionId = (i: number) => `${listId}-${i}`
  return (
    <Field label={label} description={description} error={error} id={inputId} className={className}>
      {(control) => (
        <div className="relative">
          <Input
            {...control}
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder="Search projects by name or id"
            value={text ?? shown}
            onChange={(e) => {
              setText(e.target.value)
              setOpen(true)
              setActive(-1)
              setError(undefined)
            }}
            onFocus={(e) => e.currentTarget.select()}
            onClick={() => setOpen(true)}
            onBlur={() => {
              setOpen(false)
              setActive(-1)
              // Leaving the field keeps the choice; typed text that names nothing is forgotten.
              if (text !== null && !error) setText(null)
            }}
            onKeyDown={onKeyDown}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={`${label}: matching projects`}
            hidden={!open}
            className="absolute z-40 mt-1 max-h-72 w-full overflow-auto rounded-md border border-border bg-popover py-1 text-popover-foreground shadow-md"
          >
            {options.length === 0 ? (
              <li role="presentation" className="px-3 py-2 text-sm text-muted-foreground">
                {directory ? 'No project matches.' : 'Loading projects…'}
              </li>
            ) : (
              options.map((o, i) => (
                <li
                  key={o?.id ?? ''}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={cn(
                    'grid cursor-pointer px-3 py-1.5 text-sm',
                    i === active ? 'bg-accent text-accent-foreground' : undefined,
                  )}
                  // Keep the focus in the input: choosing happens on click.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(o)}
                  onMouseMove={() => setActive(i)}
                >
                  {o ? (
                    <>
                      <span className="font-medium">{o.name}</span>
                      <span className="font-mono text-xs text-muted-foreground">{o.id}</span>
                    </>
                  ) : (
                    <span className="font-medium">{allowEmpty}</span>
                  )}
                </li>
              ))
            )}
          </ul>
        </div>
      )}
    </Field>
  )
}
