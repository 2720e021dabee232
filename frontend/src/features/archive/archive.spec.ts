import { describe, expect, it } from 'vitest'
import type { ArchiveView } from '@/api/archive'
import { canComment, canEditSelection, canSign, nextSigner, phaseStep, shortHash, signBlocker } from './phase'
import { charCount, countIn, groupByDimension, sameSelection, selectionOf, toggle } from './selection'

type View = Pick<ArchiveView, 'phase' | 'status' | 'nextSignatures' | 'openObjections' | 'signatures'>
const view = (v: Partial<View>): View => ({
  phase: 'SELECTING',
  status: 'DRAFT',
  nextSignatures: ['STUDENT', 'GUARDIAN', 'HEAD_TEACHER', 'PRINCIPAL'],
  openObjections: 0,
  signatures: [],
  ...v,
})

describe('archive phase', () => {
  it('maps phases to the steps bar', () => {
    expect(phaseStep('SELECTING')).toBe(0)
    expect(phaseStep('IN_PUBLICITY')).toBe(1)
    expect(phaseStep('SIGNING')).toBe(2)
    expect(phaseStep('LOCKED')).toBe(3)
    expect(phaseStep('SOMETHING_NEW')).toBe(0)
  })

  it('opens selection only while the archive is a draft, and the comment until the first signature', () => {
    expect(canEditSelection(view({}))).toBe(true)
    expect(canEditSelection(view({ phase: 'IN_PUBLICITY', status: 'PUBLICITY' }))).toBe(false)
    expect(canComment(view({ phase: 'IN_PUBLICITY', status: 'PUBLICITY' }))).toBe(true)
    expect(
      canComment(
        view({
          phase: 'SIGNING',
          status: 'SIGNING',
          signatures: [{ role: 'STUDENT', username: 's', name: '学生', at: 'x' }],
        }),
      ),
    ).toBe(false)
  })

  it('lets each signer sign in turn, after publicity and with no open objection', () => {
    const during = view({ phase: 'IN_PUBLICITY', status: 'PUBLICITY' })
    expect(signBlocker(during, 'student')).toBe('not_yet')
    const after = view({ phase: 'SIGNING', status: 'PUBLICITY' })
    expect(canSign(after, 'student')).toBe(true)
    expect(signBlocker(after, 'guardian')).toBe('not_your_turn')
    expect(signBlocker({ ...after, openObjections: 1 }, 'student')).toBe('objections')
    const studentDone = view({
      phase: 'SIGNING',
      status: 'SIGNING',
      nextSignatures: ['GUARDIAN', 'HEAD_TEACHER', 'PRINCIPAL'],
      signatures: [{ role: 'STUDENT', username: 's', name: '学生', at: 'x' }],
    })
    expect(signBlocker(studentDone, 'student')).toBe('signed')
    expect(canSign(studentDone, 'guardian')).toBe(true)
    expect(nextSigner(studentDone)).toBe('GUARDIAN')
    const locked = view({ phase: 'LOCKED', status: 'LOCKED', nextSignatures: [] })
    expect(signBlocker(locked, 'principal')).toBe('locked')
    expect(nextSigner(locked)).toBeUndefined()
  })

  it('shortens a content hash for display', () => {
    expect(shortHash('426c48d317f9ae16deee3e70e176419b05855969f385dfd7143cc2cf0ace2a95')).toBe('426c48d3…0ace2a95')
    expect(shortHash(undefined)).toBe('—')
  })
})

describe('archive selection', () => {
  it('adds and removes picks and refuses more than the limit per dimension', () => {
    let sel = {}
    for (const id of ['a', 'b', 'c']) sel = toggle(sel, 'MORAL', id, 3).selection
    expect(countIn(sel, 'MORAL')).toBe(3)
    const refused = toggle(sel, 'MORAL', 'd', 3)
    expect(refused.refused).toBe('limit')
    expect(refused.selection).toBe(sel)
    const other = toggle(sel, 'ARTS', 'x', 3)
    expect(other.refused).toBeUndefined()
    expect(countIn(other.selection, 'ARTS')).toBe(1)
    const removed = toggle(sel, 'MORAL', 'b', 3).selection
    expect(removed.MORAL).toEqual(['a', 'c'])
    expect(toggle(toggle({}, 'ARTS', 'x', 3).selection, 'ARTS', 'x', 3).selection).toEqual({})
  })

  it('reads the current selection from the archive and compares selections', () => {
    const sel = selectionOf({ selected: { MORAL: [{ id: 'r1' } as never, { id: 'r2' } as never], ARTS: [] } })
    expect(sel).toEqual({ MORAL: ['r1', 'r2'] })
    expect(sameSelection(sel, { MORAL: ['r1', 'r2'], ARTS: [] })).toBe(true)
    expect(sameSelection(sel, { MORAL: ['r2', 'r1'] })).toBe(false)
  })

  it('groups records by dimension in the national order', () => {
    const groups = groupByDimension([{ dimension: 'ARTS' }, { dimension: 'MORAL' }, { dimension: 'ARTS' }] as never[], [
      'MORAL',
      'ACADEMIC',
      'ARTS',
    ])
    expect(groups.map(([d, l]) => [d, l.length])).toEqual([
      ['MORAL', 1],
      ['ARTS', 2],
    ])
  })

  it('counts characters as the server does (code points)', () => {
    expect(charCount('我𠮷a')).toBe(3)
    expect(charCount(undefined)).toBe(0)
  })
})
