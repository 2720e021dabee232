import { describe, expect, it } from 'vitest'
import { MENU, menuFor, menuPages, type MenuItem } from './menu'
import { PAGE_ACCESS, canOpen } from './access'
import { grantsOf, type Grants } from './grants'
import { routes } from '@/router/routes'
import type { RouteRecordRaw } from 'vue-router'
import type { Me } from '@/api/types'
import demo from './demo-me.json'

/**
 * The menu built from what GET /api/v1/me answers for each demo user (demo-me.json is written by the server's
 * MePermissionsTests, which also checks that every permission's page answers and every missing one is refused).
 */
const DEMO = demo as unknown as Record<string, Pick<Me, 'roles' | 'studentId' | 'children' | 'permissions'>>
const as = (user: string): Grants => grantsOf(DEMO[user] as Me)

function pagesOf(items: MenuItem[]): string[] {
  return items.flatMap((m) => (m.children ? pagesOf(m.children) : m.page ? [m.page] : []))
}

const pages = (user: string) => pagesOf(menuFor(as(user)))

function routeNames(records: RouteRecordRaw[]): string[] {
  return records.flatMap((r) => [...(typeof r.name === 'string' ? [r.name] : []), ...routeNames(r.children ?? [])])
}

describe('permissions → menu', () => {
  it('gives a student their own profile, records, screenings, publicity, sign-off and who-read-my-file', () => {
    expect(pages('student_c1a')).toEqual([
      'home',
      'my-profile',
      'records',
      'health-family',
      'wellbeing-my-screenings',
      'notices',
      'home-tasks',
      'five-management',
      'publicity',
      'archive-signoff',
      'access-log',
      'consents',
    ])
  })

  it("gives a parent the child profile and the access log, never staff pages or the child's screenings", () => {
    const p = pages('parent_c1a')
    expect(p).toEqual(
      expect.arrayContaining(['child-profile', 'records', 'publicity', 'archive-signoff', 'access-log', 'consents']),
    )
    expect(p).not.toContain('my-profile')
    expect(p).not.toContain('my-classes')
    expect(p).not.toContain('wellbeing-my-screenings')
    expect(p).not.toContain('admin-students')
    expect(p).not.toContain('wellbeing-cases')
  })

  it('does not offer a subject teacher fitness statistics (their class answers 403 there)', () => {
    const p = pages('teacher_c1')
    expect(p).toEqual(
      expect.arrayContaining(['my-classes', 'records', 'fitness-entry', 'publicity', 'wellbeing-my-tasks']),
    )
    expect(p).not.toContain('fitness-stats')
    expect(p).not.toContain('records-review')
    expect(p).not.toContain('archive-signoff')
  })

  it('gives the PE teacher fitness entry and statistics; the head teacher the review queue and coverage', () => {
    expect(pages('pe_c1')).toEqual(expect.arrayContaining(['fitness-entry', 'fitness-stats']))
    const head = pages('head_c1')
    expect(head).toEqual(
      expect.arrayContaining(['records-review', 'records-coverage', 'archive-signoff', 'fitness-stats']),
    )
    expect(head.filter((p) => p === 'my-classes')).toHaveLength(1)
    expect(head).not.toContain('wellbeing-cases')
  })

  it('gives a school admin the whole school-admin group, exports and statistics, not "my classes"', () => {
    const menu = menuFor(as('admin_s1'))
    const group = menu.find((m) => m.key === 'school-admin')
    expect(group?.children?.map((c) => c.page)).toEqual([
      'admin-classes',
      'admin-students',
      'admin-roster-import',
      'admin-staff',
      'admin-assignments',
      'admin-terms',
      'admin-processing-bases',
      'admin-grants',
    ])
    const p = pagesOf(menu)
    expect(p).toEqual(
      expect.arrayContaining(['exports', 'fitness-stats', 'records-coverage', 'record-categories', 'wellbeing-school']),
    )
    expect(p).not.toContain('my-classes')
  })

  it('shows mental-health casework to the school counselors only', () => {
    for (const user of Object.keys(DEMO)) {
      const p = pages(user)
      const counselor = user.startsWith('counselor_')
      expect(p.includes('wellbeing-cases'), user).toBe(counselor)
      expect(p.includes('wellbeing-alerts'), user).toBe(counselor)
    }
  })

  it('keeps county roles and admissions away from individual student pages', () => {
    for (const user of ['bureau', 'admissions', 'auditor']) {
      expect(canOpen('student-profile', as(user)), user).toBe(false)
      expect(canOpen('class-roster', as(user)), user).toBe(false)
    }
    expect(pages('bureau')).toEqual([
      'home',
      'health-county',
      'insight-county',
      'insight-county-report',
      'five-management-stats',
      'county-stats',
    ])
    expect(pages('auditor')).toEqual(['home', 'insight-county-report', 'audit'])
    expect(pages('admissions')).toEqual(['home', 'exports'])
  })

  it('offers the early warnings to those who act on them: class, school, county counts', () => {
    expect(pages('head_c1')).toContain('insight-class-warnings')
    expect(pages('head_c1')).not.toContain('insight-school-warnings')
    expect(pages('counselor_s1')).toEqual(expect.arrayContaining(['insight-class-warnings', 'insight-school-warnings']))
    expect(pages('admin_s1')).toEqual(expect.arrayContaining(['insight-class-warnings', 'insight-school-warnings']))
    for (const user of ['teacher_c1', 'pe_c1', 'doctor_s1', 'parent_c1a', 'student_c1a', 'auditor']) {
      for (const page of ['insight-class-warnings', 'insight-school-warnings', 'insight-county']) {
        expect(pages(user), `${user} ${page}`).not.toContain(page)
      }
    }
  })

  it('gives the school doctor the health pages, never records, wellbeing or archives', () => {
    const p = pages('doctor_s1')
    expect(p).toEqual(
      expect.arrayContaining(['health-vision', 'health-follow-ups', 'health-overview', 'health-vision-stats']),
    )
    for (const page of [
      'records',
      'records-review',
      'wellbeing-alerts',
      'wellbeing-cases',
      'wellbeing-school',
      'archive-signoff',
      'publicity',
      'access-log',
      'health-register',
    ]) {
      expect(p, page).not.toContain(page)
    }
    expect(canOpen('student-profile', as('doctor_s1'))).toBe(true)
    expect(pages('head_c1')).toEqual(expect.arrayContaining(['health-register', 'health-vision']))
    expect(pages('parent_c1a')).toContain('health-family')
  })

  it('shows only home without permissions, and never an empty group', () => {
    const menu = menuFor(grantsOf(null))
    expect(menu.map((m) => m.key)).toEqual(['home'])
    for (const user of Object.keys(DEMO)) {
      expect(
        menuFor(as(user)).every((m) => !m.children || m.children.length > 0),
        user,
      ).toBe(true)
    }
  })

  it('gives every demo user at least one page besides home', () => {
    for (const user of Object.keys(DEMO)) expect(pages(user).length, user).toBeGreaterThan(1)
  })

  it('offers a page only with the permission it needs, for the right student', () => {
    const child = grantsOf({
      children: [{ studentId: 'S1-C1-01', name: '', classId: 'S1-C1', className: '', schoolId: 'S1' }],
      permissions: [{ code: 'profile.read', scope: 'student', ids: ['S1-C1-01'] }],
    } as Me)
    expect(canOpen('child-profile', child)).toBe(true)
    expect(canOpen('my-profile', child)).toBe(false)
    const otherChild = grantsOf({
      children: [{ studentId: 'S1-C1-02', name: '', classId: 'S1-C1', className: '', schoolId: 'S1' }],
      permissions: [{ code: 'profile.read', scope: 'student', ids: ['S1-C1-01'] }],
    } as Me)
    expect(canOpen('child-profile', otherChild)).toBe(false)
  })
})

