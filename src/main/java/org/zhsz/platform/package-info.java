/**
 * Cross-cutting platform: the request's {@link org.zhsz.platform.Actor}, RFC 9457 problems, ids, the school
 * clock, paging, idempotency, the embedded store and field encryption. Knows no feature module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.zhsz.platform;
