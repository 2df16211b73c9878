type JsonObject = Record<string, unknown>

const formatsByType: Record<string, readonly string[]> = {
  STRING: ['enum', 'date-time'],
  NUMBER: ['float', 'double'],
  INTEGER: ['int32', 'int64'],
}

/**
 * The rules the API applies to a Schema after parsing, with its wording (paths name properties by key):
 * a type unless anyOf is used, items for an ARRAY, properties for the OBJECT of `parameters`, `required`
 * naming defined properties, enums on strings only, and the few formats each type takes.
 */
export function validateGeminiMockSchema(schema: JsonObject, path: string, problems: string[], options: { parameters?: boolean } = {}): void {
  const type = typeof schema.type === 'string' ? schema.type.toUpperCase() : undefined
  const anyOf = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonObject[]) : []
  if ((!type || type === 'TYPE_UNSPECIFIED') && anyOf.length === 0) problems.push(`${path}.type: must be specified when not using one_of, any_of or all_of fields`)
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>
  for (const [name, property] of Object.entries(properties)) validateGeminiMockSchema(property, `${path}.properties[${name}]`, problems)
  if (options.parameters && type === 'OBJECT' && Object.keys(properties).length === 0) problems.push(`${path}.properties: should be non-empty for OBJECT type`)
  ;((schema.required ?? []) as string[]).forEach((name, index) => {
    if (!(name in properties)) problems.push(`${path}.required[${index}]: property is not defined`)
  })
  if (type === 'ARRAY') {
    if (!schema.items) problems.push(`${path}.items: missing field.`)
    else validateGeminiMockSchema(schema.items as JsonObject, `${path}.items`, problems)
  } else if (schema.items) validateGeminiMockSchema(schema.items as JsonObject, `${path}.items`, problems)
  if (schema.enum !== undefined && type !== 'STRING') problems.push(`${path}.enum: only allowed for STRING type`)
  if (typeof schema.format === 'string' && type) {
    const formats = formatsByType[type]
    if (!formats) problems.push(`${path}.format: not supported for ${type} type`)
    else if (!formats.includes(schema.format)) problems.push(`${path}.format: only ${formats.map((format) => `'${format}'`).join(' and ')} are supported for ${type} type`)
  }
  anyOf.forEach((branch, index) => validateGeminiMockSchema(branch, `${path}.any_of[${index}]`, problems))
}
