import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const coreDir = import.meta.dirname

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(importPattern)].map((match) => match[1] ?? match[2] ?? match[3]!).filter(Boolean)
}

describe('architecture: the core runs in plain Node', () => {
  const files = sourceFiles(coreDir)

  test('the scan sees the core', () => {
    expect(files.length).toBeGreaterThan(30)
    expect(importsOf(join(coreDir, 'create-gateway.ts'))).toContain('./http/create-http-app')
  })

  test('no file under src-main/core imports electron, electron-store, the shell, the CLI or the renderer', () => {
    const offences: string[] = []
    for (const file of files) {
      for (const specifier of importsOf(file)) {
        const target = specifier.startsWith('.') ? relative(root, resolve(file, '..', specifier)) : specifier
        const forbidden =
          specifier === 'electron' ||
          specifier === 'electron-store' ||
          target.startsWith('src-main/app') ||
          target.startsWith('src-main/cli') ||
          target.startsWith('src-renderer')
        if (forbidden) offences.push(`${relative(root, file)} imports ${specifier}`)
      }
    }
    expect(offences).toEqual([])
  })

  test('the ESLint boundary rejects such an import too', async () => {
    const eslint = new ESLint({ cwd: root })
    // The probe's source is assembled so that this file itself never contains the import it tests.
    const shell = ['elec', 'tron'].join('')
    const [result] = await eslint.lintText(`import { app } from '${shell}'\nimport { x } from '../app/main'\nexport const y = [app, x]\n`, {
      filePath: join(coreDir, 'boundary-probe.ts'),
    })
    const messages = result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message)
    expect(messages).toHaveLength(2)
    expect(messages[0]).toContain('plain Node')
  })

  test('the admin contract imports nothing from src-main', () => {
    const contractFiles = sourceFiles(join(root, 'src-preload', 'contract'))
    expect(contractFiles.length).toBeGreaterThan(0)
    for (const file of contractFiles) {
      for (const specifier of importsOf(file)) expect(`${file}: ${specifier}`).not.toMatch(/src-main|: electron$/)
    }
  })
})
