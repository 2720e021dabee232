import { describe, expect, it } from 'vitest'
import { isPublicPath } from './public'

describe('public pages', () => {
  it('opens /verify and /verify/CODE without sign-in, nothing else', () => {
    expect(isPublicPath('/verify')).toBe(true)
    expect(isPublicPath('/verify/5GD2-2CM8-P896')).toBe(true)
    expect(isPublicPath('/verifyX')).toBe(false)
    expect(isPublicPath('/')).toBe(false)
    expect(isPublicPath('/students/S1-C1-01')).toBe(false)
  })
})
