import type { UseFormRegisterReturn } from 'react-hook-form'
import { describeError } from '@/api/errors'
import type { Network } from '@/api/networks/schemas'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'

/** The network a NIC attaches to: picked from the network service, else typed (saying why). */
export function NetworkField({
  hasService,
  networks,
  error,
  listError,
  registration,
  projectId,
}: {
  /** Whether the catalog offers a network service (Neutron) in this region. */
  hasService: boolean
  /** Its networks, once read. */
  networks: Network[] | undefined
  listError: unknown
  error: string | undefined
  registration: UseFormRegisterReturn<'networkId'>
  projectId: string
}) {
  if (hasService && networks) {
    return (
      <Field
        label="Network"
        description="The networks this project may attach to, from the cloud’s network service. Trove attaches one network."
        error={error}
      >
        <Select {...registration}>
          <option value="">Cloud default network</option>
          {networks.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name || n.id}
              {n.shared
                ? ' (shared)'
                : (n.project_id ?? n.tenant_id) === projectId
                  ? ' (this project)'
                  : ''}
              {' · '}
              {n.id.slice(0, 8)}
            </option>
          ))}
        </Select>
      </Field>
    )
  }
  const description = !hasService
    ? 'This cloud’s catalog has no network service to list networks from: type a network UUID, or leave empty for the default network.'
    : listError
      ? `The network service did not list networks (${describeError(listError)}): type a network UUID, or leave empty for the default network.`
      : 'Reading the networks…'
  return (
    <Field label="Network ID" description={description} error={error}>
      <Input
        autoComplete="off"
        className="font-mono"
        disabled={hasService && !listError}
        {...registration}
      />
    </Field>
  )
}
