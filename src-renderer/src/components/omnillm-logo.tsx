import * as React from 'react'

import { cn } from '@/lib/utils'

/** The OmniLLM mark: one hub fanning out to many providers. */
export function OmniLlmLogo({ className, ...props }: React.ComponentProps<'svg'>) {
  return (
    <svg viewBox="0 0 24 24" fill="none" aria-hidden="true" className={cn('size-4', className)} {...props}>
      <circle cx="12" cy="12" r="3.25" fill="currentColor" />
      <circle cx="12" cy="12" r="8" stroke="currentColor" strokeWidth="1.75" strokeDasharray="4.2 2.1" />
    </svg>
  )
}

export function OmniLlmBrandMark({ className }: { className?: string }) {
  return (
    <span
      className={cn(
        'bg-primary text-primary-foreground flex size-8 shrink-0 items-center justify-center rounded-lg shadow-xs',
        className,
      )}
    >
      <OmniLlmLogo className="size-5" />
    </span>
  )
}
