import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { DataTableColumn } from './columns'
import { DataTable } from './data-table'
import type { RowAction } from './row-actions-menu'

// The shared data table on its own (in the route project for its DOM): rows are keyed by their
// position on screen, so what a row holds must follow the row, not the position.

interface Item {
  id: string
  name: string
}

const columns: DataTableColumn<Item>[] = [
  { id: 'name', header: 'Name', cell: (i) => i.name, filterText: (i) => i.name },
]
const chosen: string[] = []
const actions: RowAction<Item>[] = [{ label: 'Open', onSelect: (i) => chosen.push(i.name) }]
const search = { sort: 'name', dir: 'asc', q: '', cols: '' } as const

function table(rows: Item[]) {
  return (
    <DataTable
      label="Items"
      idPrefix="items"
      columns={columns}
      rows={rows}
      getRowId={(i) => i.id}
      rowLabel={(i) => i.name}
      search={search}
      onSearchChange={() => undefined}
      noun={{ one: 'item', other: 'items' }}
      empty={<p>None</p>}
      rowActions={actions}
    />
  )
}

describe('data table rows', () => {
  it("a row's open menu does not stay open for the row shown in its place", async () => {
    const a = { id: 'a', name: 'alpha' }
    const b = { id: 'b', name: 'bravo' }
    const view = render(table([a, b]))
    fireEvent.keyDown(screen.getByRole('button', { name: 'Actions for alpha' }), { key: 'Enter' })
    const menu = await screen.findByRole('menu', {}, { timeout: 5000 })
    expect(within(menu).getByRole('menuitem', { name: 'Open' })).toBeTruthy()
    // alpha goes (deleted, or filtered out by a refresh): bravo is now the first row on screen.
    act(() => view.rerender(table([b])))
    expect(screen.queryByRole('menu')).toBeNull()
    expect(
      screen.getByRole('button', { name: 'Actions for bravo' }).getAttribute('aria-expanded'),
    ).toBe('false')
    expect(chosen).toEqual([])
    view.unmount()
  })
})
