import { describe, expect, it } from 'vitest'
import { isCidr } from './cidrs'

describe('isCidr (console forms and the embedded cloud)', () => {
  it.each([
    '10.0.0.0/8',
    '0.0.0.0/0',
    '192.0.2.7/32',
    '192.0.2.7',
    '2001:db8::/32',
    '::/0',
    '::1',
    'fe80::1/64',
    '::ffff:192.0.2.1/128',
    '2001:0db8:0000:0000:0000:0000:0000:0001/128',
  ])('accepts %s', (c) => expect(isCidr(c)).toBe(true))

  it.each([
    '',
    'not-a-cidr',
    '10.0.0.0/33',
    '2001:db8::/129',
    '010.0.0.0/8',
    '1.2.3.04/32',
    '256.0.0.0/8',
    'fe80::1%eth0/64',
    '2001:db8:::1/64',
    '1:2:3:4:5:6:7:8:9/64',
    '10.0.0.0/8/8',
    '10.0.0.0/',
    ' 10.0.0.0/8',
    '10.0.0.0/-1',
  ])('rejects %j', (c) => expect(isCidr(c)).toBe(false))
})
