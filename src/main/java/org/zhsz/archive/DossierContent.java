package org.zhsz.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything printed on one student's dossier (学生综合素质评价档案), already selected, locked and
 * privacy-filtered by the caller: the renderer prints what it is given and nothing else. In particular the
 * 学籍号 arrives masked and no mental-health data belongs here (docs/architecture.md §2).
 *
 * <p>Optional texts may be {@code null} or blank and print as "—" (or are left out where a blank makes sense).
 *
 * @param school           issuing school
 * @param student          the student's basic data
 * @param terms            the locked term archives, in chronological order
 * @param fitness          体质健康 results per school year and the graduation score
 * @param approvals        school-level sign-off of the whole dossier (principal / 学校审核), may be empty
 * @param verificationCode code printed in groups of four and encoded in the QR code's URL
 * @param verificationUrl  where an admissions officer checks this dossier (the QR code links here)
 * @param generatedAt      when the dossier was produced; printed in school-local time (Asia/Shanghai)
 * @param portrait         the growth portrait (五育成长画像) of the dossier's terms, oldest first; empty prints no
 *                         portrait page
 */
public record DossierContent(
        School school,
        Student student,
        List<Term> terms,
        Fitness fitness,
        List<Signature> approvals,
        VerificationCode verificationCode,
        String verificationUrl,
        Instant generatedAt,
        List<PortraitTerm> portrait) {

    /** A dossier without a portrait page. */
    public DossierContent(School school, Student student, List<Term> terms, Fitness fitness,
                          List<Signature> approvals, VerificationCode verificationCode, String verificationUrl,
                          Instant generatedAt) {
        this(school, student, terms, fitness, approvals, verificationCode, verificationUrl, generatedAt, List.of());
    }

    public DossierContent {
        portrait = List.copyOf(portrait);
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(student, "student");
        terms = List.copyOf(terms);
        Objects.requireNonNull(fitness, "fitness");
        approvals = List.copyOf(approvals);
        Objects.requireNonNull(verificationCode, "verificationCode");
        Objects.requireNonNull(verificationUrl, "verificationUrl");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /**
     * @param name      school name, e.g. 泾源县第一中学
     * @param authority the line above it on the cover, e.g. 宁夏回族自治区泾源县教育体育局 (optional)
     */
    public record School(String name, String authority) {
        public School {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * @param name                  full name as registered (may contain rare characters such as 䶮)
     * @param gender                性别, e.g. 男 / 女
     * @param ethnicity             民族 (optional)
     * @param maskedStudentNumber   学籍号 already masked by the caller, e.g. G6404****0123; printed verbatim
     * @param className             班级, e.g. 九年级（3）班
     * @param stage                 学段, e.g. 初中 / 高中
     * @param enrollmentYear        入学年份
     * @param graduationYear        毕业年份 (届)
     */
    public record Student(
            String name,
            String gender,
            String ethnicity,
            String maskedStudentNumber,
            String className,
            String stage,
            int enrollmentYear,
            int graduationYear) {
        public Student {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(maskedStudentNumber, "maskedStudentNumber");
        }
    }

    /** The five dimensions of 综合素质评价, in the order the dossier prints them. */
    public enum Dimension {
        MORAL("思想品德"),
        ACADEMIC("学业水平"),
        HEALTH("身心健康"),
        ARTS("艺术素养"),
        LABOUR_PRACTICE("劳动与社会实践");

        private final String label;

        Dimension(String label) {
            this.label = label;
        }

        /** The Chinese heading printed on the dossier. */
        public String label() {
            return label;
        }
    }

    /**
     * One locked term archive.
     *
     * @param name               e.g. 2023—2024学年第一学期
     * @param sections           selected records per dimension; a dimension without a section prints as "no records"
     * @param selfStatement      自我陈述 by the student (optional)
     * @param headTeacherComment 班主任评语 (optional)
     * @param signatures         who signed this term's archive (student, guardian, head teacher, principal)
     */
    public record Term(
            String name,
            List<Section> sections,
            String selfStatement,
            String headTeacherComment,
            List<Signature> signatures) {
        public Term {
            Objects.requireNonNull(name, "name");
            sections = List.copyOf(sections);
            signatures = List.copyOf(signatures);
        }

        /** The section of a dimension, or an empty one. */
        public Section section(Dimension dimension) {
            for (Section s : sections) {
                if (s.dimension() == dimension) {
                    return s;
                }
            }
            return new Section(dimension, List.of());
        }
    }

    public record Section(Dimension dimension, List<Entry> entries) {
        public Section {
            Objects.requireNonNull(dimension, "dimension");
            entries = List.copyOf(entries);
        }
    }

    /**
     * One selected 写实记录.
     *
     * @param title record title, e.g. 参加县级中学生运动会 1500 米
     * @param date  when it happened (optional)
     * @param level 级别, e.g. 校级 / 县级 / 市级 / 省级 / 国家级 (optional)
     * @param award 奖项或等次, e.g. 一等奖 (optional)
     * @param hours 时长 in hours, for labour and practice (optional)
     */
    public record Entry(String title, LocalDate date, String level, String award, BigDecimal hours) {
        public Entry {
            Objects.requireNonNull(title, "title");
        }
    }

    /** Who signed, and when; a {@code null} date prints as unsigned. */
    public record Signature(SignatureRole role, String name, LocalDate date) {
        public Signature {
            Objects.requireNonNull(role, "role");
        }
    }

    public enum SignatureRole {
        STUDENT("学生本人"),
        GUARDIAN("家长（监护人）"),
        HEAD_TEACHER("班主任"),
        PRINCIPAL("校长（学校审核）");

        private final String label;

        SignatureRole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * 《国家学生体质健康标准》 results.
     *
     * @param years             one row per school year
     * @param graduationScore   毕业成绩 (optional)
     * @param graduationRating  毕业等级, e.g. 良好 (optional)
     */
    public record Fitness(List<FitnessYear> years, BigDecimal graduationScore, String graduationRating) {
        public Fitness {
            years = List.copyOf(years);
        }
    }

    /**
     * @param schoolYear e.g. 2023—2024学年
     * @param grade      e.g. 七年级 (optional)
     * @param totalScore 学年总分 (optional)
     * @param rating     等级: 优秀 / 良好 / 及格 / 不及格 (optional)
     */
    public record FitnessYear(String schoolYear, String grade, BigDecimal totalScore, String rating) {
        public FitnessYear {
            Objects.requireNonNull(schoolYear, "schoolYear");
        }
    }

    /** One term of the portrait: a score (0–100, null when nothing counts) and level per dimension, and figures. */
    public record PortraitTerm(String termName, List<PortraitDimension> dimensions, List<PortraitFigure> figures) {
        public PortraitTerm {
            dimensions = List.copyOf(dimensions);
            figures = List.copyOf(figures);
        }
    }

    public record PortraitDimension(String label, Integer score, String level) {
    }

    public record PortraitFigure(String label, String value) {
    }
}
