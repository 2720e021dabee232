/**
 * Regions, schools, terms (学年学期), classes and who teaches which class in which role each term;
 * the county's staff registry and counselor ↔ school assignments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package org.zhsz.organization;
