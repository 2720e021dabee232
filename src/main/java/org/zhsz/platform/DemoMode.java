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
}
