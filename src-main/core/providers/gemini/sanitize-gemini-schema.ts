import type { JsonSchema } from '../../cif'
import type { GeminiSchema } from './gemini-request-body'
import { annotationKeywords, copiedCountKeywords, copiedNumberKeywords, copiedStringKeywords, geminiFormatsByType, geminiSchemaTypes } from './gemini-schema-keywords'
import { mergeAllOf } from './merge-all-of'
import { resolveSchemaRef } from './resolve-schema-ref'
import { rewriteExclusiveBounds } from './rewrite-exclusive-bounds'

/** What a conversion could not carry over exactly; the caller turns it into one warning. */
export interface GeminiSchemaReport {
  /** Keywords (or constructs) that were dropped or approximated. */
  lossy: Set<string>
}

interface Walk {
  root: JsonSchema
  /** `$ref`s being expanded above this node, to stop at recursion. */
  refs: readonly string[]
  report: GeminiSchemaReport
}

/**
 * JSON Schema → the Schema object Gemini accepts in `parameters` and `responseSchema`, by schema
 * position: only values in schema positions (the root, `properties` values, `items`, `anyOf` …) are
 * read as schemas, so a property that is itself named `deprecated` or `additionalProperties` survives.
 * `$ref`s are inlined (recursion stops with a plain object), `allOf` merged, `oneOf` read as `anyOf`,
 * `const` becomes a one-value `enum`, a `null` type (in a type list, an anyOf branch, an enum) becomes
 * `nullable`, exclusive bounds become inclusive ones, formats Gemini rejects move into the description,
 * and every other keyword is dropped (reported unless it only annotates).
 */
export function sanitizeGeminiSchema(schema: JsonSchema, report: GeminiSchemaReport): GeminiSchema {
  return convertSchema(schema, { root: schema, refs: [], report })
}

function convertSchema(value: unknown, walk: Walk): GeminiSchema {
  if (!isRecord(value)) {
    if (value !== true) walk.report.lossy.add('boolean schema')
    return convertSchema({}, walk)
  }
  if (typeof value.$ref === 'string') return convertReference(value, value.$ref, walk)
  const node = value.allOf === undefined ? value : mergeAllOf({ ...value, allOf: asList(value.allOf).map((branch) => dereference(branch, walk)) })

  const notes: string[] = []
  let nullable = node.nullable === true
  const declaredTypes = (Array.isArray(node.type) ? node.type : [node.type]).filter((type): type is string => typeof type === 'string')
  if (declaredTypes.includes('null')) nullable = true
  const types = declaredTypes.filter((type) => type !== 'null' && geminiSchemaTypes.has(type))
  if (declaredTypes.some((type) => type !== 'null' && !geminiSchemaTypes.has(type))) walk.report.lossy.add('type')

  const own: GeminiSchema = {}
  for (const key of copiedStringKeywords) if (typeof node[key] === 'string') own[key] = node[key]
  for (const key of copiedCountKeywords) if (typeof node[key] === 'number' || typeof node[key] === 'string') own[key] = node[key]
  for (const key of copiedNumberKeywords) if (typeof node[key] === 'number') own[key] = node[key]
  if (node.default !== undefined) own.default = node.default
  if (node.example !== undefined) own.example = node.example
  else if (Array.isArray(node.examples) && node.examples.length > 0) own.example = node.examples[0]
  if (Array.isArray(node.propertyOrdering)) own.propertyOrdering = node.propertyOrdering

  const values = node.const !== undefined ? [node.const] : Array.isArray(node.enum) ? node.enum : undefined
  if (values?.includes(null)) nullable = true
  const choices = values?.filter((choice) => choice !== null)
  if (choices?.length && choices.every((choice) => typeof choice === 'string')) own.enum = choices
  else if (choices?.length) {
    notes.push(`Allowed values: ${choices.map((choice) => JSON.stringify(choice)).join(', ')}.`)
    walk.report.lossy.add(node.const !== undefined ? 'const' : 'enum')
  }

  if (isRecord(node.properties)) own.properties = Object.fromEntries(Object.entries(node.properties).map(([name, property]) => [name, convertSchema(property, walk)]))
  const items = convertItems(node, walk)
  if (items) own.items = items

  const alternatives = [...asList(node.anyOf), ...asList(node.oneOf)].map((branch) => dereference(branch, walk))
  if (node.oneOf !== undefined) walk.report.lossy.add('oneOf')
  const nonNull = alternatives.filter((branch) => !(isRecord(branch) && branch.type === 'null'))
  if (nonNull.length < alternatives.length) nullable = true
  // `anyOf: [{required: ['a']}, {required: ['b']}]` constrains its typed parent; Gemini cannot say that.
  const branches = types.length > 0 ? nonNull.filter((branch) => !isConstraintOnly(branch)) : nonNull
  if (branches.length < nonNull.length) walk.report.lossy.add(node.oneOf !== undefined ? 'oneOf' : 'anyOf')
  const converted = branches.map((branch) => convertSchema(branch, walk))
  // A type list without null: one branch per type, each with the keywords of its type.
  if (types.length > 1) converted.push(...types.map((type) => convertSchema({ ...node, type, anyOf: undefined, oneOf: undefined, title: undefined, description: undefined }, walk)))

  const type = types.length === 1 ? types[0] : converted.length === 0 ? inferType(node, own) : undefined
  if (!type && converted.length === 0) {
    walk.report.lossy.add('untyped schema')
    converted.push(...anyValue)
    nullable = true
  }
  if (type === 'array' && !own.items) {
    own.items = { type: 'string' }
    walk.report.lossy.add('array without items')
  }
  if (typeof node.format === 'string') {
    if (type && geminiFormatsByType[type]?.has(node.format)) own.format = node.format
    else notes.push(`(format: ${node.format})`)
  }
  rewriteExclusiveBounds(node, own, type, walk.report.lossy)
  if (Array.isArray(node.required) && isRecord(own.properties)) {
    const required = node.required.filter((name): name is string => typeof name === 'string' && name in (own.properties as GeminiSchema))
    if (required.length > 0) own.required = required
  }
  reportDroppedKeywords(node, walk.report)
  if (notes.length > 0) own.description = [own.description, ...notes].filter(Boolean).join(' ')

  const schema: GeminiSchema = { ...(type ? { type } : {}), ...own }
  if (converted.length === 1) Object.assign(schema, { ...converted[0], ...own })
  else if (converted.length > 1) schema.anyOf = converted
  if (nullable) schema.nullable = true
  return schema
}

