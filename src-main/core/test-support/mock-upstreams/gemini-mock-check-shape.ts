import type { GeminiFieldViolation } from './gemini-mock-error'
import { geminiMockEnums, geminiMockFields, geminiMockPartDataFields, toSnakeCase, type GeminiMockField } from './gemini-mock-message-types'

const scalarTypeNames: Record<string, string> = { string: 'TYPE_STRING', bool: 'TYPE_BOOL', int: 'TYPE_INT32', number: 'TYPE_FLOAT', bytes: 'TYPE_BYTES' }
const packagePrefix = 'type.googleapis.com/google.ai.generativelanguage.v1beta.'

export interface GeminiMockShapeCheck {
  violations: GeminiFieldViolation[]
  /** The body with every proto field under its JSON (lowerCamel) name; struct and Value contents untouched. */
  normalized: Record<string, unknown>
}

/**
 * Parses a JSON body against a proto message the way Google's JSON transcoder does, collecting every
 * violation with its wording: unknown fields ("Unknown name … Cannot find field."), lists in singular
 * fields, wrong scalar or enum values, undecodable bytes, and two members of Part's `data` oneof.
 * Paths use the proto field names (`tools[0].function_declarations[1].parameters.properties[2].value`).
 */
export function checkGeminiMockShape(value: unknown, message: string): GeminiMockShapeCheck {
  const violations: GeminiFieldViolation[] = []
  const normalized = checkMessage(value, message, '', violations)
  return { violations, normalized: (normalized ?? {}) as Record<string, unknown> }
}

function checkMessage(value: unknown, message: string, path: string, violations: GeminiFieldViolation[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    violations.push({ field: path, description: `Invalid value at '${path}' (${packagePrefix}${message}), ${JSON.stringify(value)}` })
    return undefined
  }
  const fields = geminiMockFields(message)!
  const at = path === '' ? '' : ` at '${path}'`
  const normalized: Record<string, unknown> = {}
  let dataField: string | undefined
  for (const [key, item] of Object.entries(value)) {
    const field = fields.get(key)
    if (!field) {
      violations.push({ field: path, description: `Invalid JSON payload received. Unknown name "${key}"${at}: Cannot find field.` })
      continue
    }
    if (item === null) continue
    if (message === 'Part' && geminiMockPartDataFields.includes(field.name)) {
      if (dataField) {
        violations.push({ field: path, description: `Invalid JSON payload received. Unknown name "${key}"${at}: Oneof field 'data' is already set. Cannot set '${toSnakeCase(field.name)}'` })
        continue
      }
      dataField = field.name
    }
    const fieldPath = path === '' ? toSnakeCase(field.name) : `${path}.${toSnakeCase(field.name)}`
    if (Array.isArray(item) && !field.repeated && field.type !== 'value') {
      violations.push({ field: path, description: `Invalid JSON payload received. Unknown name "${key}"${at}: Proto field is not repeating, cannot start list.` })
    } else if (field.repeated) {
      if (!Array.isArray(item)) violations.push({ field: fieldPath, description: `Invalid value at '${fieldPath}' (${describeType(field)}), ${JSON.stringify(item)}` })
      else normalized[field.name] = item.map((element, index) => checkValue(element, field, `${fieldPath}[${index}]`, violations))
    } else if (field.map) {
      if (typeof item !== 'object') violations.push({ field: fieldPath, description: `Invalid value at '${fieldPath}' (${describeType(field)}), ${JSON.stringify(item)}` })
      else normalized[field.name] = Object.fromEntries(Object.entries(item as object).map(([name, element], index) => [name, checkValue(element, field, `${fieldPath}[${index}].value`, violations)]))
    } else normalized[field.name] = checkValue(item, field, fieldPath, violations)
  }
  return normalized
}

/** Checks one value; returns it (a message normalised). */
function checkValue(value: unknown, field: GeminiMockField, path: string, violations: GeminiFieldViolation[]): unknown {
  const invalid = (shown: string = JSON.stringify(value)) => violations.push({ field: path, description: `Invalid value at '${path}' (${describeType(field)}), ${shown}` })
  const valid = scalarCheck(field.type, value)
  if (valid === false) invalid(field.type === 'bytes' ? `Base64 decoding failed for ${JSON.stringify(value)}` : undefined)
  if (valid !== undefined) return value
  const values = geminiMockEnums[field.type]
  if (!values) return checkMessage(value, field.type, path, violations)
  if (typeof value !== 'string' || !values.includes(value.toUpperCase())) invalid()
  return value
}

/** true / false for a scalar type, undefined for enums and messages. */
function scalarCheck(type: string, value: unknown): boolean | undefined {
  switch (type) {
    case 'value':
      return true
    case 'struct':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'string':
      return typeof value === 'string'
    case 'bool':
      return typeof value === 'boolean'
    case 'number':
      return typeof value === 'number'
    case 'int':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value))
    case 'bytes':
      return typeof value === 'string' && /^[A-Za-z0-9+/_-]*={0,2}$/.test(value)
    default:
      return undefined
  }
}

function describeType(field: GeminiMockField): string {
  if (field.type === 'struct') return 'type.googleapis.com/google.protobuf.Struct'
  return scalarTypeNames[field.type] ?? `${packagePrefix}${field.type}`
}
