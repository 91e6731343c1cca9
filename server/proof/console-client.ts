import type { Instance } from '../../src/api/instances/schemas'
import type { Backup } from '../../src/api/backups/schemas'
import type { Reply, TroveClient } from './trove-client'
import { seededRandom } from '../dbaas/prng'

/**
 * A browser-like client of the console: it polls the instance list every ~2 s, as the console
 * does, and acts at seeded random times, only in ways that are valid for the state it last saw.
 * It keeps its own record of what it did, to compare with the cloud at the end. Its requests
 * go one at a time, so a poll always sees the effect of its own earlier actions; other clients'
 * requests interleave freely with its own.
 */

/** Resources shared by the clients of one project and region. */
export interface SharedTargets {
  instanceId: string
  configurationId: string
}

export interface OwnInstance {
  id: string
  name: string
  volume: number
  flavor: string
  configurationId: string | null
  failing: boolean
  deleted: boolean
  /** The status the last poll showed. */
  seen: string
  /** An action of ours started after the last poll: wait for the next one before acting. */
  busy: boolean
}

export interface OwnBackup {
  id: string
  name: string
  instanceId: string
  deleted: boolean
  seen: string
  busy: boolean
}

/** An answer the client did not expect for the state it knew. */
export interface Surprise {
  client: string
  what: string
  status: number
  body: unknown
}

const FINAL = new Set(['ACTIVE', 'ERROR'])
const MAX_LIVE_INSTANCES = 2
const MAX_LIVE_BACKUPS = 3
const POLL_MS = 2000

export interface ParameterRange {
  name: string
  min: number
  max: number
}

export class ConsoleClient {
  readonly instances = new Map<string, OwnInstance>()
  readonly backups = new Map<string, OwnBackup>()
  /** Databases and users this client added to the shared instance. */
  readonly sharedDatabases: string[] = []
  readonly sharedUsers: { name: string; databases: string[] }[] = []
  /** The last value this client wrote to its key of the shared configuration group. */
  sharedValue: number | undefined
  ownConfiguration: { id: string; values: Record<string, number> } | undefined
  readonly surprises: Surprise[] = []
  readonly actions: Record<string, number> = {}
  private readonly random: () => number
  private counter = 0

  constructor(
    readonly name: string,
    readonly trove: TroveClient,
    readonly shared: SharedTargets,
    /** This client's own configuration key (distinct from the other clients' keys). */
    readonly key: ParameterRange,
    seed: number,
    private readonly extraPoll?: string,
  ) {
    this.random = seededRandom(seed)
  }

  /** Names of this client's instances and backups start with this. */
  get prefix(): string {
    return `${this.name}-`
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items[Math.floor(this.random() * items.length)]
  }

  private valueFor(range: ParameterRange): number {
    return range.min + Math.floor(this.random() * Math.min(1000, range.max - range.min))
  }

  /** Sends a request and records it as a surprise unless its status is the expected one. */
  private async checked(what: string, expected: number, p: Promise<Reply>): Promise<Reply | null> {
    const reply = await p
    this.actions[what.split(' ')[0]!] = (this.actions[what.split(' ')[0]!] ?? 0) + 1
    if (reply.status === expected) return reply
    this.surprises.push({
      client: this.name,
      what,
      status: reply.status,
      body: reply.error ?? reply.body,
    })
    return null
  }

  /** Polls and acts until `deadline` (ms since epoch). */
  async run(deadline: number): Promise<void> {
    let nextPoll = Date.now()
    let nextAction = Date.now() + 300 + this.random() * 1500
    while (Date.now() < deadline) {
      const now = Date.now()
      if (now >= nextPoll) {
        await this.poll()
        nextPoll = Date.now() + POLL_MS
      } else if (now >= nextAction) {
        await this.act()
        nextAction = Date.now() + 800 + this.random() * 2200
      } else {
        await new Promise((r) => setTimeout(r, Math.min(nextPoll, nextAction, deadline) - now))
      }
    }
  }