function convertReference(node: JsonSchema, ref: string, walk: Walk): GeminiSchema {
  const { $ref: _ref, ...siblings } = node
  if (walk.refs.includes(ref)) {
    walk.report.lossy.add('recursive $ref')
    return { type: 'object', description: [siblings.description, `(recursive ${ref})`].filter(Boolean).join(' ') }
  }
  const target = resolveSchemaRef(walk.root, ref)
  if (!target) walk.report.lossy.add('$ref')
  return convertSchema({ ...target, ...siblings }, { ...walk, refs: [...walk.refs, ref] })
}

/** An `allOf` / `anyOf` branch with its own `$ref` resolved, so it can be merged or filtered. */
function dereference(branch: unknown, walk: Walk): unknown {
  if (!isRecord(branch) || typeof branch.$ref !== 'string' || walk.refs.includes(branch.$ref)) return branch
  const { $ref, ...siblings } = branch
  const target = resolveSchemaRef(walk.root, $ref)
  return target ? { ...target, ...siblings } : siblings
}

/** `items` (one schema) as is; a tuple (`items: [...]` or `prefixItems`) as anyOf of its members. */
function convertItems(node: JsonSchema, walk: Walk): GeminiSchema | undefined {
  if (isRecord(node.items)) return convertSchema(node.items, walk)
  const tuple = Array.isArray(node.items) ? node.items : Array.isArray(node.prefixItems) ? node.prefixItems : undefined
  if (!tuple || tuple.length === 0) return undefined
  walk.report.lossy.add('tuple items')
  const members = tuple.map((member) => convertSchema(member, walk))
  return members.length === 1 ? members[0] : { anyOf: members }
}

/** Gemini wants a type on every schema without anyOf: read it off the structure or a sample value. */
function inferType(node: JsonSchema, own: GeminiSchema): string | undefined {
  if (own.properties) return 'object'
  if (own.items || node.prefixItems) return 'array'
  if (own.enum) return 'string'
  const sample = node.const ?? (Array.isArray(node.enum) ? node.enum.find((choice) => choice !== null) : undefined) ?? node.default ?? node.example
  if (typeof sample === 'number') return Number.isInteger(sample) ? 'integer' : 'number'
  if (typeof sample === 'boolean') return 'boolean'
  if (typeof sample === 'string') return 'string'
  return undefined
}

/** A schema that allows any value: Gemini has no such type, so every JSON type is offered. */
const anyValue: GeminiSchema[] = [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object' }, { type: 'array', items: { type: 'string' } }]

/** A branch that describes no value of its own (no type, structure or values), only constraints. */
function isConstraintOnly(branch: unknown): boolean {
  return isRecord(branch) && !['type', '$ref', 'properties', 'items', 'prefixItems', 'enum', 'const', 'anyOf', 'oneOf', 'allOf'].some((key) => key in branch)
}

const handledKeywords = new Set([
  ...copiedStringKeywords, ...copiedCountKeywords, ...copiedNumberKeywords,
  'type', 'nullable', 'enum', 'const', 'format', 'properties', 'required', 'items', 'prefixItems', 'anyOf', 'oneOf', 'allOf', '$ref',
  'default', 'example', 'examples', 'propertyOrdering', 'exclusiveMinimum', 'exclusiveMaximum',
])

function reportDroppedKeywords(node: JsonSchema, report: GeminiSchemaReport): void {
  for (const key of Object.keys(node)) if (!handledKeywords.has(key) && !annotationKeywords.has(key)) report.lossy.add(key)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
