/**
 * Who sees what: resolves an actor's relationships to a student, class, school, county or their own account from
 * the platform's own data (assignments, guardianship, enrolment, grants) and decides per data class with one rule
 * table; records every denial; tells the web app what the user may do (docs/access-model.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.zhsz.access;
