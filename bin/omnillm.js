#!/usr/bin/env node
// The `omnillm` command. Needs Node >= 22 and a build (`npm run build`), which produces out/main/cli.js.
import '../out/main/cli.js'
