import { ApiError } from '../errors'
import type { ScopeParams } from './keys'
import { fetchInstance } from './queries'

/** How long a bulk delete waits for a source's replicas to be gone before giving up. */
export const WAIT_GONE_MS = 5 * 60_000

/**
 * Resolves once the cloud answers 404 for every instance in `ids` (their deletes went through),
 * reading each every `everyMs`; rejects with a message that says what to do after `timeoutMs`.
 */
export async function waitUntilGone(
  scope: ScopeParams,
  instances: readonly { id: string; name: string }[],
  o: {
    everyMs?: number
    timeoutMs?: number
    now?: () => number
    sleep?: (ms: number) => Promise<void>
  } = {},
): Promise<void> {
  const everyMs = o.everyMs ?? 2000
  const now = o.now ?? Date.now
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  const until = now() + (o.timeoutMs ?? WAIT_GONE_MS)
  let left = [...instances]
  for (;;) {
    const still: typeof left = []
    for (const i of left) {
      try {
        const read = await fetchInstance({ ...scope, id: i.id })
        if (read.status === 'ERROR')
          throw new Error(`${i.name} could not be deleted (ERROR); its source was left as it is.`)
        still.push(i)
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err
      }
    }
    left = still
    if (left.length === 0) return
    if (now() >= until)
      throw new Error(
        `${left.map((i) => i.name).join(', ')} ${left.length === 1 ? 'is' : 'are'} still being deleted; delete the source again once ${left.length === 1 ? 'it is' : 'they are'} gone.`,
      )
    await sleep(everyMs)
  }
}
