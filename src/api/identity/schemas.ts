import * as z from 'zod/mini'

/** Keystone v3 wire contract (the subset the console and the embedded cloud use). */

export const domainRefSchema = z.object({ id: z.string(), name: z.string() })

export const catalogEndpointSchema = z.object({
  id: z.string(),
  interface: z.enum(['public', 'internal', 'admin']),
  region: z.optional(z.nullable(z.string())),
  region_id: z.optional(z.nullable(z.string())),
  url: z.string(),
})
export type CatalogEndpoint = z.infer<typeof catalogEndpointSchema>

export const catalogEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.optional(z.string()),
  endpoints: z.array(catalogEndpointSchema),
})
export type CatalogEntry = z.infer<typeof catalogEntrySchema>

/** `GET /v3/auth/catalog`: the catalog of the token's project. */
export const authCatalogSchema = z.object({
  catalog: z.array(catalogEntrySchema),
  links: z.object({
    self: z.string(),
    previous: z.nullable(z.string()),
    next: z.nullable(z.string()),
  }),
})

export const roleRefSchema = z.object({ id: z.string(), name: z.string() })

export const tokenBodySchema = z.object({
  token: z.looseObject({
    methods: z.array(z.string()),
    user: z.looseObject({ id: z.string(), name: z.string(), domain: domainRefSchema }),
    audit_ids: z.optional(z.array(z.string())),
    expires_at: z.string(),
    issued_at: z.string(),
    project: z.optional(
      z.looseObject({ id: z.string(), name: z.string(), domain: domainRefSchema }),
    ),
    roles: z.optional(z.array(roleRefSchema)),
    catalog: z.optional(z.array(catalogEntrySchema)),
    is_domain: z.optional(z.boolean()),
  }),
})
export type TokenBody = z.infer<typeof tokenBodySchema>

const nameOrId = z.union([
  z.object({ id: z.string().check(z.minLength(1)) }),
  z.object({
    name: z.string().check(z.minLength(1)),
    domain: z.union([z.object({ id: z.string() }), z.object({ name: z.string() })]),
  }),
])

/** `POST /v3/auth/tokens` request (password, token or application_credential method). */
export const authRequestSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z
        .array(z.enum(['password', 'token', 'application_credential']))
        .check(z.minLength(1)),
      password: z.optional(
        z.object({
          user: z.union([
            z.object({ id: z.string().check(z.minLength(1)), password: z.string() }),
            z.object({
              name: z.string().check(z.minLength(1)),
              password: z.string(),
              domain: z.union([z.object({ id: z.string() }), z.object({ name: z.string() })]),
            }),
          ]),
        }),
      ),
      token: z.optional(z.object({ id: z.string().check(z.minLength(1)) })),
      application_credential: z.optional(
        z.object({ id: z.optional(z.string()), name: z.optional(z.string()), secret: z.string() }),
      ),
    }),
    scope: z.optional(
      z.union([
        z.object({ project: nameOrId }),
        z.object({
          domain: z.union([z.object({ id: z.string() }), z.object({ name: z.string() })]),
        }),
        z.literal('unscoped'),
      ]),
    ),
  }),
})
export type AuthRequest = z.infer<typeof authRequestSchema>

export const projectSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.optional(z.boolean()),
  description: z.optional(z.nullable(z.string())),
})
export type Project = z.infer<typeof projectSchema>

export const projectListSchema = z.object({ projects: z.array(projectSchema) })

/** Keystone's list links: `next` is set when the cloud pages the list (`list_limit`). */
export const keystoneListLinksSchema = z.looseObject({
  self: z.optional(z.string()),
  next: z.optional(z.nullable(z.string())),
  previous: z.optional(z.nullable(z.string())),
})

/** `GET /v3/projects` (admin): every project of the cloud. */
export const allProjectsSchema = z.object({
  projects: z.array(projectSchema),
  links: z.optional(keystoneListLinksSchema),
  /** Set by Keystone when `list_limit` cut the list short. */
  truncated: z.optional(z.boolean()),
})

/** `GET /v3/projects/{id}`. */
export const projectShowSchema = z.object({ project: projectSchema })

/** A Keystone user as `GET /v3/users` lists it (no password, ever). */
export const identityUserSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.optional(z.boolean()),
})
export type IdentityUser = z.infer<typeof identityUserSchema>

/** `GET /v3/users/{id}`. */
export const identityUserShowSchema = z.object({ user: identityUserSchema })

/** `GET /v3/users` (admin): every user of the cloud. */
export const identityUserListSchema = z.object({
  users: z.array(identityUserSchema),
  links: z.optional(keystoneListLinksSchema),
  truncated: z.optional(z.boolean()),
})

/** `GET /healthz` of the console's server: `mode: "embedded"` when the demo cloud runs. */
export const serverInfoSchema = z.looseObject({
  status: z.string(),
  mode: z.optional(z.string()),
})
export type ServerInfo = z.infer<typeof serverInfoSchema>

/** `GET /v3`: Keystone's version document. */
export const identityVersionSchema = z.object({
  version: z.looseObject({
    id: z.string(),
    status: z.string(),
    updated: z.string(),
    links: z.array(z.object({ href: z.string(), rel: z.string() })),
  }),
})

/** Keystone application credential (`/v3/users/{user_id}/application_credentials`). */
export const applicationCredentialSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.nullable(z.string())),
  project_id: z.string(),
  user_id: z.optional(z.string()),
  roles: z.optional(z.array(z.looseObject({ id: z.optional(z.string()), name: z.string() }))),
  expires_at: z.optional(z.nullable(z.string())),
  unrestricted: z.optional(z.boolean()),
  /** Only in the create answer: Keystone never shows it again. */
  secret: z.optional(z.string()),
})
export type ApplicationCredential = z.infer<typeof applicationCredentialSchema>

/** `POST /v3/users/{id}/application_credentials`: the one answer that carries the secret. */
export const applicationCredentialCreatedSchema = z.object({
  application_credential: z.extend(applicationCredentialSchema, { secret: z.string() }),
})
export const applicationCredentialShowSchema = z.object({
  application_credential: applicationCredentialSchema,
})
export const applicationCredentialListSchema = z.object({
  application_credentials: z.array(applicationCredentialSchema),
})
