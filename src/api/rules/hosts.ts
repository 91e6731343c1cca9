import * as z from 'zod/mini'
import { isIpv4 } from './cidrs'
import type { DatastoreFamily } from './datastore-family'
import { OK, refineWith, refuse, type Verdict } from './verdict'

/**
 * A database user's host, as Trove checks it:
 * - every datastore: apischema `host_string` `^[%]?[\w(-).]*[%]?$` (word characters, dots and
 *   parentheses, with an optional `%` at either end; no `-`, `/` or `:`);
 * - MySQL family (`MySQLUser._is_valid_host_name`, hostname_require_valid_ip = True): `%`, or an
 *   IPv4 address in which `%` may stand for a part at either end (`192.168.1.%`): netaddr with
 *   each `%` read as `1`. Host names are refused.
 * - PostgreSQL: any host_string (a host name such as `db.example.com` too).
 * A form's empty host field means `%` (the form then sends `%` or leaves `host` out); an empty
 * `host` on the wire is checked as it is (refused by the MySQL rule).
 */
export const HOST_STRING_RE = /^[%]?[\w(-).]*[%]?$/

export function isValidMysqlHost(host: string): boolean {
  if (host === '%') return true
  if (!HOST_STRING_RE.test(host)) return false
  return isIpv4(host.replace(/%/g, '1'))
}

export function hostVerdict(host: string, family: DatastoreFamily): Verdict {
  if (host === '%') return OK
  if (family === 'mysql') {
    return isValidMysqlHost(host)
      ? OK
      : refuse('invalid', 'Use % for any host, or an IPv4 address such as 10.0.0.5 or 192.168.1.%.')
  }
  return HOST_STRING_RE.test(host)
    ? OK
    : refuse('invalid', 'Use %, an address such as 10.0.0.%, or a host name (no - / or :).')
}

/** A form field for a user's host: `hostField('mysql')`. */
export function hostField(family: DatastoreFamily) {
  return z
    .string()
    .check(z.superRefine(refineWith((host: string) => hostVerdict(host || '%', family))))
}
