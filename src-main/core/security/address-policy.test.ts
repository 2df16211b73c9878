import { expect, test } from 'vitest'
import { createAddressPolicy } from './address-policy'

const strict = createAddressPolicy({ allowLocalEndpoints: false })
const local = createAddressPolicy({ allowLocalEndpoints: true })

test.each([
  // address, allowed without the opt-in, allowed with it
  ['8.8.8.8', true, true],
  ['2606:4700:4700::1111', true, true],
  ['127.0.0.1', false, true],
  ['::1', false, true],
  ['::ffff:127.0.0.1', false, true],
  ['10.0.0.1', false, true],
  ['192.168.1.20', false, true],
  ['fd00::1', false, true],
  ['169.254.10.1', false, true],
  ['fe80::1', false, true],
  ['100.101.102.103', false, true],
  ['169.254.169.254', false, false],
  ['::ffff:169.254.169.254', false, false],
  ['fd00:ec2::254', false, false],
  ['100.100.100.200', false, false],
  ['0.0.0.0', false, false],
  ['::', false, false],
  ['224.0.0.251', false, false],
  ['255.255.255.255', false, false],
  ['198.18.0.1', false, false],
  ['2001:db8::1', false, false],
] as const)('%s: allowed %s, with allowLocalEndpoints %s', (address, withoutOptIn, withOptIn) => {
  expect(strict(address).allowed).toBe(withoutOptIn)
  expect(local(address).allowed).toBe(withOptIn)
})
