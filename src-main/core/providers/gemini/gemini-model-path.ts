/**
 * The resource name of a model: `gemini-2.5-flash` → `models/gemini-2.5-flash`. A name that already
 * has a collection (`models/…`, `tunedModels/…`) is kept.
 */
export function geminiModelName(model: string): string {
  return model.includes('/') ? model : `models/${model}`
}

/** The same name as a URL path, each segment escaped. */
export function geminiModelPath(model: string): string {
  return geminiModelName(model).split('/').map(encodeURIComponent).join('/')
}
