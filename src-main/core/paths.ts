import { homedir } from 'node:os'
import { join } from 'node:path'

/** Where the headless host keeps its files. The Electron shell passes its own dataDir (userData). */
export interface GatewayPaths {
  /** The config file, the API key file and the secrets key live here: `~/.config/omnillm`. */
  configDir: string
  /** The database, logs and encrypted secrets live here: `~/.local/share/omnillm`, or `OMNILLM_DATA_DIR`. */
  dataDir: string
}

export function defaultPaths(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): GatewayPaths {
  const configHome = env.XDG_CONFIG_HOME?.trim() || join(home, '.config')
  const dataHome = env.XDG_DATA_HOME?.trim() || join(home, '.local', 'share')
  return {
    configDir: join(configHome, 'omnillm'),
    dataDir: env.OMNILLM_DATA_DIR?.trim() || join(dataHome, 'omnillm'),
  }
}
