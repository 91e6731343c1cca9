import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, crc32, deflateRaw } from 'node:zlib'
import { negotiateEncoding } from '../static'

const brotli = promisify(brotliCompress)
const deflateRawAsync = promisify(deflateRaw)

type Encoding = ReturnType<typeof negotiateEncoding>

/**
 * A snapshot's coding: gzip whenever the client takes it (even when it prefers brotli), since a
 * gzip snapshot is compressed part by part and a change compresses one part again; brotli only
 * for a client that takes brotli and not gzip.
 */
export function snapshotEncoding(acceptEncoding: string | undefined): Encoding {
  // The header with brotli refused: gzip when it (or `*`) is acceptable.
  if (negotiateEncoding(`${acceptEncoding ?? ''}, br;q=0`) === 'gzip') return 'gzip'
  return negotiateEncoding(acceptEncoding)
}

export const SNAPSHOT_GZIP_LEVEL = 6
export const SNAPSHOT_BROTLI_QUALITY = 3

/** Raw deflate of each part, kept while the part (the same Buffer) is in the snapshot. */
const deflated = new WeakMap<Buffer, Promise<Buffer>>()

function deflatePart(part: Buffer): Promise<Buffer> {
  let made = deflated.get(part)
  if (!made) {
    // A sync flush ends the part on a byte boundary without a final block: independently
    // compressed parts concatenate into one deflate stream (as pigz does).
    made = deflateRawAsync(part, {
      level: SNAPSHOT_GZIP_LEVEL,
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
    })
    deflated.set(part, made)
    made.catch(() => deflated.delete(part))
  }
  return made
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
/** An empty final block (fixed Huffman): ends the deflate stream. */
const DEFLATE_END = Buffer.from([0x03, 0x00])

/**
 * The gzip member (RFC 1952) of the parts' concatenation, made of each part's cached raw deflate:
 * after a change only the changed parts (a block of rows, the head) are compressed again; the
 * CRC-32 runs over every part (about 10 ms for 10 MB).
 */
export async function gzipParts(parts: readonly Buffer[]): Promise<Uint8Array<ArrayBuffer>> {
  // Empty parts are left out (Node 20's crc32 answers 0 for an empty buffer zlib has seen).
  const filled = parts.filter((p) => p.length > 0)
  const bodies = await Promise.all(filled.map(deflatePart))
  let crc = 0
  let size = 0
  for (const p of filled) {
    crc = crc32(p, crc)
    size += p.length
  }
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size % 2 ** 32, 4)
  const chunks = [GZIP_HEADER, ...bodies, DEFLATE_END, trailer]
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

async function encode(
  parts: readonly Buffer[],
  coding: Encoding,
): Promise<Uint8Array<ArrayBuffer>> {
  if (coding === 'gzip') return gzipParts(parts)
  const bytes = Buffer.concat(parts)
  if (coding === 'identity') return new Uint8Array(bytes)
  const out = await brotli(bytes, {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: SNAPSHOT_BROTLI_QUALITY,
      [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })
  return new Uint8Array(out)
}

/**
 * A snapshot's body in each content coding, made once per snapshot (compression runs in zlib's
 * thread pool, off the event loop) and served to every viewer until the snapshot changes;
 * viewers that ask while it is being made share it.
 */
export class EncodedSnapshots {
  private current:
    | { parts: readonly Buffer[]; encoded: Map<Encoding, Promise<Uint8Array<ArrayBuffer>>> }
    | undefined

  /** The body of `parts` (the same array as last time: not made again) in `coding`. */
  get(parts: readonly Buffer[], coding: Encoding): Promise<Uint8Array<ArrayBuffer>> {
    if (this.current?.parts !== parts) this.current = { parts, encoded: new Map() }
    const cached = this.current.encoded.get(coding)
    if (cached) return cached
    const made = encode(parts, coding)
    const entry = this.current
    entry.encoded.set(coding, made)
    // A failure is not kept: the next viewer tries again.
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
