import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'
import type { negotiateEncoding } from '../static'

type Encoding = ReturnType<typeof negotiateEncoding>

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * Compression of a snapshot: fast settings (brotli quality 3, gzip level 3), since a snapshot is
 * compressed again after every change of its project. At 20,000 instances (10 MB of JSON) brotli
 * 3 takes about a fifth of quality 4's time for a body 5 % larger (bench/RESULTS.md, issue 14 §5).
 */
export const SNAPSHOT_BROTLI_QUALITY = 3
export const SNAPSHOT_GZIP_LEVEL = 3

async function encode(bytes: Buffer, coding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  if (coding === 'identity') return new Uint8Array(bytes)
  const out = await (coding === 'br'
    ? brotli(bytes, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: SNAPSHOT_BROTLI_QUALITY,
          [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      })
    : gzipAsync(bytes, { level: SNAPSHOT_GZIP_LEVEL }))
  // An ArrayBuffer-backed copy of the (small) compressed bytes, as Response wants.
  return new Uint8Array(out)
}

/**
 * A snapshot's bytes in each content coding, compressed once per snapshot (off the event loop,
 * in zlib's thread pool) and served to every viewer until the snapshot changes; viewers that ask
 * while it is being compressed share that one compression.
 */
export class EncodedSnapshots {
  private current:
    { bytes: Buffer; encoded: Map<Encoding, Promise<Uint8Array<ArrayBuffer>>> } | undefined

  /**
   * `bytes` in `coding` (identity too: a copy Response can send): the same `bytes` (the same
   * Buffer as last time) are not encoded again.
   */
  get(bytes: Buffer, coding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    if (this.current?.bytes !== bytes) this.current = { bytes, encoded: new Map() }
    const cached = this.current.encoded.get(coding)
    if (cached) return cached
    const made = encode(bytes, coding)
    const entry = this.current
    entry.encoded.set(coding, made)
    // A failed compression is not kept: the next viewer tries again.
    made.catch(() => entry.encoded.delete(coding))
    return made
  }
}

const perLog = new WeakMap<object, EncodedSnapshots>()

/** The encoded snapshots of one feed log (one watcher). */
export function encodedSnapshotsOf(log: object): EncodedSnapshots {
  let e = perLog.get(log)
  if (!e) perLog.set(log, (e = new EncodedSnapshots()))
  return e
}
