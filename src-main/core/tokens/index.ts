export { countTextTokens } from './count-text-tokens'
export { estimateDocumentPages } from './estimate-document-pages'
export { estimateInputTokens } from './estimate-input-tokens'
