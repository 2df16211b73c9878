/**
 * How the admin UI renders one setting:
 * - `text`, `url`, `number`, `boolean`: one input of that kind.
 * - `secret`: a credential; its value lives in the OS keychain / encrypted secret store and is shown masked.
 * - `choice`: one of `choices`.
 * - `string-map`: name → value pairs (headers, model → deployment); `string-list`: a list of strings.
 * - `json`: a JSON value edited as text (the field's `placeholder` is a valid example).
 */
export type ProviderSettingKind = 'text' | 'url' | 'secret' | 'boolean' | 'number' | 'choice' | 'string-map' | 'string-list' | 'json'

/** One key of a provider type's config entry, as the admin UI shows and checks it. */
export interface ProviderSettingField {
  /** The config key (`apiKey`, `region`, `deployments`). */
  name: string
  label: string
  description: string
  kind: ProviderSettingKind
  /** The type's config parser refuses an entry without it. */
  required?: boolean
  /** What the provider uses when the entry leaves the field out (absent when it depends on other fields). */
  default?: string | number | boolean
  /** The accepted values of a `choice` field. */
  choices?: readonly string[]
  placeholder?: string
}

/** The fields a provider type's form is rendered from: the common fields that matter to it, then its own. */
export interface ProviderSettingsDescriptor {
  fields: ProviderSettingField[]
}
