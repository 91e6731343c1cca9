import { Link } from '@tanstack/react-router'
import type { Instance } from '@/api/instances/schemas'
import type { DataTableColumn } from '@/components/data-table/columns'
import { InstanceStatusBadges } from '@/components/status/instance-status-badge'
import { StuckBadgeFor } from '@/components/status/stuck-badge'
import { useClock } from '@/hooks/use-clock'
import {
  formatDateTime,
  formatGb,
  formatRamMb,
  formatRelativeTime,
  parseCloudDate,
  toIsoString,
} from '@/lib/format'
import {
  haystack,
  instanceAddresses,
  replicationRole,
  sortKey,
  volumeUsedPercent,
  type FlavorLookup,
  type ReplicationRole,
} from '../lib/instance-list'

const ROLE_LABELS: Record<ReplicationRole, string> = {
  source: 'Replica source',
  replica: 'Replica',
  standalone: 'Standalone',
}

/**
 * "about 23 hours ago", kept current by the cell itself: the columns do not change with the
 * time, so the table keeps its rows' filter texts and memoized rows. Every row reads one shared
 * clock (a row coming into view costs no timer and no second render).
 */
function CreatedAgo({ created }: { created: string }) {
  const now = useClock(30_000)
  const texts = createdTexts(created)
  if (!texts) return '—'
  return (
    <time dateTime={texts.iso} title={texts.title}>
      {formatRelativeTime(texts.at, now)}
    </time>
  )
}

interface CreatedTexts {
  at: Date
  iso: string
  title: string
}

/** Rows whose created texts are kept: more than a screenful many times over. */
const KEPT_CREATED = 2000
const createdCache = new Map<string, CreatedTexts | null>()

/**
 * A created time's parsed date, ISO text and local title, made once per value: every keystroke
 * in the filter box shows other rows, and parsing a cloud date (regular expressions) and
 * formatting it (Intl) took 2–4 % of a keystroke's main-thread time at 20,000 rows.
 */
function createdTexts(created: string): CreatedTexts | null {
  let texts = createdCache.get(created)
  if (texts === undefined) {
    const at = parseCloudDate(created)
    texts = at ? { at, iso: at.toISOString(), title: formatDateTime(at) } : null
    if (createdCache.size >= KEPT_CREATED) createdCache.clear()
    createdCache.set(created, texts)
  }
  return texts
}

/**
 * The instances list's columns. The name column carries the whole filter text (name, id,
 * datastore, flavor, addresses, hostname), so a hidden column still filters. They change only
 * with the flavors (keep them memoized on the lookup).
 */
export function instanceColumns(flavor: FlavorLookup): DataTableColumn<Instance>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      className: 'w-[18%] font-medium',
      hideable: false,
      sortValue: (i) => sortKey(i, 'name', flavor),
      filterText: (i) => haystack(i, flavor(i.flavor.id)?.name),
      csv: (i) => i.name,
      cell: (i) => (
        <Link
          to="/instances/$instanceId"
          params={{ instanceId: i.id }}
          className="text-primary hover:underline focus-visible:outline-2 focus-visible:outline-ring"
          title={i.name}
        >
          {i.name}
        </Link>
      ),
    },
    {
      id: 'id',
      header: 'ID',
      className: 'w-[20%] font-mono text-xs',
      defaultHidden: true,
      csv: (i) => i.id,
      cell: (i) => i.id,
    },
    {
      id: 'status',
      header: 'Status',
      className: 'w-[22%] overflow-hidden',
      sortValue: (i) => sortKey(i, 'status', flavor),
      csv: (i) => (i.operating_status ? `${i.status} ${i.operating_status}` : i.status),
      cell: (i) => (
        <span className="inline-flex max-w-full flex-wrap items-center gap-1">
          <InstanceStatusBadges status={i.status} operatingStatus={i.operating_status} nowrap />
          <StuckBadgeFor kind="instance" id={i.id} />
        </span>
      ),
    },
    {
      id: 'datastore',
      header: 'Datastore',
      className: 'w-[13%]',
      sortValue: (i) => sortKey(i, 'datastore', flavor),
      cell: (i) => `${i.datastore.type} ${i.datastore.version}`,
    },
    {
      id: 'flavor',
      header: 'Flavor',
      className: 'w-[11%]',
      sortValue: (i) => sortKey(i, 'flavor', flavor),
      csv: (i) => flavor(i.flavor.id)?.name ?? String(i.flavor.id),
      cell: (i) => {
        const f = flavor(i.flavor.id)
        return f ? (
          <span title={`${f.name}: ${f.vcpus ?? '?'} vCPU, ${formatRamMb(f.ram)} RAM`}>
            {f.name}
          </span>
        ) : (
          <span className="text-muted-foreground">{String(i.flavor.id)}</span>
        )
      },
    },
    {
      id: 'addresses',
      header: 'Addresses',
      className: 'w-[16%]',
      sortValue: (i) => sortKey(i, 'addresses', flavor),
      csv: (i) => instanceAddresses(i).join(' '),
      cell: (i) => {
        const all = instanceAddresses(i)
        if (all.length === 0) return <span className="text-muted-foreground">—</span>
        return (
          // One text node, not CellList's element per item: this column renders on every row of a
          // list of thousands, and per-item elements doubled the slowest filter keystroke at 5,000
          // (bench/run.ts, 35 -> 100 ms). The table's cut-short rule gives the ellipsis and title.
          <span className="font-mono text-xs">{all.join(', ')}</span>
        )
      },
    },
    {
      id: 'role',
      header: 'Replication',
      className: 'w-[12%]',
      defaultHidden: true,
      sortValue: (i) => sortKey(i, 'role', flavor),
      csv: (i) => replicationRole(i),
      cell: (i) => {
        const role = replicationRole(i)
        return role === 'standalone' ? (
          <span className="text-muted-foreground">{ROLE_LABELS[role]}</span>
        ) : (
          ROLE_LABELS[role]
        )
      },
    },
    {
      id: 'volume',
      header: 'Volume',
      className: 'w-[10%]',
      defaultHidden: true,
      sortValue: (i) => sortKey(i, 'volume', flavor),
      cell: (i) =>
        i.volume ? (
          <>
            {formatGb(i.volume.size)}
            {i.volume.used !== undefined ? (
              <span className="text-muted-foreground"> ({formatGb(i.volume.used)} used)</span>
            ) : null}
          </>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: 'used',
      header: 'Volume used',
      className: 'w-[10%]',
      defaultHidden: true,
      sortValue: (i) => sortKey(i, 'used', flavor),
      cell: (i) => {
        const pct = volumeUsedPercent(i)
        return pct === undefined ? (
          <span className="text-muted-foreground" title="Read when the instance is opened">
            —
          </span>
        ) : (
          `${pct} %`
        )
      },
    },
    {
      id: 'region',
      header: 'Region',
      className: 'w-[11%]',
      defaultHidden: true,
      sortValue: (i) => sortKey(i, 'region', flavor),
      cell: (i) => i.region ?? '—',
    },
    {
      id: 'created',
      header: 'Created',
      // Fixed, not a share: "about 23 hours ago" and the sort icon fit at every width.
      className: 'w-40 whitespace-nowrap',
      sortValue: (i) => sortKey(i, 'created', flavor),
      csv: (i) => (i.created ? toIsoString(i.created) : undefined),
      cell: (i) => (i.created ? <CreatedAgo created={i.created} /> : '—'),
    },
  ]
}
