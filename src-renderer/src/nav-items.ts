import { Activity, type LucideIcon } from 'lucide-react'

export type PageId = 'status'

export interface NavItem {
  id: PageId
  label: string
  icon: LucideIcon
}

/** Sidebar entries, in order. Providers, Models, Usage, Logs, Playground and Tool configs join later. */
export const navItems: readonly NavItem[] = [{ id: 'status', label: 'Status', icon: Activity }]
