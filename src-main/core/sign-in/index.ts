export { createSignInManager, type SignInFlowState, type SignInFlowStatus, type SignInManager, type SignInManagerOptions } from './sign-in-manager'
export { runSignIn, type RunSignInOptions, type RunSignInResult } from './run-sign-in'
