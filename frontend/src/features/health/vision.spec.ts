import { describe, expect, it } from 'vitest'
import {
  axisHint,
  counts,
  dioptreHint,
  eyeInput,
  eyeText,
  fivePointHint,
  markAbsent,
  markPresent,
  schoolToday,
  setType,
  toBody,
  toggleSymptom,
} from './vision'

describe('vision hints while typing', () => {
  it('five-point values are 3.0–5.3 in steps of 0.1', () => {
    expect(fivePointHint('3.0')).toBeNull()
    expect(fivePointHint('2.9')).toBe('range')
    expect(fivePointHint('5.3')).toBeNull()
    expect(fivePointHint('5.4')).toBe('range')
    expect(fivePointHint('4.85')).toBe('step')
    expect(fivePointHint('1.0')).toBe('range')
    expect(fivePointHint('abc')).toBe('number')
    expect(fivePointHint('')).toBeNull()
  })

  it('dioptres are in steps of 0.25 within the limit, axis 0–180', () => {
    expect(dioptreHint('-1.25', 30)).toBeNull()
    expect(dioptreHint('+0.75', 30)).toBeNull()
    expect(dioptreHint('−0.50', 30)).toBeNull()
    expect(dioptreHint('-1.30', 30)).toBe('step')
    expect(dioptreHint('-30.25', 30)).toBe('range')
    expect(dioptreHint('-10.25', 10)).toBe('range')
    expect(axisHint('180')).toBeNull()
    expect(axisHint('181')).toBe('range')
    expect(axisHint('90.5')).toBe('range')
  })

  it('stored eyes round-trip through the inputs', () => {
    const text = eyeText({ uncorrected: 4.8, sphere: -1.25, cylinder: -0.5, axis: 180 })
    expect(text).toEqual({ uncorrected: '4.8', corrected: '', sphere: '-1.25', cylinder: '-0.50', axis: '180' })
    expect(eyeInput(text)).toEqual({
      uncorrected: '4.8',
      corrected: null,
      sphere: '-1.25',
      cylinder: '-0.50',
      axis: '180',
    })
  })
})

describe('the register keeps only the exceptions', () => {
  it('marks, changes and removes absences; symptoms only when sick', () => {
    let reg = markAbsent(new Map(), 'a')
    reg = toggleSymptom(reg, 'a', 'FEVER')
    reg = markAbsent(reg, 'b', 'PERSONAL')
    reg = toggleSymptom(reg, 'b', 'FEVER')
    expect(toBody(reg)).toEqual([
      { studentId: 'a', type: 'SICK', symptoms: ['FEVER'], note: null },
      { studentId: 'b', type: 'PERSONAL', symptoms: [], note: null },
    ])
    expect(counts(reg, 40)).toEqual({ present: 38, absent: 2, SICK: 1, PERSONAL: 1, OTHER: 0 })
    reg = setType(reg, 'a', 'OTHER')
    expect(toBody(reg)[0]).toEqual({ studentId: 'a', type: 'OTHER', symptoms: [], note: null })
    reg = markPresent(reg, 'a')
    expect(counts(reg, 40)).toEqual({ present: 39, absent: 1, SICK: 0, PERSONAL: 1, OTHER: 0 })
  })

  it('the school day is Beijing time, whatever the device says', () => {
    // 2026-12-06 17:30 UTC is already 2026-12-07 01:30 in Beijing
    expect(schoolToday(new Date(Date.UTC(2026, 11, 6, 17, 30)))).toBe('2026-12-07')
  })
})
