import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { wallSearchDefaults, wallSearchSchema } from '@/features/wall/lib/wall-search'
import { WallPage } from '@/features/wall/wall-page'

/**
 * The status wall, outside the signed-in shell (no sidebar, no re-login dialog): it signs in by
 * itself. Its configuration is its link: group, filters, page and refresh seconds.
 */
export const Route = createFileRoute('/wall')({
  validateSearch: wallSearchSchema,
  search: { middlewares: [stripSearchParams(wallSearchDefaults)] },
  head: () => ({ meta: [{ title: 'Status wall · DBaaS Console' }] }),
  component: WallPage,
})
