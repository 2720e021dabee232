/** The tag colour of a record status (display only; what a user may do with a record comes from the server). */
export function statusType(status: string): 'info' | 'warning' | 'success' | 'danger' | 'primary' {
  switch (status) {
    case 'APPROVED':
      return 'success'
    case 'SUBMITTED':
      return 'warning'
    case 'REJECTED':
      return 'danger'
    case 'DRAFT':
      return 'primary'
    default:
      return 'info'
  }
}
