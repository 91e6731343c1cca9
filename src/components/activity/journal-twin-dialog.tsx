import type { JournalEntry } from '@/api/journal/schemas'
import { journalTwinRequest, summaryShortened } from '@/api/journal/twin'
import { CliTwin } from '@/components/cli-twin'
import { Button } from '@/components/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog'
import { formatDateTime } from '@/lib/format'
import { journalEntryLabel } from './journal-columns'

/**
 * What a journal entry did, as a command: the CLI twin of the recorded request (the same one the
 * dialog that sent it showed). Secrets were never recorded: they show as placeholders.
 */
export function JournalTwinDialog({
  entry,
  onClose,
}: {
  entry: JournalEntry | null
  onClose: () => void
}) {
  const request = entry ? journalTwinRequest(entry) : null
  return (
    <Dialog open={entry !== null} onOpenChange={(o) => (o ? undefined : onClose())}>
      <DialogContent className="sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Do this again from the command line</DialogTitle>
          <DialogDescription>
            {entry
              ? `${journalEntryLabel(entry)}, ${formatDateTime(entry.at)}${entry.userName ? ` by ${entry.userName}` : ''}.`
              : null}
          </DialogDescription>
        </DialogHeader>
        {request ? (
          <>
            <CliTwin request={request} open />
            <p className="text-muted-foreground text-xs" data-testid="journal-twin-note">
              Secrets are never recorded: replace each &lt;password&gt; before running.
              {entry && summaryShortened(entry.summary)
                ? ' The journal kept a shortened body (long values cut): complete it first.'
                : ''}
            </p>
          </>
        ) : (
          <p className="text-sm">
            This entry is a status change the cloud made: no request to repeat.
          </p>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Close
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
