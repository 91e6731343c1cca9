import { generateKeyPairSync, randomBytes, sign } from 'node:crypto'

/**
 * A self-signed X.509 v3 CA certificate (ECDSA P-256, SHA-256), DER-encoded by hand: node:crypto
 * parses certificates (X509Certificate) but does not make them. Only the handful of ASN.1 types a
 * certificate needs are encoded here.
 */

const tlv = (tag: number, body: Buffer): Buffer => {
  const len = body.length
  let head: Buffer
  if (len < 0x80) head = Buffer.from([tag, len])
  else {
    const bytes: number[] = []
    for (let n = len; n > 0; n >>= 8) bytes.unshift(n & 0xff)
    head = Buffer.from([tag, 0x80 | bytes.length, ...bytes])
  }
  return Buffer.concat([head, body])
}
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts))
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts))
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]))
const octets = (b: Buffer) => tlv(0x04, b)
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'))
const bitString = (b: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]))
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner)

/** A non-negative INTEGER from big-endian bytes (a leading 0 keeps it positive). */
const integer = (bytes: Buffer) => {
  let b = bytes
  while (b.length > 1 && b[0] === 0 && (b[1] ?? 0) < 0x80) b = b.subarray(1)
  if ((b[0] ?? 0) >= 0x80) b = Buffer.concat([Buffer.from([0]), b])
  return tlv(0x02, b)
}

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number)
  const [a = 0, b = 0, ...rest] = parts
  const out = [a * 40 + b]
  for (const n of rest) {
    const chunk: number[] = []
    let v = n
    chunk.unshift(v & 0x7f)
    v = Math.floor(v / 128)
    while (v > 0) {
      chunk.unshift((v & 0x7f) | 0x80)
      v = Math.floor(v / 128)
    }
    out.push(...chunk)
  }
  return tlv(0x06, Buffer.from(out))
}

/** UTCTime before 2050, GeneralizedTime after (RFC 5280 4.1.2.5). */
function time(ms: number): Buffer {
  const iso = new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)
  const year = Number(iso.slice(0, 4))
  if (year < 2050) return tlv(0x17, Buffer.from(`${iso.slice(2)}Z`, 'ascii'))
  return tlv(0x18, Buffer.from(`${iso}Z`, 'ascii'))
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
}

const name = (cn: string, org: string) =>
  seq(set(seq(oid(OID.organization), utf8(org))), set(seq(oid(OID.commonName), utf8(cn))))

const DAY = 86_400_000

function pem(der: Buffer): string {
  const b64 = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${b64.join('\n')}\n-----END CERTIFICATE-----\n`
}

/** Makes the cloud's DBaaS CA: valid from `now` for ten years. */
export function makeCaCertificate(
  now: number,
  commonName = 'dbaas-console embedded cloud CA',
): string {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  const algorithm = seq(oid(OID.ecdsaWithSha256))
  const subject = name(commonName, 'dbaas-console')
  const serial = randomBytes(16)
  serial[0] = (serial[0] ?? 0) & 0x7f
  const keyId = randomBytes(20)
  const extensions = explicit(
    3,
    seq(
      seq(oid(OID.basicConstraints), bool(true), octets(seq(bool(true)))),
      // keyCertSign (bit 5) + cRLSign (bit 6): 0x06 = 00000110, 1 unused bit.
      seq(oid(OID.keyUsage), bool(true), octets(tlv(0x03, Buffer.from([0x01, 0x06])))),
      seq(oid(OID.subjectKeyIdentifier), octets(octets(keyId))),
    ),
  )
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    subject,
    seq(time(now - DAY), time(now + 3650 * DAY)),
    subject,
    spki,
    extensions,
  )
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' })
  return pem(seq(tbs, algorithm, bitString(signature)))
}
