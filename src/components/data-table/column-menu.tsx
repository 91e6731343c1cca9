import { Columns3 } from 'lucide-react'
import { Button } from '@/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'

/** Which columns are shown; columns with `hideable: false` are not listed. */
export function ColumnMenu({
  columns,
  visible,
  onToggle,
}: {
  columns: readonly { id: string; header: string; hideable?: boolean }[]
  visible: ReadonlySet<string>
  onToggle: (id: string, show: boolean) => void
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3 aria-hidden="true" className="size-4" />
          Columns
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>Shown columns</DropdownMenuLabel>
        {columns
          .filter((c) => c.hideable !== false)
          .map((c) => (
            <DropdownMenuCheckboxItem
              key={c.id}
              checked={visible.has(c.id)}
              onSelect={(e) => e.preventDefault()}
              onCheckedChange={(show) => onToggle(c.id, show)}
            >
              {c.header}
            </DropdownMenuCheckboxItem>
          ))}
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
