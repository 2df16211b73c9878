import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const projectRoot = join(import.meta.dirname, '..', '..')
const config = JSON.parse(readFileSync(join(projectRoot, 'electron-builder.json'), 'utf8'))

const platforms = {
  mac: { prebuild: 'darwin', target: 'dmg' },
  win: { prebuild: 'win32', target: 'nsis' },
  linux: { prebuild: 'linux', target: 'AppImage' },
} as const
const prebuildPlatforms = ['darwin', 'linux', 'linuxmusl', 'win32']

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path)
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('electron-builder.json', () => {
  it('never rebuilds native modules: they are N-API, and a rebuild here would compile the wrong ABI', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.nodeGypRebuild).toBe(false)
    expect(config.buildDependenciesFromSource).toBe(false)
  })

  it('keeps .node binaries outside the asar, where dlopen can load them', () => {
    expect(config.asar).not.toBe(false)
    expect(config.asarUnpack).toContain('**/*.node')
  })

  it('identifies the app and ships the tray icons as extra resources', () => {
    expect(config.appId).toBe('dev.omnillm.app')
    expect(config.productName).toBe('OmniLLM')
    expect(config.directories.buildResources).toBe('build')
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources', to: '.' }))
    expect(config.files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']))
  })

  it('builds a menu-bar dmg, an NSIS installer and an AppImage', () => {
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.mac.category).toBe('public.app-category.developer-tools')
    expect(config.mac.extendInfo.LSUIElement).toBe(true)
    expect(existsSync(join(projectRoot, config.mac.entitlements))).toBe(true)
    expect(config.win.target).toEqual(['nsis'])
    expect(config.linux.target).toEqual(['AppImage'])
    expect(config.linux.category).toBe('Development')
  })

  // A platform's `files` replaces the top-level list instead of adding to it, so each repeats it in full.
  it.each(Object.entries(platforms))('%s repeats the shared file list and drops only other platforms’ sqlite prebuilds', (name, platform) => {
    const files: string[] = config[name].files
    expect(files.slice(0, config.files.length)).toEqual(config.files)
    const [exclusion, ...rest] = files.slice(config.files.length)
    expect(rest).toEqual([])
    const excluded = /^!\*\*\/node_modules\/better-sqlite3\/prebuilds\/\{([a-z0-9,]+)\}-\*\.node$/.exec(exclusion ?? '')?.[1]?.split(',')
    expect(excluded?.sort()).toEqual(prebuildPlatforms.filter((prebuild) => prebuild !== platform.prebuild))
    expect(config[name].target).toEqual([platform.target])
  })
})

describe('icons', () => {
  it('has a 512×512 app icon and tray icons at 1x and 2x', () => {
    expect(pngSize(join(projectRoot, 'build', 'icon.png'))).toEqual({ width: 512, height: 512 })
    expect(pngSize(join(projectRoot, 'resources', 'tray', 'trayTemplate.png'))).toEqual({ width: 16, height: 16 })
    expect(pngSize(join(projectRoot, 'resources', 'tray', 'trayTemplate@2x.png'))).toEqual({ width: 32, height: 32 })
    expect(pngSize(join(projectRoot, 'resources', 'tray', 'tray.png'))).toEqual({ width: 32, height: 32 })
  })
})
