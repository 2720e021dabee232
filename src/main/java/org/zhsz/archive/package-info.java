/**
 * 综评档案: term archives (selection, self-statement, comment, fitness summary), publicity with objections,
 * sign-off and lock with a content hash, amendments chained to the old hash, the signed Chinese dossier PDF,
 * public verification, and release to admissions. Never reaches the wellbeing module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archive")
package org.zhsz.archive;