  /** One console refresh: the instance list (and backups while any of ours moves). */
  async poll(): Promise<void> {
    const reply = await this.checked(
      'poll instances',
      200,
      this.trove.call('GET', '/instances/detail?limit=1000'),
    )
    if (reply) {
      const rows = (reply.body as { instances: Instance[] }).instances
      for (const own of this.instances.values()) {
        const row = rows.find((r) => r.id === own.id)
        if (own.deleted) continue
        own.seen = row?.status ?? 'MISSING'
        own.busy = false
      }
    }
    if (this.extraPoll)
      await this.checked('poll extra', 200, this.trove.call('GET', this.extraPoll))
    const watching = [...this.backups.values()].some((b) => !b.deleted)
    if (!watching) return
    const b = await this.checked('poll backups', 200, this.trove.call('GET', '/backups?limit=1000'))
    if (!b) return
    const rows = (b.body as { backups: Backup[] }).backups
    for (const own of this.backups.values()) {
      if (own.deleted) continue
      own.seen = rows.find((r) => r.id === own.id)?.status ?? 'MISSING'
      own.busy = false
    }
  }

  /** Idle instances of ours: settled as last seen, and no action of ours since. */
  private idle(status = 'ACTIVE'): OwnInstance[] {
    return [...this.instances.values()].filter((i) => !i.deleted && !i.busy && i.seen === status)
  }

  /** One action among those the last poll allows. */
  async act(): Promise<void> {
    const live = [...this.instances.values()].filter((i) => !i.deleted)
    const active = this.idle()
    const choices: (() => Promise<void>)[] = [
      () => this.addSharedDatabase(),
      () => this.setSharedValue(),
    ]
    if (this.sharedDatabases.length > 0) choices.push(() => this.addSharedUser())
    if (live.length < MAX_LIVE_INSTANCES) choices.push(() => this.createInstance())
    if (active.length > 0) {
      choices.push(
        () => this.rename(this.pick(active)!),
        () => this.resizeVolume(this.pick(active)!),
        () => this.resizeFlavor(this.pick(active)!),
        () => this.restart(this.pick(active)!),
        () => this.deleteInstance(this.pick(active)!),
      )
      const liveBackups = [...this.backups.values()].filter((b) => !b.deleted)
      if (liveBackups.length < MAX_LIVE_BACKUPS) choices.push(() => this.backup(this.pick(active)!))
      const bare = active.filter((i) => !i.configurationId)
      if (this.ownConfiguration && bare.length > 0)
        choices.push(() => this.attach(this.pick(bare)!))
    }
    const failed = this.idle('ERROR')
    if (failed.length > 0) choices.push(() => this.deleteInstance(this.pick(failed)!))
    const done = [...this.backups.values()].filter(
      (b) => !b.deleted && !b.busy && (b.seen === 'COMPLETED' || b.seen === 'FAILED'),
    )
    if (done.length > 0) choices.push(() => this.deleteBackup(this.pick(done)!))
    choices.push(() =>
      this.ownConfiguration ? this.updateOwnConfiguration() : this.createOwnConfiguration(),
    )
    await this.pick(choices)!()
  }

  private nextName(kind: string): string {
    this.counter += 1
    return `${this.name}-${kind}${this.counter}`
  }

  async createInstance(): Promise<void> {
    const failing = this.random() < 0.1
    const name = `${this.nextName('i')}${failing ? '-GUEST_ERROR' : ''}`
    const reply = await this.checked(
      `create ${name}`,
      200,
      this.trove.call('POST', '/instances', {
        instance: {
          name,
          flavorRef: '2',
          volume: { size: 1 },
          datastore: { type: 'mysql', version: '5.7' },
        },
      }),
    )
    const id = (reply?.body as { instance?: { id?: string } } | undefined)?.instance?.id
    if (!id) return
    this.instances.set(id, {
      id,
      name,
      volume: 1,
      flavor: '2',
      configurationId: null,
      failing,
      deleted: false,
      seen: 'BUILD',
      busy: true,
    })
  }

  async rename(i: OwnInstance): Promise<void> {
    const name = `${i.name.replace(/-r\d+$/, '')}-r${++this.counter}`
    const ok = await this.checked(
      `rename ${i.name}`,
      202,
      this.trove.call('PATCH', `/instances/${i.id}`, { instance: { name } }),
    )
    if (ok) i.name = name
  }

  async resizeVolume(i: OwnInstance): Promise<void> {
    const size = i.volume + 1
    const ok = await this.checked(
      `resize-volume ${i.name}`,
      202,
      this.trove.call('POST', `/instances/${i.id}/action`, { resize: { volume: { size } } }),
    )
    if (!ok) return
    i.volume = size
    i.busy = true
  }

  async resizeFlavor(i: OwnInstance): Promise<void> {
    const flavor = i.flavor === '2' ? '3' : '2'
    const ok = await this.checked(
      `resize-flavor ${i.name}`,
      202,
      this.trove.call('POST', `/instances/${i.id}/action`, { resize: { flavorRef: flavor } }),
    )
    if (!ok) return
    i.flavor = flavor
    i.busy = true
  }

