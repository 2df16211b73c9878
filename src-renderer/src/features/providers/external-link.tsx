import * as React from 'react'
import { ExternalLink as ExternalLinkIcon } from 'lucide-react'

import { safeExternalUrl } from '@/lib/safe-external-url'
import { cn } from '@/lib/utils'

/**
 * A link that opens in the system browser: a new tab in a browser; inside Electron the shell routes
 * `target=_blank` to the OS. Anything but http(s) is shown as plain text, never as a link.
 */
export function ExternalLink({ href, className, ...props }: Omit<React.ComponentProps<'a'>, 'href' | 'target' | 'rel' | 'children'> & { href: string }) {
  const safe = safeExternalUrl(href)
  if (!safe) return <span className={cn('font-mono break-all', className)}>{href}</span>
  return (
    <a
      href={safe}
      target="_blank"
      rel="noopener noreferrer"
      className={cn('text-primary inline-flex items-center gap-1 font-medium break-all underline underline-offset-4', className)}
      {...props}
    >
      {href}
      <ExternalLinkIcon className="size-3.5 shrink-0" aria-hidden="true" />
      <span className="sr-only">(opens in your browser)</span>
    </a>
  )
}
