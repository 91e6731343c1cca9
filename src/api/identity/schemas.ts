import { z } from 'zod'

/** Keystone v3 wire contract (the subset the console and the embedded cloud use). */

export const domainRefSchema = z.object({ id: z.string(), name: z.string() })

export const catalogEndpointSchema = z.object({
  id: z.string(),
  interface: z.enum(['public', 'internal', 'admin']),
  region: z.string().nullable().optional(),
  region_id: z.string().nullable().optional(),
  url: z.string(),
})
export type CatalogEndpoint = z.infer<typeof catalogEndpointSchema>

export const catalogEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string().optional(),
  endpoints: z.array(catalogEndpointSchema),
})
export type CatalogEntry = z.infer<typeof catalogEntrySchema>

/** `GET /v3/auth/catalog`: the catalog of the token's project. */
export const authCatalogSchema = z.object({
  catalog: z.array(catalogEntrySchema),
  links: z.object({
    self: z.string(),
    previous: z.string().nullable(),
    next: z.string().nullable(),
  }),
})

export const roleRefSchema = z.object({ id: z.string(), name: z.string() })

export const tokenBodySchema = z.object({
  token: z.looseObject({
    methods: z.array(z.string()),
    user: z.looseObject({ id: z.string(), name: z.string(), domain: domainRefSchema }),
    audit_ids: z.array(z.string()).optional(),
    expires_at: z.string(),
    issued_at: z.string(),
    project: z
      .looseObject({ id: z.string(), name: z.string(), domain: domainRefSchema })
      .optional(),
    roles: z.array(roleRefSchema).optional(),
    catalog: z.array(catalogEntrySchema).optional(),
    is_domain: z.boolean().optional(),
  }),
})
export type TokenBody = z.infer<typeof tokenBodySchema>

const nameOrId = z.union([
  z.object({ id: z.string().min(1) }),
  z.object({
    name: z.string().min(1),
    domain: z.union([z.object({ id: z.string() }), z.object({ name: z.string() })]),
  }),
])

/** `POST /v3/auth/tokens` request (password, token or application_credential method). */
export const authRequestSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.enum(['password', 'token', 'application_credential'])).min(1),
      password: z
        .object({
          user: z.union([
            z.object({ id: z.string().min(1), password: z.string() }),
            z.object({
              name: z.string().min(1),
              password: z.string(),
              domain: z.union([z.object({ id: z.string() }), z.object({ name: z.string() })]),
            }),
          ]),
        })
        .optional(),
      token: z.object({ id: z.string().min(1) }).optional(),
      application_credential: z
        .object({ id: z.string().optional(), name: z.string().optional(), secret: z.string() })
        .optional(),
    }),
    scope: z
      .union([
        z.object({ project: nameOrId }),
        z.object({
          domain: z.union([z.object({ id: z.string() }), z.object({ name: z.string() })]),
        }),
        z.literal('unscoped'),
      ])
      .optional(),
  }),
})
export type AuthRequest = z.infer<typeof authRequestSchema>

export const projectSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.boolean().optional(),
  description: z.string().nullable().optional(),
})
export type Project = z.infer<typeof projectSchema>

export const projectListSchema = z.object({ projects: z.array(projectSchema) })

/** Keystone's list links: `next` is set when the cloud pages the list (`list_limit`). */
export const keystoneListLinksSchema = z.looseObject({
  self: z.string().optional(),
  next: z.string().nullable().optional(),
  previous: z.string().nullable().optional(),
})

/** `GET /v3/projects` (admin): every project of the cloud. */
export const allProjectsSchema = z.object({
  projects: z.array(projectSchema),
  links: keystoneListLinksSchema.optional(),
  /** Set by Keystone when `list_limit` cut the list short. */
  truncated: z.boolean().optional(),
})

/** `GET /v3/projects/{id}`. */
export const projectShowSchema = z.object({ project: projectSchema })

/** A Keystone user as `GET /v3/users` lists it (no password, ever). */
export const identityUserSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  domain_id: z.string(),
  enabled: z.boolean().optional(),
})
export type IdentityUser = z.infer<typeof identityUserSchema>

/** `GET /v3/users/{id}`. */
export const identityUserShowSchema = z.object({ user: identityUserSchema })

/** `GET /v3/users` (admin): every user of the cloud. */
export const identityUserListSchema = z.object({
  users: z.array(identityUserSchema),
  links: keystoneListLinksSchema.optional(),
  truncated: z.boolean().optional(),
})

/** `GET /healthz` of the console's server: `mode: "embedded"` when the demo cloud runs. */
export const serverInfoSchema = z.looseObject({
  status: z.string(),
  mode: z.string().optional(),
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
  description: z.string().nullable().optional(),
  project_id: z.string(),
  user_id: z.string().optional(),
  roles: z.array(z.looseObject({ id: z.string().optional(), name: z.string() })).optional(),
  expires_at: z.string().nullable().optional(),
  unrestricted: z.boolean().optional(),
  /** Only in the create answer: Keystone never shows it again. */
  secret: z.string().optional(),
})
export type ApplicationCredential = z.infer<typeof applicationCredentialSchema>

/** `POST /v3/users/{id}/application_credentials`: the one answer that carries the secret. */
export const applicationCredentialCreatedSchema = z.object({
  application_credential: applicationCredentialSchema.extend({ secret: z.string() }),
})
export const applicationCredentialShowSchema = z.object({
  application_credential: applicationCredentialSchema,
})
export const applicationCredentialListSchema = z.object({
  application_credentials: z.array(applicationCredentialSchema),
})
