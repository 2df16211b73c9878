import { contextBridge, ipcRenderer } from 'electron'
import { createBridgeApi } from './create-bridge-api'

// Sandboxed preload: it may only require('electron'); everything else (the contract, zod) is bundled.
// The lambda drops the IPC event and any extra argument, so the renderer only ever sees envelopes.
contextBridge.exposeInMainWorld(
  'omnillm',
  createBridgeApi((channel, input) => ipcRenderer.invoke(channel, input)),
)
