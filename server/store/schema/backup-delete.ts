/**
 * Backups are deleted asynchronously, as Trove's task manager does (one migration): `DELETE`
 * answers 202 and records when the removal happens; the backup keeps listing until then.
 */
export const BACKUP_DELETE_SCHEMA = `
  ALTER TABLE backups ADD COLUMN delete_due_at INTEGER;
`
