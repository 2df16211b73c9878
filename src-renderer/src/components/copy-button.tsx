import * as React from 'react'
import { Check, Copy } from 'lucide-react'

import { Button } from '@/components/ui/button'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { copyText } from '@/lib/copy-text'
import { cn } from '@/lib/utils'

type CopyButtonProps = Omit<React.ComponentProps<typeof Button>, 'onClick' | 'children' | 'value'> & {
  value: string
  /** What is copied, for the tooltip and screen readers: "Copy endpoint". */
  label?: string
}

export function CopyButton({ value, label = 'Copy', className, variant = 'ghost', size = 'icon-sm', ...props }: CopyButtonProps) {
  const [copied, setCopied] = React.useState(false)

  React.useEffect(() => {
    if (!copied) return
    const id = window.setTimeout(() => setCopied(false), 1500)
    return () => window.clearTimeout(id)
  }, [copied])

  const onClick = async () => {
    if (await copyText(value)) setCopied(true)
  }

  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button
          type="button"
          variant={variant}
          size={size}
          aria-label={label}
          data-copied={copied || undefined}
          className={cn('text-muted-foreground hover:text-foreground', className)}
          onClick={onClick}
          {...props}
        >
          {copied ? <Check className="text-success" /> : <Copy />}
        </Button>
      </TooltipTrigger>
      <TooltipContent sideOffset={4}>{copied ? 'Copied' : label}</TooltipContent>
    </Tooltip>
  )
}
