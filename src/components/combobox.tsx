import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { ChevronsUpDown } from 'lucide-react'
import { cn } from '@/lib/cn'
import { controlClasses } from '@/components/ui/input'

export interface ComboboxOption {
  value: string
  label: string
  /** Shown after the label, searched too (e.g. "default", a release number). */
  hint?: string | undefined
}

/** The options whose label or hint contains the query (case-insensitive); all for no query. */
export function filterOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const q = query.trim().toLowerCase()
  if (!q) return [...options]
  return options.filter((o) => `${o.label} ${o.hint ?? ''}`.toLowerCase().includes(q))
}

export interface ComboboxProps {
  options: readonly ComboboxOption[]
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  /** The accessible name of the list (the field's label names the input). */
  listLabel: string
  placeholder?: string
  disabled?: boolean
  id?: string
  name?: string
  'aria-invalid'?: true | undefined
  'aria-describedby'?: string | undefined
  'aria-required'?: true | undefined
}

/**
 * A searchable single choice on the ARIA combobox pattern (editable input, list popup): type to
 * filter, ArrowDown/ArrowUp to move, Enter to choose, Escape to close. Focus stays in the input;
 * the active option is announced through `aria-activedescendant`.
 */
export function Combobox({
  options,
  value,
  onChange,
  onBlur,
  listLabel,
  placeholder,
  disabled,
  id,
  name,
  ...aria
}: ComboboxProps) {
  const listId = useId()
  const optionId = (n: number) => `${listId}-opt-${n}`
  const selected = options.find((o) => o.value === value)
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)
  const shown = useMemo(() => filterOptions(options, query ?? ''), [options, query])
  const text = query ?? (selected ? selected.label : value)

  const show = (n: number) => {
    setActive(n)
    listRef.current
      ?.querySelector(`#${CSS.escape(optionId(n))}`)
      ?.scrollIntoView?.({ block: 'nearest' })
  }
  const openAt = () => {
    setOpen(true)
    const at = shown.findIndex((o) => o.value === value)
    setActive(at >= 0 ? at : 0)
  }
  const close = () => {
    setOpen(false)
    setQuery(null)
  }
  const choose = (o: ComboboxOption | undefined) => {
    if (!o) return
    onChange(o.value)
    close()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      if (!open) openAt()
      else if (shown.length > 0) show(Math.min(active + 1, shown.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      if (!open) openAt()
      else if (shown.length > 0) show(Math.max(active - 1, 0))
    } else if (e.key === 'Home' && open) {
      e.preventDefault()
      show(0)
    } else if (e.key === 'End' && open) {
      e.preventDefault()
      show(Math.max(shown.length - 1, 0))
    } else if (e.key === 'Enter' && open) {
      // Choosing must not submit the form the combobox is in.
      e.preventDefault()
      choose(shown[active])
    } else if (e.key === 'Escape' && open) {
      e.preventDefault()
      e.stopPropagation()
      close()
    }
  }

  const expanded = open && !disabled
  return (
    <div className="relative">
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && shown[active] ? optionId(active) : undefined}
        disabled={disabled}
        placeholder={placeholder}
        value={text}
        className={cn(controlClasses, 'h-9 pr-8')}
        onChange={(e) => {
          setQuery(e.target.value)
          setOpen(true)
          setActive(0)
        }}
        onClick={() => (open ? close() : openAt())}
        onKeyDown={onKeyDown}
        onBlur={() => {
          close()
          onBlur?.()
        }}
        {...aria}
      />
      <ChevronsUpDown
        aria-hidden="true"
        className="text-muted-foreground pointer-events-none absolute top-2.5 right-2.5 size-4"
      />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={listLabel}
        hidden={!expanded}
        className="bg-popover text-popover-foreground absolute z-20 mt-1 max-h-60 w-full overflow-auto rounded-md border p-1 shadow-md"
      >
        {shown.length === 0 ? (
          <li
            role="option"
            aria-selected={false}
            aria-disabled="true"
            className="px-2 py-1.5 text-sm"
          >
            Nothing matches “{query}”
          </li>
        ) : (
          shown.map((o, n) => (
            <li
              key={o.value}
              id={optionId(n)}
              role="option"
              aria-selected={o.value === value}
              className={cn(
                'flex cursor-pointer items-baseline justify-between gap-2 rounded-sm px-2 py-1.5 text-sm',
                n === active && 'bg-accent text-accent-foreground',
                o.value === value && 'font-medium',
              )}
              // Keep focus in the input: the choice is made on mouse down.
              onMouseDown={(e) => {
                e.preventDefault()
                choose(o)
              }}
              onMouseMove={() => setActive(n)}
            >
              <span>{o.label}</span>
              {o.hint ? <span className="text-muted-foreground text-xs">{o.hint}</span> : null}
            </li>
          ))
        )}
      </ul>
    </div>
  )
}
