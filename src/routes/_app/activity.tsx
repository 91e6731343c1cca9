import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { ActivityPage } from '@/features/activity/pages/activity-page'
import {
  activitySearchDefaults,
  activitySearchSchema,
} from '@/features/activity/lib/activity-search'

export const Route = createFileRoute('/_app/activity')({
  validateSearch: activitySearchSchema,
  search: { middlewares: [stripSearchParams(activitySearchDefaults)] },
  head: () => ({ meta: [{ title: 'Activity · DBaaS Console' }] }),
  component: ActivityPage,
})
