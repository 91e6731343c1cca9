import type { MutationRequest } from '../cli-twin/mutation-request'

const enc = encodeURIComponent

/**
 * The DBaaS dialogs' requests as their CLI twins show them (the paths the mutations send). The
 * openstack CLI has no DBaaS commands: the twin says so and shows the curl request only.
 */
export const dbaasTwins = {
  deleteService: (name: string): MutationRequest => ({
    service: 'dbaas',
    method: 'DELETE',
    path: `/dbaas-service/${enc(name)}`,
  }),
  deleteIntegration: (id: string): MutationRequest => ({
    service: 'dbaas',
    method: 'DELETE',
    path: `/dbaas-integration/${enc(id)}`,
  }),
}
