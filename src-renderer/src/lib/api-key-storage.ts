export const API_KEY_STORAGE_KEY = 'omnillm.apiKey'

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

// Storage can throw (disabled cookies, quota, privacy modes): the key then lives for the session only.

export function readApiKey(storage: KeyValueStorage | null): string | null {
  try {
    const value = storage?.getItem(API_KEY_STORAGE_KEY)
    return value ? value : null
  } catch {
    return null
  }
}

export function writeApiKey(storage: KeyValueStorage | null, apiKey: string): void {
  try {
    storage?.setItem(API_KEY_STORAGE_KEY, apiKey)
  } catch {
    // session-only
  }
}

export function clearApiKey(storage: KeyValueStorage | null): void {
  try {
    storage?.removeItem(API_KEY_STORAGE_KEY)
  } catch {
    // nothing stored
  }
}

/** `window.localStorage`, or null where reading it throws or it does not exist. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}
