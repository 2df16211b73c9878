import { LogOut, Monitor, Globe } from 'lucide-react'

import { OmniLlmBrandMark } from '@/components/omnillm-logo'
import { Button } from '@/components/ui/button'
import { Separator } from '@/components/ui/separator'
import { transportKind } from '@/features/connection/gateway'
import { useConnectionStore } from '@/features/connection/use-connection-store'
import { cn } from '@/lib/utils'
import { navItems, type PageId } from '@/nav-items'

export function AppSidebar({ activePage, onNavigate }: { activePage: PageId; onNavigate: (page: PageId) => void }) {
  return (
    <aside
      data-testid="app-sidebar"
      className="bg-sidebar text-sidebar-foreground border-sidebar-border hidden w-60 shrink-0 flex-col border-r md:flex"
    >
      <div className="flex h-14 items-center gap-2.5 px-4">
        <OmniLlmBrandMark className="size-7" />
        <div className="flex flex-col leading-tight">
          <span className="text-sm font-semibold tracking-tight">OmniLLM</span>
          <span className="text-muted-foreground text-[11px]">LLM gateway</span>
        </div>
      </div>
      <Separator className="bg-sidebar-border" />
      <nav aria-label="Main" className="flex flex-1 flex-col gap-0.5 p-2">
        {navItems.map((item) => {
          const active = item.id === activePage
          return (
            <button
              key={item.id}
              type="button"
              data-testid={`nav-${item.id}`}
              aria-current={active ? 'page' : undefined}
              onClick={() => onNavigate(item.id)}
              className={cn(
                'flex h-8 items-center gap-2 rounded-md px-2 text-sm font-medium transition-colors outline-none',
                'focus-visible:ring-sidebar-ring focus-visible:ring-2 [&>svg]:size-4 [&>svg]:shrink-0',
                active
                  ? 'bg-sidebar-accent text-sidebar-accent-foreground'
                  : 'text-sidebar-foreground/70 hover:bg-sidebar-accent/70 hover:text-sidebar-accent-foreground',
              )}
            >
              <item.icon />
              {item.label}
            </button>
          )
        })}
      </nav>
      <SidebarFooter />
    </aside>
  )
}

function SidebarFooter() {
  const disconnect = useConnectionStore((s) => s.disconnect)
  const isHttp = transportKind === 'http'
  return (
    <div className="border-sidebar-border flex items-center gap-2 border-t p-3">
      <span className="text-muted-foreground bg-sidebar-accent flex size-7 items-center justify-center rounded-md [&>svg]:size-3.5">
        {isHttp ? <Globe /> : <Monitor />}
      </span>
      <div className="flex min-w-0 flex-1 flex-col leading-tight">
        <span className="truncate text-xs font-medium">{isHttp ? 'Browser session' : 'Desktop app'}</span>
        <span className="text-muted-foreground truncate text-[11px]">{isHttp ? 'Admin API over HTTP' : 'Admin API over IPC'}</span>
      </div>
      {isHttp && (
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label="Forget API key"
          title="Forget API key"
          data-testid="disconnect"
          className="text-muted-foreground hover:text-foreground"
          onClick={disconnect}
        >
          <LogOut />
        </Button>
      )}
    </div>
  )
}

/** Below the `md` breakpoint the sidebar is hidden: the same pages as icon buttons in the top bar. */
export function CompactNav({ activePage, onNavigate }: { activePage: PageId; onNavigate: (page: PageId) => void }) {
  return (
    <nav aria-label="Main" className="ml-auto flex items-center gap-1">
      {navItems.map((item) => (
        <Button
          key={item.id}
          variant={item.id === activePage ? 'secondary' : 'ghost'}
          size="icon-sm"
          aria-label={item.label}
          title={item.label}
          aria-current={item.id === activePage ? 'page' : undefined}
          data-testid={`compact-nav-${item.id}`}
          onClick={() => onNavigate(item.id)}
        >
          <item.icon />
        </Button>
      ))}
    </nav>
  )
}
