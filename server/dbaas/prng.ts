/** Deterministic pseudo-random numbers: the same seed and inputs always give the same value. */

/** 32-bit FNV-1a of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Mixes a seed with an integer (e.g. a bucket time) into [0, 1). */
export function hash01(seed: number, n: number): number {
  let x = (seed ^ Math.imul(Math.floor(n) | 0, 0x9e3779b1) ^ Math.floor(n / 0x100000000)) >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b)
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35)
  x ^= x >>> 16
  return (x >>> 0) / 0x100000000
}

/** Smooth noise in [0, 1): values at knots `spacing` apart, cosine-interpolated between. */
export function smoothNoise(seed: number, t: number, spacing: number): number {
  const k = Math.floor(t / spacing)
  const f = (t - k * spacing) / spacing
  const a = hash01(seed, k)
  const b = hash01(seed, k + 1)
  const w = (1 - Math.cos(f * Math.PI)) / 2
  return a * (1 - w) + b * w
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
