/**
 * 家校共育: class notices with receipts and their delivery (in-app inbox, and per county SMS, 企业微信 or 钉钉), home
 * tasks families tick and confirm (which become labour records for the head teacher's review), and 五项管理 (weekly
 * family check-ins, declared homework, class, school and county statistics). {@link org.zhsz.family.FamilyFigures}
 * is the read API for other modules; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Family")
package org.zhsz.family;
