import { StartupError } from '../errors/startup-error'
import { deriveInstanceId } from './derive-instance-id'
import type { ProviderConfig, ProviderEntry } from './gateway-config-schema'

/**
 * Gives every entry without an `id` its derived one (deriveInstanceId; call it after `env:` keys are
 * resolved) and makes sure the ids are unique: two entries ending up with the same id stop start-up
 * with a message naming both.
 */
export function assignInstanceIds(entries: ProviderEntry[], where: string): ProviderConfig[] {
  const firstIndex = new Map<string, number>()
  return entries.map((entry, index) => {
    const id = entry.id ?? deriveInstanceId(entry)
    const earlier = firstIndex.get(id)
    if (earlier !== undefined) {
      const how = (position: number) => (entries[position]!.id === undefined ? `providers.${position} (derived)` : `providers.${position}`)
      throw new StartupError(
        `${where}: ${how(earlier)} and ${how(index)} both have the id "${id}"; give one of them an explicit "id" (entries without one derive it from type, baseUrl and apiKey)`,
      )
    }
    firstIndex.set(id, index)
    return { ...entry, id }
  })
}