describe('menu, access table and router agree', () => {
  const names = routeNames(routes)

  it('every menu page is a route', () => {
    for (const page of menuPages(MENU)) expect(names, page).toContain(page)
  })

  it('every access rule names a route, and every route but the error pages has a rule', () => {
    for (const page of Object.keys(PAGE_ACCESS)) expect(names, page).toContain(page)
    const unguarded = names.filter((n) => !(n in PAGE_ACCESS))
    expect(unguarded.sort()).toEqual(['forbidden', 'not-found'])
  })

  it('every permission a page asks for is one the server grants to some demo user', () => {
    const granted = new Set(Object.values(DEMO).flatMap((u) => (u.permissions ?? []).map((p) => p.code)))
    for (const [page, rule] of Object.entries(PAGE_ACCESS)) {
      if (rule === 'all') continue
      for (const code of rule.any) expect(granted.has(code.split('@')[0]), `${page}: ${code}`).toBe(true)
    }
  })

  it('menu keys are unique', () => {
    const keys = MENU.flatMap((m) => [m.key, ...(m.children ?? []).map((c) => c.key)])
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('feature pages by permission', () => {
  it('keeps mental-health content with counselors: head teachers get their tasks, school admins counts only', () => {
    expect(pages('head_c1')).toContain('wellbeing-my-tasks')
    expect(pages('head_c1')).not.toContain('wellbeing-screenings')
    expect(pages('admin_s1').filter((p) => p.startsWith('wellbeing-') && p !== 'wellbeing-my-tasks')).toEqual([
      'wellbeing-school',
    ])
    expect(canOpen('wellbeing-case', as('admin_s1'))).toBe(false)
    expect(canOpen('wellbeing-case', as('counselor_s1'))).toBe(true)
  })

  it('shows no page as coming soon any more', () => {
    const all = MENU.flatMap((m) => [m, ...(m.children ?? [])])
    expect(all.filter((m) => m.comingSoon).map((m) => m.key)).toEqual([])
  })

  it('names the admissions officer page for what it is (招生档案查阅), not 导出中心', () => {
    const entry = menuFor(as('admissions')).find((m) => m.page === 'exports')
    expect(entry?.title).toBe('menu.admissions')
    expect(menuFor(as('admin_s1')).find((m) => m.page === 'exports')?.title).toBe('menu.exports')
  })
})
