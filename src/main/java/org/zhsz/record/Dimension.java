package org.zhsz.record;

/** The national 综评 dimensions (with 劳动 and 社会实践 kept apart, as the county plan counts labour hours). */
public enum Dimension {
    MORAL("思想品德"), ACADEMIC("学业水平"), PHYSICAL("身心健康"), ARTS("艺术素养"), LABOUR("劳动"),
    SOCIAL_PRACTICE("社会实践");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
