import { describe, expect, it } from 'vitest'
import { MENU, menuFor, menuPages, type MenuItem } from './menu'
import { PAGE_ACCESS, canOpen } from './access'
import { routes } from '@/router/routes'
import type { RouteRecordRaw } from 'vue-router'
import { ROLES } from '@/api/types'

function pagesOf(items: MenuItem[]): string[] {
  return items.flatMap((m) => (m.children ? pagesOf(m.children) : m.page ? [m.page] : []))
}

function routeNames(records: RouteRecordRaw[]): string[] {
  return records.flatMap((r) => [...(typeof r.name === 'string' ? [r.name] : []), ...routeNames(r.children ?? [])])
}

describe('role → menu', () => {
  it('gives a student their own profile, records, publicity, sign-off and who-read-my-file', () => {
    const pages = pagesOf(menuFor(['student']))
    expect(pages).toEqual([
      'home',
      'my-profile',
      'records',
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

  it('gives a parent the child profile and the access log, never staff pages', () => {
    const pages = pagesOf(menuFor(['parent']))
    expect(pages).toContain('child-profile')
    expect(pages).toContain('access-log')
    expect(pages).toContain('consents')
    expect(pages).not.toContain('my-classes')
    expect(pages).not.toContain('admin-students')
    expect(pages).not.toContain('wellbeing-cases')
  })

  it('gives teachers their classes and fitness entry; head teachers also the review queue', () => {
    const teacher = pagesOf(menuFor(['teacher']))
    expect(teacher).toEqual(expect.arrayContaining(['my-classes', 'records', 'fitness-entry', 'fitness-stats']))
    expect(teacher).not.toContain('records-review')
    const head = pagesOf(menuFor(['teacher', 'head_teacher']))
    expect(head).toContain('records-review')
    expect(head.filter((p) => p === 'my-classes')).toHaveLength(1) // union, no duplicates
  })

  it('gives a school admin the whole school-admin group', () => {
    const menu = menuFor(['school_admin'])
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
    expect(pagesOf(menu)).toContain('exports')
    expect(pagesOf(menu)).not.toContain('my-classes')
  })

  it('shows mental-health casework to counselors only', () => {
    for (const role of ROLES) {
      const pages = pagesOf(menuFor([role]))
      expect(pages.includes('wellbeing-cases')).toBe(role === 'counselor')
      expect(pages.includes('wellbeing-alerts')).toBe(role === 'counselor')
    }
  })

  it('keeps county roles away from individual student pages', () => {
    for (const role of ['bureau_admin', 'admissions_officer', 'auditor']) {
      expect(canOpen('student-profile', [role])).toBe(false)
      expect(canOpen('class-roster', [role])).toBe(false)
    }
    expect(pagesOf(menuFor(['bureau_admin']))).toEqual(['home', 'five-management-stats', 'county-stats'])
    expect(pagesOf(menuFor(['auditor']))).toEqual(['home', 'audit'])
    expect(pagesOf(menuFor(['admissions_officer']))).toEqual(['home', 'exports'])
  })

  it('drops empty groups and shows only home for unknown roles', () => {
    const menu = menuFor(['someone_else'])
    expect(menu.map((m) => m.key)).toEqual(['home'])
    expect(menu.every((m) => !m.children || m.children.length > 0)).toBe(true)
  })

  it('gives every role at least one page besides home', () => {
    for (const role of ROLES) {
      expect(pagesOf(menuFor([role])).length, role).toBeGreaterThan(1)
    }
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

  it('menu keys are unique', () => {
    const keys = MENU.flatMap((m) => [m.key, ...(m.children ?? []).map((c) => c.key)])
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('feature pages by role', () => {
  it('keeps mental-health content with counselors: head teachers get their tasks, school admins counts only', () => {
    const head = pagesOf(menuFor(['teacher', 'head_teacher']))
    expect(head).toContain('wellbeing-my-tasks')
    expect(head).not.toContain('wellbeing-screenings')
    const admin = pagesOf(menuFor(['school_admin']))
    expect(admin).toContain('wellbeing-school')
    expect(admin.filter((p) => p.startsWith('wellbeing-'))).toEqual(['wellbeing-school'])
    expect(canOpen('wellbeing-case', ['school_admin'])).toBe(false)
    expect(canOpen('wellbeing-case', ['counselor'])).toBe(true)
  })

  it('gives the school admin the categories editor, coverage, fitness entry, class archives and exports', () => {
    const admin = pagesOf(menuFor(['school_admin']))
    expect(admin).toEqual(expect.arrayContaining(['record-categories', 'records-coverage', 'fitness-entry', 'archive-signoff', 'publicity', 'exports']))
    expect(pagesOf(menuFor(['teacher']))).not.toContain('record-categories')
  })

  it('shows no page as coming soon any more', () => {
    const all = MENU.flatMap((m) => [m, ...(m.children ?? [])])
    expect(all.filter((m) => m.comingSoon).map((m) => m.key)).toEqual([])
  })

  it('names the admissions officer page for what it is (招生档案查阅), not 导出中心', () => {
    const entry = menuFor(['admissions_officer']).find((m) => m.page === 'exports')
    expect(entry?.title).toBe('menu.admissions')
    expect(menuFor(['school_admin']).find((m) => m.page === 'exports')?.title).toBe('menu.exports')
  })
})
