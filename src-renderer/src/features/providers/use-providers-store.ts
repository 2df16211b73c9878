import { gateway } from '@/features/connection/gateway'
import { createProvidersStore } from './create-providers-store'
import { createSignInStore } from './create-sign-in-store'

export const useProvidersStore = createProvidersStore({
  listProviders: () => gateway.listProviders(),
  setActiveProvider: (input) => gateway.setActiveProvider(input),
  getProviderUsage: (input) => gateway.getProviderUsage(input),
})

export const useSignInStore = createSignInStore({
  startSignIn: (input) => gateway.startSignIn(input),
  getSignInStatus: (input) => gateway.getSignInStatus(input),
  cancelSignIn: (input) => gateway.cancelSignIn(input),
})
