import { type Command, Option } from 'commander'

export type SecretStoreChoice = 'keychain' | 'encrypted-file' | 'memory'

export interface AuthFlags {
  id?: string
  config?: string
  secretStore?: SecretStoreChoice
}

export interface CheckUsageFlags {
  id?: string
  config?: string
  secretStore?: SecretStoreChoice
}

/** The provider-account commands; main.ts implements them (auth-command.ts, check-usage-command.ts). */
export interface ProviderCommandActions {
  auth(type: string, flags: AuthFlags): Promise<void>
  checkUsage(flags: CheckUsageFlags): Promise<void>
}

const secretStoreOption = () =>
  new Option('--secret-store <kind>', 'where provider secrets live (as for omnillm start)').choices(['keychain', 'encrypted-file', 'memory'])

/** `omnillm auth <type>` and `omnillm check-usage`. */
export function addProviderCommands(program: Command, actions: Partial<ProviderCommandActions>): void {
  const need = <K extends keyof ProviderCommandActions>(name: K): ProviderCommandActions[K] => {
    const action = actions[name]
    if (!action) throw new Error(`omnillm ${name}: not available in this build`)
    return action
  }
  program
    .command('auth <type>')
    .description('Sign a provider instance in (github-copilot: the GitHub device flow; antigravity: Google sign-in in your browser) and keep its token in the secret store.')
    .option('--id <id>', 'the instance (default: the first instance of that type in the config file)')
    .option('-c, --config <file>', 'config file (default ~/.config/omnillm/config.json)')
    .addOption(secretStoreOption())
    .action(async (type: string, flags: AuthFlags) => need('auth')(type, flags))

  program
    .command('check-usage')
    .description('Print the GitHub Copilot usage and quota of the active (or first) github-copilot instance.')
    .option('--id <id>', 'the instance (default: the active one when it is github-copilot, else the first github-copilot one)')
    .option('-c, --config <file>', 'config file (default ~/.config/omnillm/config.json)')
    .addOption(secretStoreOption())
    .action(async (flags: CheckUsageFlags) => need('checkUsage')(flags))
}
