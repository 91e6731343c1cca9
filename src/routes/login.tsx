import { createFileRoute, redirect } from '@tanstack/react-router'
import * as z from 'zod/mini'
import { LoginPage } from '@/features/auth/login-page'
import { safeRedirect } from '@/features/auth/safe-redirect'

const loginSearchSchema = z.object({
  redirect: z.catch(z.optional(z.string()), undefined),
})

export const Route = createFileRoute('/login')({
  validateSearch: loginSearchSchema,
  beforeLoad: ({ search, context: { session } }) => {
    if (session && !session.expired) {
      throw redirect({ href: safeRedirect(search.redirect) ?? '/instances', replace: true })
    }
  },
  head: () => ({ meta: [{ title: 'Sign in · DBaaS Console' }] }),
  component: LoginPage,
})
