import type { TestCloud } from '../testing'

/** A logged-in project: its token, project and user ids. */
export interface Who {
  token: string
  projectId: string
  userId: string
}

/** The resources of one project in one region, real ids from real requests. */
export interface World {
  region: string
  /** ACTIVE mysql instance (also the DBaaS service `names.mysql`), with a database and a user. */
  instanceId: string
  /** ACTIVE postgresql and mariadb instances (DBaaS services of those types). */
  pgInstanceId: string
  mariaInstanceId: string
  names: { mysql: string; pg: string; maria: string }
  database: string
  user: string
  backupId: string
  configurationId: string
  /** A configuration group attached to nothing (deletable). */
  spareConfigurationId: string
  integrationId: string
  externalIntegrationId: string
  externalEndpointId: string
  externalEndpointType: string
  migrationTaskId: string
  operationId: string
  appCredId: string
  /** The published guest log of the mysql instance. */
  logName: string
  /** Every id and name above: none may appear in an answer to another project. */
  secrets: string[]
}

export async function session(t: TestCloud, user: string, pw: string, project: string) {
  const s = await t.login(user, pw, project)
  return { token: s.token, projectId: s.projectId, userId: s.body.token.user.id as string }
}

/** The default mysql version of the catalog: its id and name. */
export async function defaultMysqlVersion(t: TestCloud, who: Who) {
  const ds = await t.json('GET', `${t.troveBase(who.projectId)}/datastores/mysql`, {
    token: who.token,
  })
  const v = ds.body.datastore.versions.find(
    (x: { id: string }) => x.id === ds.body.datastore.default_version,
  ) as { id: string; name: string }
  return { versionId: v.id, versionName: v.name }
}

function must(what: string, res: { status: number; body: unknown }, ok: number[]) {
  if (!ok.includes(res.status))
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`)
}

/**
 * Creates one resource of every kind for `who` in `region` (names carry `tag`, so each project's
 * names are its own) and runs the clock until they settled.
 */
export async function buildWorld(
  t: TestCloud,
  who: Who,
  region: string,
  tag: string,
): Promise<World> {
  const trove = t.troveBase(who.projectId, region)
  const dbaas = `/dbaas/${region}/v2`
  const call = (method: string, path: string, body?: unknown) =>
    t.json(method, path, { token: who.token, body })
  const names = { mysql: `${tag}-my`, pg: `${tag}-pg`, maria: `${tag}-maria` }
  const database = `${tag}_db`
  const user = `${tag}_user`.slice(0, 16)

  const cfg = await call('POST', `${trove}/configurations`, {
    configuration: {
      name: `${tag}-cfg`,
      values: { max_connections: 120 },
      datastore: { type: 'mysql' },
    },
  })
  must('configuration', cfg, [200])
  const configurationId = cfg.body.configuration.id as string
  const spare = await call('POST', `${trove}/configurations`, {
    configuration: { name: `${tag}-spare`, values: { connect_timeout: 20 } },
  })
  must('spare configuration', spare, [200])
  const spareConfigurationId = spare.body.configuration.id as string

  const launch = async (name: string, type: string, extra: Record<string, unknown> = {}) => {
    const res = await call('POST', `${trove}/instances`, {
      instance: { name, flavorRef: '2', volume: { size: 2 }, datastore: { type }, ...extra },
    })
    must(`instance ${name}`, res, [200])
    return res.body.instance.id as string
  }
  const instanceId = await launch(names.mysql, 'mysql', {
    databases: [{ name: database }],
    users: [{ name: user, password: 'Fuzz-pass-1', databases: [{ name: database }] }],
    configuration: configurationId,
  })
  const pgInstanceId = await launch(names.pg, 'postgresql')
  const mariaInstanceId = await launch(names.maria, 'mariadb')
  t.advance(30)

  const bk = await call('POST', `${trove}/backups`, {
    backup: { name: `${tag}-bk`, instance: instanceId },
  })
  must('backup', bk, [202])
  const backupId = bk.body.backup.id as string
  t.advance(60)

  must(
    'strategy',
    await call('POST', `${trove}/backup_strategies`, {
      backup_strategy: { swift_container: `${tag}_bk`, instance_id: instanceId },
    }),
    [202],
  )
  must('root', await call('POST', `${trove}/instances/${instanceId}/root`), [200])
  const logName = 'general'
  must(
    'log',
    await call('POST', `${trove}/instances/${instanceId}/log`, { name: logName, publish: 1 }),
    [200],
  )

  const integ = await call('POST', `${dbaas}/dbaas-integration`, {
    'integration-type': 'metrics',
    'source-service': names.mysql,
    'dest-service': names.pg,
    settings: { database: 'metrics' },
  })
  must('integration', integ, [200])
  const integrationId = integ.body.reference.id as string
  const endpoints = await call('GET', `${dbaas}/dbaas-external-endpoints`)
  must('endpoints', endpoints, [200])
  const externalEndpointId = endpoints.body['dbaas-endpoints'][0].id as string
  const externalEndpointType = endpoints.body['dbaas-endpoints'][0].type as string
  const attach = await call('PUT', `${dbaas}/dbaas-external-endpoint/${names.mysql}/attach`, {
    'dest-endpoint-id': externalEndpointId,
    type: externalEndpointType,
  })
  must('attach', attach, [200])
  const ext = await call('GET', `${dbaas}/dbaas-external-integrations/${names.mysql}`)
  must('external integrations', ext, [200])
  const externalIntegrationId = ext.body['external-integrations'][0]['integration-id'] as string
  const mig = await call('POST', `${dbaas}/dbaas-task-migration-check/${names.mysql}`, {
    'source-service-uri': 'mysql://admin:s3cret@legacy.example.com:3306/shop',
  })
  must('migration check', mig, [200])
  const migrationTaskId = mig.body.reference.id as string
  const op = await call('PUT', `${dbaas}/dbaas-mysql/${names.mysql}`, {
    'termination-protection': false,
  })
  must('service update', op, [200])
  const operationId = op.body.id as string
  t.advance(30)

  const cred = await call('POST', `/v3/users/${who.userId}/application_credentials`, {
    application_credential: { name: `${tag}-cred-${region}` },
  })
  must('application credential', cred, [201])
  const appCredId = cred.body.application_credential.id as string

  const w = {
    region,
    instanceId,
    pgInstanceId,
    mariaInstanceId,
    names,
    database,
    user,
    backupId,
    configurationId,
    spareConfigurationId,
    integrationId,
    externalIntegrationId,
    externalEndpointId,
    externalEndpointType,
    migrationTaskId,
    operationId,
    appCredId,
    logName,
  }
  const secrets = [
    instanceId,
    pgInstanceId,
    mariaInstanceId,
    ...Object.values(names),
    database,
    user,
    backupId,
    configurationId,
    spareConfigurationId,
    integrationId,
    externalIntegrationId,
    migrationTaskId,
    operationId,
    appCredId,
    `${tag}-cfg`,
    `${tag}-spare`,
    `${tag}-bk`,
    `${tag}_bk`,
    `${tag}-cred-${region}`,
  ]
  return { ...w, secrets }
}
