/**
 * Append-only, hash-chained audit trail: every write, every read of sensitive data, every export and every
 * denied attempt; verification of the chains and the families' access log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.zhsz.audit;
