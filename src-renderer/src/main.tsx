import './lib/configure-zod'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './app'
import { followSystemColorScheme } from './lib/color-scheme'
import './styles/globals.css'

followSystemColorScheme()

const root = document.getElementById('root')
if (!root) throw new Error('OmniLLM: #root is missing from index.html')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
