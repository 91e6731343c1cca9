import { isUnreachable } from '@/api/connectivity'
import { describeError } from '@/api/errors'
import { Alert } from '@/components/ui/alert'

/**
 * The answer to a change that did not go through, as dialogs and panels show it: a refusal by the
 * cloud (with its message) is told apart from a cloud that could not be reached at all.
 */
export function RequestErrorAlert({ error }: { error: unknown }) {
  return (
    <Alert
      variant="error"
      title={isUnreachable(error) ? 'The cloud could not be reached' : 'The cloud refused this'}
    >
      {describeError(error)}
    </Alert>
  )
}
