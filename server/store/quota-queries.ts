import type { Db } from './db'

export const QUOTA_RESOURCES = ['instances', 'ram', 'volumes', 'backups'] as const
export type QuotaResource = (typeof QUOTA_RESOURCES)[number]

/** Defaults for every project (Trove's max_*_per_tenant flags, raised for a demo cloud). */
export const DEFAULT_QUOTAS: Record<QuotaResource, number> = {
  instances: 25,
  ram: -1,
  volumes: 500,
  backups: 50,
}

export function quotaLimits(
  db: Db,
  projectId: string,
  region: string,
): Record<QuotaResource, number> {
  const rows = db
    .prepare('SELECT resource, hard_limit FROM quotas WHERE project_id = ? AND region = ?')
    .all(projectId, region) as { resource: string; hard_limit: number }[]
  const limits = { ...DEFAULT_QUOTAS }
  for (const r of rows) {
    if ((QUOTA_RESOURCES as readonly string[]).includes(r.resource)) {
      limits[r.resource as QuotaResource] = r.hard_limit
    }
  }
  return limits
}

export function setQuota(
  db: Db,
  projectId: string,
  region: string,
  resource: QuotaResource,
  limit: number,
): void {
  db.prepare(
    `INSERT INTO quotas (project_id, region, resource, hard_limit) VALUES (?, ?, ?, ?)
     ON CONFLICT (project_id, region, resource) DO UPDATE SET hard_limit = excluded.hard_limit`,
  ).run(projectId, region, resource, limit)
}

/** What the project uses now in a region: live instances, their RAM and volume GB, backups. */
export function quotaUsage(
  db: Db,
  projectId: string,
  region: string,
): Record<QuotaResource, number> {
  const inst = db
    .prepare(
      `SELECT COUNT(*) AS n, COALESCE(SUM(f.ram), 0) AS ram, COALESCE(SUM(i.volume_size), 0) AS vol
       FROM instances i LEFT JOIN flavors f ON f.id = i.flavor_id
       WHERE i.project_id = ? AND i.region = ? AND i.deleted = 0`,
    )
    .get(projectId, region) as { n: number; ram: number; vol: number }
  const backups = db
    .prepare(
      // A backup whose delete was accepted no longer counts (Trove's run_with_quotas releases it
      // when the request is accepted, before its task manager removes the backup).
      `SELECT COUNT(*) AS n FROM backups WHERE project_id = ? AND region = ? AND deleted = 0
       AND delete_due_at IS NULL`,
    )
    .get(projectId, region) as { n: number }
  return { instances: inst.n, ram: inst.ram, volumes: inst.vol, backups: backups.n }
}

/** The resources a change would push over their limits, in Trove's order. */
export function quotaOvers(
  db: Db,
  projectId: string,
  region: string,
  deltas: Partial<Record<QuotaResource, number>>,
): QuotaResource[] {
  const limits = quotaLimits(db, projectId, region)
  const usage = quotaUsage(db, projectId, region)
  const overs: QuotaResource[] = []
  for (const r of QUOTA_RESOURCES) {
    const d = deltas[r]
    if (d === undefined || d <= 0) continue
    const limit = limits[r]
    if (limit >= 0 && usage[r] + d > limit) overs.push(r)
  }
  return overs
}
