import type { MutationRequest } from '../cli-twin/mutation-request'
import type { CopyBackupRequest, CreateBackupRequest } from './schemas'

/** The requests of the backup mutations, pure: sent by `mutations.ts`, shown as the CLI twin. */
export const backupRequests = {
  create: (body: CreateBackupRequest): MutationRequest => ({
    service: 'database',
    method: 'POST',
    path: '/backups',
    body,
  }),
  delete: (id: string): MutationRequest => ({
    service: 'database',
    method: 'DELETE',
    path: `/backups/${encodeURIComponent(id)}`,
  }),
  copy: (id: string, body: CopyBackupRequest): MutationRequest => ({
    service: 'database',
    method: 'POST',
    path: `/backups/${encodeURIComponent(id)}/action`,
    body,
  }),
}
