/**
 * 心理健康 一人一案: screening instruments as data, campaigns, same-request alerts, individual plans, sessions and
 * referrals. Counselor-only content, encrypted at field level, every read audited. Nothing here flows into
 * records, publicity, archives or exports (verified by the module test).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wellbeing")
package org.zhsz.wellbeing;
