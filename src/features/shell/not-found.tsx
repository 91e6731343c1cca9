import { Link } from '@tanstack/react-router'
import { FileQuestion } from 'lucide-react'
import { EmptyState } from '@/components/ui/empty-state'
import { buttonVariants } from '@/components/ui/button'
import { PageLandmark } from '@/components/page-landmark'

/** The page for an address the console does not know. */
export function NotFound() {
  return (
    <PageLandmark className="mx-auto max-w-2xl p-6">
      <EmptyState
        icon={FileQuestion}
        headingLevel={1}
        title="This page does not exist"
        description="The address may be mistyped, or the page was moved. Check the link, or go back to your instances."
        action={
          <Link to="/instances" className={buttonVariants()}>
            Go to instances
          </Link>
        }
      />
    </PageLandmark>
  )
}
