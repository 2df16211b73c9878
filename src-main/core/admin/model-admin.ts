import type { CatalogueModel } from '../../../src-preload/contract'
import { notFound } from '../errors/gateway-error'
import type { ModelCatalogue } from '../pipeline/model-catalogue'

/** The catalogue as the Models page shows it: every model of every enabled instance, turned-off ones included. */
export async function listCatalogueModels(catalogue: ModelCatalogue, options: { refresh?: boolean } = {}): Promise<CatalogueModel[]> {
  if (options.refresh) catalogue.invalidate()
  return (await catalogue.listing()).map(({ instanceId, model, enabled }) => ({
    instanceId,
    id: model.id,
    enabled,
    version: model.version ?? null,
    ownedBy: model.ownedBy ?? null,
    contextWindow: model.contextWindow ?? null,
  }))
}

/** Turns a listed model off or on; a model the instance does not list is `unknown_model`. */
export async function setCatalogueModelEnabled(catalogue: ModelCatalogue, input: { instanceId: string; model: string; enabled: boolean }): Promise<CatalogueModel[]> {
  const listing = await catalogue.listing()
  if (!listing.some((entry) => entry.instanceId === input.instanceId && entry.model.id === input.model)) {
    throw notFound(`Provider "${input.instanceId}" lists no model "${input.model}" (see models:list).`, 'unknown_model')
  }
  catalogue.setEnabled(input.instanceId, input.model, input.enabled)
  return listCatalogueModels(catalogue)
}
