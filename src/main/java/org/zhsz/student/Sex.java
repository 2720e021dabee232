package org.zhsz.student;

/** As the fitness standard and the 学籍 system record it. */
public enum Sex {
    M, F;

    public String label() {
        return this == M ? "男" : "女";
    }

    public static Sex parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim()) {
            case "M", "m", "男", "male", "Male", "1" -> M;
            case "F", "f", "女", "female", "Female", "2" -> F;
            default -> null;
        };
    }
}
