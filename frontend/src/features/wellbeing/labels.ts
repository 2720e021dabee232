/** Colours of the 一人一案 risk levels (red, orange, yellow, green: the county's four-colour scheme). */
export const RISK_COLORS: Record<string, string> = {
  red: '#d03050',
  orange: '#e07b1a',
  yellow: '#c9a400',
  green: '#2e9c5a',
}

export function riskColor(level: string | undefined | null): string {
  return (level && RISK_COLORS[level]) || '#909399'
}
