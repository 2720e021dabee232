import { describe, expect, it } from 'vitest'
import { breakKind, describeBreak } from './verification'

const t = (k: string, p?: Record<string, unknown>) => (p ? `${k} ${JSON.stringify(p)}` : k)

describe('audit chain breaks in the UI language', () => {
  it('recognises the three kinds of break the server reports', () => {
    expect(breakKind('missing event (seq 7 absent: deleted?)')).toBe('missing')
    expect(breakKind('missing event (seq 9 to 12 absent at the end: deleted?)')).toBe('missing')
    expect(breakKind('link to the previous event does not match (previous event changed or replaced)')).toBe('relinked')
    expect(breakKind('content does not match its hash (event changed)')).toBe('changed')
    expect(breakKind('something new')).toBeNull()
  })

  it("takes the kind from the server's code when there is one", () => {
    expect(breakKind('seal 3 of stream S1/abc does not match the checkpoint …', 'checkpoint')).toBe('checkpoint')
    expect(breakKind('an event that no seal accounts for', 'inserted')).toBe('inserted')
    expect(breakKind('content does not match its hash (event changed)', 'something_newer')).toBe('changed')
    expect(
      describeBreak(
        { seq: 0, problem: '检查点文件 x.json 无效（签名或内容被修改）', problemCode: 'checkpoint_invalid' },
        t,
      ),
    ).toBe('audit.brokenDetail {"chain":"–","seq":0,"problem":"audit.problems.checkpoint_invalid"}')
  })

  it('names the chain and the event number, and keeps an unknown problem as the server wrote it', () => {
    expect(describeBreak({ chain: 'S1', seq: 7, problem: 'content does not match its hash (event changed)' }, t)).toBe(
      'audit.brokenDetail {"chain":"S1","seq":7,"problem":"audit.problems.changed"}',
    )
    expect(describeBreak({ chain: 'county', seq: 2, problem: 'odd' }, t)).toBe(
      'audit.brokenDetail {"chain":"audit.county","seq":2,"problem":"odd"}',
    )
  })
})
