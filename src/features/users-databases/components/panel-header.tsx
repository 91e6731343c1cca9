import type { ReactNode } from 'react'

/** The heading row of a users/databases panel: title, one-line description, its buttons. */
export function PanelHeader({
  id,
  title,
  description,
  children,
}: {
  /** The heading's id (the section and its table are labelled by it). */
  id: string
  title: string
  description: ReactNode
  children?: ReactNode
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {children ? <div className="flex flex-wrap gap-2">{children}</div> : null}
    </div>
  )
}
