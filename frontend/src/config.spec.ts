import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, loadConfig, resolveConfig } from './config'

describe('runtime config', () => {
  it('falls back to the local defaults', () => {
    expect(resolveConfig({}, {})).toEqual(DEFAULT_CONFIG)
  })

  it('takes the first source that sets a key, per key', () => {
    const injected = { keycloakUrl: 'https://id.example.edu.cn/' }
    const meta = { keycloakUrl: 'https://ignored', realm: 'county' }
    const env = { clientId: 'web-prod', realm: 'also-ignored' }
    expect(resolveConfig(injected, meta, env)).toEqual({
      keycloakUrl: 'https://id.example.edu.cn',
      realm: 'county',
      clientId: 'web-prod',
      apiBase: '',
    })
  })

  it('ignores blanks and non-strings', () => {
    expect(resolveConfig({ realm: '  ', clientId: 42 as unknown as string }).realm).toBe('zhsz')
  })

  it('reads window.__ZHSZ_CONFIG__ and the zhsz-config meta tag', () => {
    const meta = document.createElement('meta')
    meta.name = 'zhsz-config'
    meta.content = JSON.stringify({ realm: 'from-meta', apiBase: 'https://api.example.org/' })
    document.head.appendChild(meta)
    window.__ZHSZ_CONFIG__ = { keycloakUrl: 'https://kc.example.org' }
    try {
      expect(loadConfig()).toEqual({
        keycloakUrl: 'https://kc.example.org',
        realm: 'from-meta',
        clientId: 'zhsz-web',
        apiBase: 'https://api.example.org',
      })
    } finally {
      meta.remove()
      delete window.__ZHSZ_CONFIG__
    }
  })
})
