/** Codex's default namespace: its tools are called by their bare names. */
const defaultNamespace = 'functions'

export interface ClientToolName {
  name: string
  namespace?: string
}

/**
 * CIF tool names ↔ the client's (namespace, name) pairs, for one request. The CIF has no namespaces, so a
 * tool in namespace `ns` is flattened the way Codex itself flattens (`ns__name`, stray underscores at the
 * join trimmed; the default `functions` namespace adds nothing). A flat name can hold `__` on its own
 * (`mcp__server__tool`), so splitting back uses the pairs seen in this request, never string surgery.
 */
export interface ToolNameMap {
  /** Records a client tool (or call) and returns its CIF name. */
  register(name: string, namespace?: string | null): string
  /** The client's name and namespace for a CIF name; unknown names come back as they are. */
  split(flatName: string): ClientToolName
}

export function flattenToolName(name: string, namespace?: string | null): string {
  if (!namespace || namespace === defaultNamespace) return name
  return `${namespace.replace(/_+$/, '')}__${name.replace(/^_+/, '')}`
}

export function createToolNameMap(): ToolNameMap {
  const byFlatName = new Map<string, ClientToolName>()
  return {
    register(name, namespace) {
      const flatName = flattenToolName(name, namespace)
      if (!byFlatName.has(flatName)) byFlatName.set(flatName, namespace ? { name, namespace } : { name })
      return flatName
    },
    split: (flatName) => byFlatName.get(flatName) ?? { name: flatName },
  }
}
