import { useState, type ComponentType } from 'react'

import { AppSidebar, CompactNav } from '@/components/app-sidebar'
import { OmniLlmBrandMark } from '@/components/omnillm-logo'
import { ConnectScreen } from '@/features/connection/connect-screen'
import { transportKind } from '@/features/connection/gateway'
import { useConnectionStore } from '@/features/connection/use-connection-store'
import { ModelsPage } from '@/features/models/models-page'
import { ProvidersPage } from '@/features/providers/providers-page'
import { StatusPage } from '@/features/status/status-page'
import type { PageId } from '@/nav-items'

const pages: Record<PageId, ComponentType> = {
  status: StatusPage,
  providers: ProvidersPage,
  models: ModelsPage,
}

export function App() {
  const phase = useConnectionStore((s) => s.phase)
  const [page, setPage] = useState<PageId>('status')

  // Inside Electron the preload bridge is trusted; a browser must present an API key first.
  if (transportKind === 'http' && phase !== 'connected') return <ConnectScreen />

  const Page = pages[page]
  return (
    <div data-testid="app-shell" className="flex h-full">
      <AppSidebar activePage={page} onNavigate={setPage} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 shrink-0 items-center gap-2.5 border-b px-4 md:hidden">
          <OmniLlmBrandMark className="size-7" />
          <span className="text-sm font-semibold tracking-tight">OmniLLM</span>
          <CompactNav activePage={page} onNavigate={setPage} />
        </header>
        <main className="flex-1 overflow-y-auto">
          <div className="mx-auto w-full max-w-5xl px-6 py-8 md:px-10">
            <Page />
          </div>
        </main>
      </div>
    </div>
  )
}
