package org.zhsz.platform;

/**
 * Whether modules load their part of the demo county at start. By default only into the embedded store, never
 * into a real MongoDB unless {@code zhsz.store.demo-data=always}. Loading is idempotent: what exists is kept.
 */
public record DemoMode(boolean enabled) {

    /** The demo county's fixed ids, shared by every module's demo data. */
    public static final String COUNTY = "640424";
    public static final String S1 = "S1";
    public static final String S2 = "S2";
    public static final String C1 = "S1-C1";
    public static final String C2 = "S1-C2";
    public static final String S2_C1 = "S2-C1";

    /**
     * Whether a student is one of the demo's own (a class id and a number: {@code S1-C1-07}), not one the school
     * added to a demo class since (an id of the store's own, and perhaps no guardians): demo data at every start must
     * leave those alone.
     */
    public static boolean isDemoStudent(String studentId) {
        String no = studentId.substring(studentId.lastIndexOf('-') + 1);
        return !no.isEmpty() && no.chars().allMatch(Character::isDigit);
    }
}
