import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { startHeartbeat } from './api/heartbeat'
import { createQueryClient } from './api/query-client'
import { installChunkErrorGuard } from './lib/chunk-load'
import { createAppRouter } from './router'
import './styles.css'

const queryClient = createQueryClient()
const router = createAppRouter(queryClient)
// Outages: a light /healthz heartbeat drives the banner on pages that are not polling, and a
// route chunk that cannot load shows the outage view (no browser error page) until it returns.
const heartbeat = startHeartbeat({ busy: () => queryClient.isFetching() > 0 })
installChunkErrorGuard(() => void heartbeat.probeNow())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
