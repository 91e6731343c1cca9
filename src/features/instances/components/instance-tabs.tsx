import { Link } from '@tanstack/react-router'
import { INSTANCE_TABS } from '../instance-tabs'

/** Tab links of the instance page: real links, so every tab has a URL that can be shared. */
export function InstanceTabs({ instanceId }: { instanceId: string }) {
  return (
    <nav aria-label="Instance sections" className="border-b border-border">
      <ul className="-mb-px flex flex-wrap gap-1">
        {INSTANCE_TABS.map((tab) => (
          <li key={tab.to}>
            <Link
              to={`/instances/$instanceId${tab.to ? `/${tab.to}` : ''}` as '/instances/$instanceId'}
              params={{ instanceId }}
              activeOptions={{ exact: true, includeSearch: false }}
              className="inline-block border-b-2 border-transparent px-3 py-2 text-sm text-muted-foreground hover:text-foreground focus-visible:outline-2 aria-[current=page]:border-primary aria-[current=page]:font-medium aria-[current=page]:text-foreground"
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
