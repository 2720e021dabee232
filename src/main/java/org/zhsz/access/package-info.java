/**
 * Who sees what: resolves an actor's relationships to a student or class from the platform's own data
 * (assignments, guardianship, grants) and decides per data class with one rule table (docs/access-model.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.zhsz.access;
