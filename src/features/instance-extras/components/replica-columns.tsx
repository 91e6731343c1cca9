import { Link } from '@tanstack/react-router'
import type { DataTableColumn } from '@/components/data-table/columns'
import { InstanceStatusBadges } from '@/components/status/instance-status-badge'
import { replicaHaystack, replicaSortValue } from '../lib/replica-list'
import type { Member } from '../lib/topology'

/** A replication set member's name: a link to its replication tab, or "(this instance)". */
export function MemberName({ member, current }: { member: Member; current: boolean }) {
  return current ? (
    <span className="font-medium">
      {member.name} <span className="text-muted-foreground">(this instance)</span>
    </span>
  ) : (
    <Link
      to="/instances/$instanceId/replication"
      params={{ instanceId: member.id }}
      className="font-medium text-link underline-offset-4 hover:underline"
    >
      {member.name}
    </Link>
  )
}

/** The replicas table's columns: name (linked, the viewed one marked) and both statuses. */
export function replicaColumns(currentId: string): DataTableColumn<Member>[] {
  return [
    {
      id: 'name',
      header: 'Replica',
      hideable: false,
      className: 'w-[55%]',
      sortValue: (m) => replicaSortValue(m, 'name'),
      filterText: replicaHaystack,
      cell: (m) => <MemberName member={m} current={m.id === currentId} />,
    },
    {
      id: 'status',
      header: 'Status',
      sortValue: (m) => replicaSortValue(m, 'status'),
      cell: (m) => <InstanceStatusBadges status={m.status} operatingStatus={m.operating} />,
    },
  ]
}
