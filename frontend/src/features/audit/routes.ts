import { comingSoonRoute } from '@/components/comingSoon'

export default [comingSoonRoute('audit', 'audit', 'menu.audit', 'audit')]
