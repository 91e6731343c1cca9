import { randomBytes, randomUUID } from 'node:crypto'
import type { Db } from '../store/db'
import { hashPasswordAtStartup } from '../identity/passwords'
import { DATASTORES, DEFAULT_DOMAIN, FLAVORS, PROJECTS, REGIONS, ROLES, USERS } from './demo-data'

const hexId = () => randomBytes(16).toString('hex')

/** Demo password hashes, computed once per process (scrypt is deliberately slow). */
const demoHashes = new Map<string, string>()
function demoHash(password: string): string {
  let h = demoHashes.get(password)
  if (!h) {
    h = hashPasswordAtStartup(password)
    demoHashes.set(password, h)
  }
  return h
}

/**
 * Fills an empty database with the demo cloud. Runs once per database (ids are generated at
 * first seed and kept); later starts leave existing rows alone.
 */
export function seedIfEmpty(db: Db): boolean {
  const done = db.prepare("SELECT value FROM meta WHERE key = 'seeded'").get()
  if (done) return false
  const hashes = new Map(USERS.map((u) => [u.name, demoHash(u.password)]))
  db.transaction(() => {
    db.prepare('INSERT INTO domains (id, name) VALUES (?, ?)').run(
      DEFAULT_DOMAIN.id,
      DEFAULT_DOMAIN.name,
    )
    REGIONS.forEach((r, i) =>
      db
        .prepare('INSERT INTO regions (id, description, position) VALUES (?, ?, ?)')
        .run(r.id, r.description, i),
    )
    const roleIds = new Map<string, string>()
    for (const name of ROLES) {
      const id = hexId()
      roleIds.set(name, id)
      db.prepare('INSERT INTO roles (id, name) VALUES (?, ?)').run(id, name)
    }
    const projectIds = new Map<string, string>()
    for (const p of PROJECTS) {
      const id = hexId()
      projectIds.set(p.name, id)
      db.prepare('INSERT INTO projects (id, name, domain_id, description) VALUES (?, ?, ?, ?)').run(
        id,
        p.name,
        DEFAULT_DOMAIN.id,
        p.description,
      )
    }
    for (const u of USERS) {
      const id = hexId()
      db.prepare('INSERT INTO users (id, name, domain_id, password_hash) VALUES (?, ?, ?, ?)').run(
        id,
        u.name,
        DEFAULT_DOMAIN.id,
        hashes.get(u.name),
      )
      for (const g of u.grants) {
        for (const role of g.roles) {
          db.prepare(
            'INSERT INTO role_assignments (user_id, project_id, role_id) VALUES (?, ?, ?)',
          ).run(id, projectIds.get(g.project), roleIds.get(role))
        }
      }
    }
    DATASTORES.forEach((ds, i) => {
      const dsId = randomUUID()
      db.prepare('INSERT INTO datastores (id, name, manager, position) VALUES (?, ?, ?, ?)').run(
        dsId,
        ds.name,
        ds.manager,
        i,
      )
      ds.versions.forEach((v, j) => {
        const vId = randomUUID()
        db.prepare(
          'INSERT INTO datastore_versions (id, datastore_id, name, version, active, image_id, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(vId, dsId, v.name, v.version, v.active ? 1 : 0, randomUUID(), j)
        if (v.isDefault)
          db.prepare('UPDATE datastores SET default_version_id = ? WHERE id = ?').run(vId, dsId)
      })
    })
    FLAVORS.forEach((f, i) =>
      db
        .prepare(
          'INSERT INTO flavors (id, name, ram, vcpus, disk, ephemeral, position) VALUES (?, ?, ?, ?, ?, 0, ?)',
        )
        .run(f.id, f.name, f.ram, f.vcpus, f.disk, i),
    )
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)").run(new Date().toISOString())
  })()
  return true
}
