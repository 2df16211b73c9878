import packageJson from '../../package.json' with { type: 'json' }

/** The version users see in /health, the status page and `omnillm --version`. */
export const VERSION: string = packageJson.version
