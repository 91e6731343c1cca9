import { useEffect } from 'react'
import { useRouterState } from '@tanstack/react-router'

interface TitledMatch {
  status: string
  meta?: ReadonlyArray<{ title?: string } | undefined>
}

/**
 * The title a route's `head` gives, the deepest one winning, among the matches shown: those
 * that have loaded and the first that has not (its pending or error page), as the router's own
 * head tags choose it.
 */
export function routeTitle(matches: readonly TitledMatch[]): string | undefined {
  let title: string | undefined
  for (const match of matches) {
    for (const meta of match.meta ?? []) if (meta?.title) title = meta.title
    if (match.status !== 'success') break
  }
  return title
}

/**
 * Puts the route's title on the document (the one `<title>` index.html has). It renders no
 * element: a `<title>` in the tree is moved into `<head>` by React 19 only, and one that stands
 * beside the page becomes a DOM sibling of every page change (preact/compat: the sign-in crash
 * of bench/RESULTS.md, a `<title>` inserted before a page that Suspense had set aside).
 */
export function DocumentTitle() {
  const title = useRouterState({ select: (state) => routeTitle(state.matches) })
  useEffect(() => {
    if (title) document.title = title
  }, [title])
  return null
}
