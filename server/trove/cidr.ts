/** The one CIDR rule, shared with the console forms (IPv4 and IPv6, bare address = host). */
export { isCidr } from '../../src/api/common/cidr'
