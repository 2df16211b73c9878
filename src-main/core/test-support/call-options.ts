import type { ProviderCallOptions } from '../providers/provider-definition'

/** For tests: the options of one provider call (a signal nobody aborts, no client headers), with overrides. */
export function callOptions(overrides: Partial<ProviderCallOptions> = {}): ProviderCallOptions {
  return { signal: new AbortController().signal, clientHeaders: {}, requestId: 'req-test', ...overrides }
}
