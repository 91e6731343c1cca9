import type { Context, Hono } from 'hono'
import type {
  allProjectsSchema,
  identityUserSchema,
  projectSchema,
  identityUserListSchema,
} from '../../src/api/identity/schemas'
import type { Db } from '../store/db'
import {
  allProjects,
  allUsers,
  projectById,
  userById,
  type ProjectRow,
  type UserRow,
} from '../store/identity-queries'
import { requestOrigin } from '../http-util'
import type { ResponseBody } from '../respond'
import type { AuthContext } from './tokens'
import { forbidden, notFound } from './errors'

/**
 * Keystone's project and user directory, as real Keystone (22, legacy policy) serves it: an admin
 * lists every project (`GET /v3/projects`) and every user (`GET /v3/users`); anyone else is refused
 * with 403 and Keystone's policy message. A member may read their own project and their own user.
 * The console resolves the ids it shows (instances, backups, quotas, the journal) to names here.
 */

export interface DirectoryDeps {
  db: Db
  requireToken: (c: Context) => AuthContext
}

const refused = (action: string) =>
  forbidden(`You are not authorized to perform the requested action: identity:${action}.`)

type ProjectView = ResponseBody<typeof projectSchema>
type UserView = ResponseBody<typeof identityUserSchema>

function projectView(p: ProjectRow, origin: string): ProjectView {
  return {
    id: p.id,
    name: p.name,
    domain_id: p.domain_id,
    description: p.description,
    enabled: p.enabled === 1,
    is_domain: false,
    parent_id: p.domain_id,
    tags: [],
    options: {},
    links: { self: `${origin}/v3/projects/${p.id}` },
  }
}

function userView(u: UserRow, origin: string): UserView {
  return {
    id: u.id,
    name: u.name,
    domain_id: u.domain_id,
    enabled: u.enabled === 1,
    password_expires_at: null,
    options: {},
    links: { self: `${origin}/v3/users/${u.id}` },
  }
}

/** Keystone's list filters: `?name=`, `?domain_id=`, `?enabled=` (exact matches). */
function matchesFilters(c: Context, row: { name: string; domain_id: string; enabled: number }) {
  const name = c.req.query('name')
  const domain = c.req.query('domain_id')
  const enabled = c.req.query('enabled')
  if (name !== undefined && row.name !== name) return false
  if (domain !== undefined && row.domain_id !== domain) return false
  if (enabled !== undefined) {
    const want = !['0', 'false', 'no', 'off'].includes(enabled.toLowerCase())
    if ((row.enabled === 1) !== want) return false
  }
  return true
}

export function registerDirectoryRoutes(app: Hono, deps: DirectoryDeps): void {
  const { db, requireToken } = deps

  app.get('/projects', (c) => {
    const ctx = requireToken(c)
    if (!ctx.isAdmin) throw refused('list_projects')
    const origin = requestOrigin(c)
    const body: ResponseBody<typeof allProjectsSchema> = {
      projects: allProjects(db)
        .filter((p) => matchesFilters(c, p))
        .map((p) => projectView(p, origin)),
      links: { self: `${origin}/v3/projects`, previous: null, next: null },
    }
    return c.json(body)
  })

  app.get('/projects/:projectId', (c) => {
    const ctx = requireToken(c)
    const id = c.req.param('projectId')
    // Keystone's policy: an admin, or a token scoped to that very project.
    if (!ctx.isAdmin && ctx.project?.id !== id) throw refused('get_project')
    const p = projectById(db, id)
    if (!p) throw notFound(`Could not find project: ${id}.`)
    return c.json({ project: projectView(p, requestOrigin(c)) })
  })

  app.get('/users', (c) => {
    const ctx = requireToken(c)
    if (!ctx.isAdmin) throw refused('list_users')
    const origin = requestOrigin(c)
    const body: ResponseBody<typeof identityUserListSchema> = {
      users: allUsers(db)
        .filter((u) => matchesFilters(c, u))
        .map((u) => userView(u, origin)),
      links: { self: `${origin}/v3/users`, previous: null, next: null },
    }
    return c.json(body)
  })

  app.get('/users/:userId', (c) => {
    const ctx = requireToken(c)
    const id = c.req.param('userId')
    if (!ctx.isAdmin && ctx.user.id !== id) throw refused('get_user')
    const u = userById(db, id)
    if (!u) throw notFound(`Could not find user: ${id}.`)
    return c.json({ user: userView(u, requestOrigin(c)) })
  })
}
