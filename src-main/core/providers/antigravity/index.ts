import type { ProviderDefinition } from '../provider-definition'
import { createAntigravityProvider } from './antigravity-provider'
import { antigravitySettings } from './antigravity-settings'
import { signInWithGoogle } from './sign-in-with-google'

/** Gemini through the Cloud Code assistant, signed in with a Google account (`type: "antigravity"`, `omnillm auth antigravity`). */
export const antigravityProviderDefinition: ProviderDefinition = {
  type: 'antigravity',
  label: 'Antigravity (Google sign-in)',
  create: createAntigravityProvider,
  settings: antigravitySettings,
  signIn: (context) => signInWithGoogle(context),
}

export { createAntigravityProvider } from './antigravity-provider'
export { antigravityFieldsSchema, parseAntigravityConfig, type AntigravityProviderConfig } from './parse-antigravity-config'
