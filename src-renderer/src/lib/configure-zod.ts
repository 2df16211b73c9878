import { z } from 'zod'

// zod's JIT probes `new Function`, which `script-src 'self'` forbids and reports as a CSP violation.
z.config({ jitless: true })
