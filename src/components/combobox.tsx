import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { ChevronsUpDown } from 'lucide-react'
import { cn } from '@/lib/cn'
import { controlClasses } from '@/components/ui/input'

export interface ComboboxOption {
  value: string
  label: string
  /** Shown after the label (or under it), searched too (e.g. "default", a project id). */
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
  /** The options shown for a query; `filterOptions` over `options` when not given. */
  search?: (query: string) => readonly ComboboxOption[]
  /**
   * Typing highlights the first match, so Enter takes it (default). Without it, Enter on typed
   * text with nothing highlighted goes to `onEnterText`.
   */
  highlightFirst?: boolean
  /** Enter on typed text with no option highlighted; false keeps the text (refused). */
  onEnterText?: (text: string) => boolean
  /** Typing started or the choice was reset (a refusal shown beside the field can go). */
  onEdit?: () => void
  /** What the list says when no option matches (default: Nothing matches “…”). */
  emptyText?: string
  /** The hint under the label in small mono type (ids), instead of after it. */
  hintBelow?: boolean
  className?: string
  'aria-invalid'?: true | undefined
  'aria-describedby'?: string | undefined
  'aria-required'?: true | undefined
}

/**
 * The one searchable single choice, on the ARIA combobox pattern (editable input, list popup):
 * type to filter, ArrowDown/ArrowUp/Home/End to move, Enter to choose, Escape to close. Focus stays
 * in the input; the active option is announced through `aria-activedescendant` and marked
 * `aria-selected`.
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
  search,
  highlightFirst = true,
  onEnterText,
  onEdit,
  emptyText,
  hintBelow,
  className,
  ...aria
}: ComboboxProps) {
  const listId = useId()
  const optionId = (n: number) => `${listId}-opt-${n}`
  const selected = options.find((o) => o.value === value)
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState<string | null>(null)
  const [active, setActive] = useState(-1)
  const listRef = useRef<HTMLUListElement>(null)
  const shown = useMemo(
    () => (search ? search(query ?? '') : filterOptions(options, query ?? '')),
    [options, search, query],
  )
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
    setActive(at >= 0 ? at : highlightFirst ? 0 : -1)
  }
  const close = () => {
    setOpen(false)
    setQuery(null)
    setActive(-1)
  }
  const choose = (o: ComboboxOption | undefined) => {
    if (!o) return
    close()
    onEdit?.()
    if (o.value !== value) onChange(o.value)
  }
  const enterText = () => {
    if (query === null || !onEnterText) return close()
    if (onEnterText(query.trim())) close()
    else setOpen(false) // refused: the text stays, the field says why
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
    } else if (e.key === 'Enter' && (open || query !== null)) {
      // Choosing must not submit the form the combobox is in.
      e.preventDefault()
      const o = open && active >= 0 ? shown[active] : undefined
      if (o) choose(o)
      else enterText()
    } else if (e.key === 'Escape' && (open || query !== null)) {
      e.preventDefault()
      e.stopPropagation()
      close()
      onEdit?.()
    }
  }

  const expanded = open && !disabled
  return (
    <div className={cn('relative', className)}>
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
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
          setActive(highlightFirst ? 0 : -1)
          onEdit?.()
        }}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => (open ? setOpen(false) : openAt())}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // Leaving keeps the choice; typed text that chose nothing is forgotten, unless refused.
          setOpen(false)
          setActive(-1)
          if (!aria['aria-invalid']) setQuery(null)
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
        className="bg-popover text-popover-foreground absolute z-40 mt-1 max-h-72 w-full overflow-auto rounded-md border p-1 shadow-md"
      >
        {shown.length === 0 ? (
          <li
            role="option"
            aria-selected={false}
            aria-disabled="true"
            className="text-muted-foreground px-2 py-1.5 text-sm"
          >
            {emptyText ?? `Nothing matches “${query ?? ''}”`}
          </li>
        ) : (
          shown.map((o, n) => (
            <li
              key={o.value}
              id={optionId(n)}
              role="option"
              aria-selected={n === active}
              className={cn(
                'flex cursor-pointer gap-2 rounded-sm px-2 py-1.5 text-sm',
                hintBelow ? 'flex-col gap-0' : 'items-baseline justify-between',
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
              {o.hint ? (
                <span className={cn('text-muted-foreground text-xs', hintBelow && 'font-mono')}>
                  {o.hint}
                </span>
              ) : null}
            </li>
          ))
        )}
      </ul>
    </div>
  )
}
