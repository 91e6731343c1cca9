/**
 * Schema for the admin (/mgmt) area (one migration).
 * - datastore_versions gains what Trove's mgmt view shows per version: its own manager (Trove
 *   keeps `manager` on the version; the spine kept it on the datastore, copied here), image tags
 *   and packages (comma-joined, as Trove stores them), and `registered_by` ('seed' or 'mgmt':
 *   versions an admin registered through /mgmt get no seeded parameters).
 * - instances gains the compute host the fake Nova placed the server on (cold migrate moves it).
 */
export const ADMIN_SCHEMA = `
  ALTER TABLE datastore_versions ADD COLUMN manager TEXT;
  ALTER TABLE datastore_versions ADD COLUMN image_tags TEXT NOT NULL DEFAULT '';
  ALTER TABLE datastore_versions ADD COLUMN packages TEXT NOT NULL DEFAULT '';
  ALTER TABLE datastore_versions ADD COLUMN registered_by TEXT NOT NULL DEFAULT 'seed';
  UPDATE datastore_versions SET manager =
    (SELECT d.manager FROM datastores d WHERE d.id = datastore_versions.datastore_id);

  ALTER TABLE instances ADD COLUMN host TEXT;
`
