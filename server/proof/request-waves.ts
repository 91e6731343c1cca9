import type { ServerProcess } from './process'
import type { Reply } from './trove-client'

/**
 * Requests sent in waves around server kills, and what each sender knows afterwards: answered,
 * lost (sent, no answer: it may or may not have happened, at most once) or never sent.
 */

/**
 * What a client knows about one request it sent in a wave (between two kills). No outcome at
 * all means never sent: it must not exist.
 */
export type Outcome =
  | { kind: 'answered'; wave: number; at: number; reply: Reply }
  /** Sent before the kill, no answer: it may or may not have happened, but at most once. */
  | { kind: 'lost'; wave: number }

export interface BackupRequest {
  name: string
  instance: string
  parent_id?: string
}

export interface Job {
  label: string
  scope: string
  send: () => Promise<Reply>
  /** For backup creates: what was asked, to check what exists afterwards. */
  backup?: BackupRequest
  outcome?: Outcome
}

/**
 * Sends the jobs not sent yet, `width` at a time, until `stop()` says so. A job sent but not
 * answered (the server died) is `lost`; one never sent keeps no outcome.
 */
export async function sendWave(
  jobs: Job[],
  wave: number,
  width: number,
  stop: () => boolean,
): Promise<void> {
  const queue = jobs.filter((j) => !j.outcome)
  let next = 0
  const worker = async () => {
    for (;;) {
      if (stop()) return
      const job = queue[next++]
      if (!job) return
      const reply = await job.send()
      job.outcome =
        reply.status === 0
          ? { kind: 'lost', wave }
          : { kind: 'answered', wave, at: Date.now(), reply }
    }
  }
  await Promise.all(Array.from({ length: width }, worker))
}

/**
 * Sends a wave and SIGKILLs the server once `killAfter` of the wave's creates are answered.
 * Returns when the kill was sent.
 */
export async function waveWithKill(
  server: ServerProcess,
  jobs: Job[],
  wave: number,
  width: number,
  killAfter: number,
): Promise<number> {
  const before = jobs.filter((j) => isCreate(j) && answered(j)).length
  let killing: Promise<void> | undefined
  let killedAt = 0
  const kill = () => {
    killedAt = Date.now()
    killing = server.kill('SIGKILL')
  }
  await sendWave(jobs, wave, width, () => {
    const done = jobs.filter((j) => isCreate(j) && answered(j)).length - before
    if (!killing && done >= killAfter) kill()
    return killing !== undefined
  })
  if (!killing) kill()
  await killing
  return killedAt
}

export const isCreate = (j: Job) => j.label.startsWith('create ')

export const answered = (j: Job): Reply | undefined =>
  j.outcome?.kind === 'answered' ? j.outcome.reply : undefined
export const idOf = (body: unknown, key: 'instance' | 'backup'): string | undefined => {
  const wrapped = (body as Record<string, { id?: unknown } | undefined> | null)?.[key]
  return typeof wrapped?.id === 'string' ? wrapped.id : undefined
}
