import { Link } from '@tanstack/react-router'

/** The breadcrumb back to the configuration groups list. */
export function GroupsBreadcrumb() {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link to="/configurations" className="text-link hover:underline">
        Configuration groups
      </Link>
    </nav>
  )
}
