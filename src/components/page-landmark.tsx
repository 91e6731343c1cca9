import { createContext, useContext, type ReactNode } from 'react'

/** True inside the signed-in shell, which already provides the <main> landmark. */
const InShellContext = createContext(false)

export function InShellProvider({ children }: { children: ReactNode }) {
  return <InShellContext.Provider value>{children}</InShellContext.Provider>
}

/**
 * Wraps full-page views (not found, route errors) in a <main> landmark when they render
 * outside the shell, and in a plain div inside it (one main per page).
 */
export function PageLandmark({ children, className }: { children: ReactNode; className?: string }) {
  const inShell = useContext(InShellContext)
  return inShell ? (
    <div className={className}>{children}</div>
  ) : (
    <main id="main" className={className}>
      {children}
    </main>
  )
}
