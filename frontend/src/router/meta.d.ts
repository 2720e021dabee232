import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (breadcrumb, document title) */
    title?: string
    /** route name of the breadcrumb parent */
    parent?: string
    /** parent to use instead when the user may not open `parent` (e.g. a school admin's class roster) */
    altParent?: string
    /** page is usable on a phone (student/parent pages); purely informative for now */
    mobile?: boolean
  }
}
