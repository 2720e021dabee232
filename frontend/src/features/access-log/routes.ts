import { comingSoonRoute } from '@/components/comingSoon'

// 访问记录: guardians (and students) see who read their file
export default [comingSoonRoute('access-log', 'access-log', 'menu.accessLog', 'accessLog', 'home', true)]
