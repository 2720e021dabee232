import { describe, expect, it } from 'vitest'
import { isBlock, nextRow, parseClipboard } from './gridKeys'

describe('the fitness grid as a spreadsheet', () => {
  it('reads a column and a block copied from Excel, keeping gaps', () => {
    expect(parseClipboard('8.6\r\n9.1\r\n\r\n')).toEqual([['8.6'], ['9.1']])
    expect(parseClipboard('150.2\t42.5\t2450\n148\t\t2100\n')).toEqual([
      ['150.2', '42.5', '2450'],
      ['148', '', '2100'],
    ])
    expect(isBlock(parseClipboard('8.6'))).toBe(false)
    expect(isBlock(parseClipboard('8.6\n9.1'))).toBe(true)
    expect(isBlock(parseClipboard('8.6\t9.1'))).toBe(true)
  })

  it('moves down a column with Enter and ↓, up with ↑ and Shift+Enter, and stops at the ends', () => {
    expect(nextRow('Enter', false, 3, 40)).toBe(4)
    expect(nextRow('ArrowDown', false, 3, 40)).toBe(4)
    expect(nextRow('ArrowUp', false, 3, 40)).toBe(2)
    expect(nextRow('Enter', true, 3, 40)).toBe(2)
    expect(nextRow('Enter', false, 39, 40)).toBeNull()
    expect(nextRow('ArrowUp', false, 0, 40)).toBeNull()
    expect(nextRow('a', false, 3, 40)).toBeNull()
  })
})
