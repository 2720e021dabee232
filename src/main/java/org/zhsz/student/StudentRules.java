package org.zhsz.student;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zhsz.platform.FieldError;

/** Validation of student facts, shared by the API and the roster import. Pure; unit-tested. */
final class StudentRules {

    /** 全国学籍号: an optional letter (G, L, J…) and an 18-character ID number. */
    static final java.util.regex.Pattern STUDENT_NO = java.util.regex.Pattern.compile("[A-Z]?\\d{17}[0-9X]");

    static final Set<String> ETHNICITIES = Set.of("汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族",
            "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族",
            "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族",
            "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族",
            "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族",
            "基诺族", "其他", "外国血统");

    private StudentRules() {
    }

    static String normalizeEthnicity(String e) {
        if (e == null || e.isBlank()) {
            return null;
        }
        String t = e.trim();
        if (ETHNICITIES.contains(t)) {
            return t;
        }
        if (ETHNICITIES.contains(t + "族")) {
            return t + "族";
        }
        return t;
    }

    static List<FieldError> validate(String studentNo, String name, Sex sex, LocalDate birthDate, String ethnicity,
                                     LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (studentNo == null || !STUDENT_NO.matcher(studentNo).matches()) {
            errors.add(FieldError.of("studentNo", "invalid", "field.student_no_format"));
        }
        errors.addAll(validateDetails(name, sex, birthDate, ethnicity, today));
        return errors;
    }

    static List<FieldError> validateDetails(String name, Sex sex, LocalDate birthDate, String ethnicity,
                                            LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(FieldError.of("name", "required", "field.required"));
        } else if (name.codePointCount(0, name.length()) > 30 || name.chars().anyMatch(Character::isDigit)) {
            errors.add(FieldError.of("name", "invalid", "field.person_name"));
        }
        if (sex == null) {
            errors.add(FieldError.of("sex", "required", "field.sex_value"));
        }
        if (birthDate == null) {
            errors.add(FieldError.of("birthDate", "required", "field.required"));
        } else if (birthDate.isAfter(today.minusYears(3)) || birthDate.isBefore(today.minusYears(30))) {
            errors.add(FieldError.of("birthDate", "out_of_range", "field.birth_date_implausible"));
        }
        if (ethnicity != null && !ETHNICITIES.contains(ethnicity)) {
            errors.add(FieldError.of("ethnicity", "invalid", "field.unknown_ethnicity", ethnicity));
        }
        return errors;
    }

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    /** Dates as schools type them; null when unreadable. */
    static LocalDate parseDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }
}