  async restart(i: OwnInstance): Promise<void> {
    const ok = await this.checked(
      `restart ${i.name}`,
      202,
      this.trove.call('POST', `/instances/${i.id}/action`, { restart: {} }),
    )
    if (ok) i.busy = true
  }

  async deleteInstance(i: OwnInstance): Promise<void> {
    const ok = await this.checked(
      `delete ${i.name}`,
      202,
      this.trove.call('DELETE', `/instances/${i.id}`),
    )
    if (ok) i.deleted = true
  }

  async backup(i: OwnInstance): Promise<void> {
    const name = this.nextName('b')
    const reply = await this.checked(
      `backup ${name} of ${i.name}`,
      202,
      this.trove.call('POST', '/backups', { backup: { name, instance: i.id } }),
    )
    const id = (reply?.body as { backup?: { id?: string } } | undefined)?.backup?.id
    if (!id) return
    i.busy = true
    this.backups.set(id, { id, name, instanceId: i.id, deleted: false, seen: 'NEW', busy: true })
  }

  async deleteBackup(b: OwnBackup): Promise<void> {
    const ok = await this.checked(
      `delete-backup ${b.name}`,
      202,
      this.trove.call('DELETE', `/backups/${b.id}`),
    )
    if (ok) b.deleted = true
  }

  async addSharedDatabase(): Promise<void> {
    const name = this.nextName('d').replace(/-/g, '_')
    const ok = await this.checked(
      `database ${name}`,
      202,
      this.trove.call('POST', `/instances/${this.shared.instanceId}/databases`, {
        databases: [{ name }],
      }),
    )
    if (ok) this.sharedDatabases.push(name)
  }

  async addSharedUser(): Promise<void> {
    const name = this.nextName('u').replace(/-/g, '_')
    const databases = [this.pick(this.sharedDatabases)!]
    const ok = await this.checked(
      `user ${name}`,
      202,
      this.trove.call('POST', `/instances/${this.shared.instanceId}/users`, {
        users: [{ name, password: `pw-${name}`, databases: databases.map((d) => ({ name: d })) }],
      }),
    )
    if (ok) this.sharedUsers.push({ name, databases })
  }

  async setSharedValue(): Promise<void> {
    const value = this.valueFor(this.key)
    const ok = await this.checked(
      `shared-config ${this.key.name}=${value}`,
      200,
      this.trove.call('PATCH', `/configurations/${this.shared.configurationId}`, {
        configuration: { values: { [this.key.name]: value } },
      }),
    )
    if (ok) this.sharedValue = value
  }

  async createOwnConfiguration(): Promise<void> {
    const values = { [this.key.name]: this.valueFor(this.key) }
    const reply = await this.checked(
      'create-config',
      200,
      this.trove.call('POST', '/configurations', {
        configuration: {
          name: `${this.name}-conf`,
          values,
          datastore: { type: 'mysql', version: '5.7' },
        },
      }),
    )
    const id = (reply?.body as { configuration?: { id?: string } } | undefined)?.configuration?.id
    if (id) this.ownConfiguration = { id, values }
  }

  async updateOwnConfiguration(): Promise<void> {
    const conf = this.ownConfiguration!
    const value = this.valueFor(this.key)
    const ok = await this.checked(
      `update-config ${value}`,
      200,
      this.trove.call('PATCH', `/configurations/${conf.id}`, {
        configuration: { values: { [this.key.name]: value } },
      }),
    )
    if (ok) conf.values[this.key.name] = value
  }

  async attach(i: OwnInstance): Promise<void> {
    const conf = this.ownConfiguration!
    const ok = await this.checked(
      `attach ${i.name}`,
      202,
      this.trove.call('PUT', `/instances/${i.id}`, { instance: { configuration: conf.id } }),
    )
    if (ok) i.configurationId = conf.id
  }

  /** True when none of our instances or backups is moving (as of the last poll). */
  settled(): boolean {
    const moving = [...this.instances.values()].some(
      (i) => !i.deleted && (i.busy || !FINAL.has(i.seen)),
    )
    const backups = [...this.backups.values()].some(
      (b) => !b.deleted && (b.busy || (b.seen !== 'COMPLETED' && b.seen !== 'FAILED')),
    )
    return !moving && !backups
  }
}
