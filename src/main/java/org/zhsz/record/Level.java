package org.zhsz.record;

/** 级别: at what level an event or award happened. */
public enum Level {
    SCHOOL("校级"), COUNTY("县级"), CITY("市级"), PROVINCE("省级"), NATIONAL("国家级");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
