import { Activity, Boxes, PlugZap, type LucideIcon } from 'lucide-react'

export type PageId = 'status' | 'providers' | 'models'

export interface NavItem {
  id: PageId
  label: string
  icon: LucideIcon
}

/** Sidebar entries, in order. Usage, Logs, Playground and Tool configs join later. */
export const navItems: readonly NavItem[] = [
  { id: 'status', label: 'Status', icon: Activity },
  { id: 'providers', label: 'Providers', icon: PlugZap },
  { id: 'models', label: 'Models', icon: Boxes },
]
