/**
 * Term archives (selection, publicity, sign-off, lock) and the verifiable dossier PDF (综评档案): rendering,
 * the school's digital signature, verification codes and streamed batch export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Archive")
package org.zhsz.archive;
