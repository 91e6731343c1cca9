import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { availableParallelism } from 'node:os'

const N = 16384
const R = 8
const P = 1
const KEYLEN = 32

/**
 * How many scrypt derivations run at once on libuv's thread pool (4 threads by default): one
 * core fewer than the machine has (at least 1, at most 2), so the event loop keeps a core. The
 * rest wait in line, so a request naming many users queues its own hashes behind everyone's and
 * never starves the pool that file and DNS work share.
 */
export const HASH_CONCURRENCY = Math.max(1, Math.min(2, availableParallelism() - 1))

let running = 0
const waiting: (() => void)[] = []

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve))
  else running++
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

function derive(password: string, salt: Buffer, keylen: number, o: ScryptOptions): Promise<Buffer> {
  return withSlot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password, salt, keylen, o, (err, key) => (err ? reject(err) : resolve(key)))
      }),
  )
}

const encode = (salt: Buffer, hash: Buffer) =>
  `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`

/** `scrypt$N$r$p$salt$hash` (base64url parts), derived off the main thread. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  return encode(salt, await derive(password, salt, KEYLEN, { N, r: R, p: P }))
}

/**
 * The same hash computed on the calling thread: only for the demo seed at start-up, before the
 * server listens (the seed runs inside a synchronous transaction).
 */
export function hashPasswordAtStartup(password: string): string {
  const salt = randomBytes(16)
  return encode(salt, scryptSync(password, salt, KEYLEN, { N, r: R, p: P }))
}

/** Hashes several passwords (in line behind other requests' hashes), in order. */
export function hashPasswords(passwords: readonly string[]): Promise<string[]> {
  return Promise.all(passwords.map((p) => hashPassword(p)))
}

/** Bounds on what a stored hash may ask for: a forged row must not make one check cost minutes. */
const MAX_N = 1 << 17

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, n, r, p, saltText, hashText] = parts as [string, string, string, string, string, string]
  const o = { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 }
  if (!(o.N > 1 && o.N <= MAX_N && o.r >= 1 && o.r <= 32 && o.p >= 1 && o.p <= 4)) return false
  const salt = Buffer.from(saltText, 'base64url')
  const expected = Buffer.from(hashText, 'base64url')
  if (expected.length === 0 || expected.length > 64) return false
  try {
    const derived = await derive(password, salt, expected.length, o)
    return derived.length === expected.length && timingSafeEqual(derived, expected)
  } catch {
    return false
  }
}

const DUMMY_SALT = randomBytes(16)

/**
 * Spends what checking a real password costs and answers false: a login naming an unknown or
 * disabled user takes as long as one with a wrong password, so timing does not tell them apart.
 */
export async function refuseInConstantTime(password: string): Promise<false> {
  await derive(password, DUMMY_SALT, KEYLEN, { N, r: R, p: P }).catch(() => undefined)
  return false
}
