package org.zhsz.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;



/** What the vision endpoints answer. Values are left out (null) for readers of the check-up advice only. */
final class VisionViews {

    private VisionViews() {
    }

    record EyeView(BigDecimal uncorrected, @Nullable BigDecimal corrected, @Nullable BigDecimal sphere,
                   @Nullable BigDecimal cylinder,
                   @Nullable Integer axis, String category, @Nullable BigDecimal sphericalEquivalent,
                   @Nullable Boolean screeningMyopia) {

        static EyeView of(VisionScreening.EyeRecord e) {
            return e == null ? null : new EyeView(e.uncorrected(), e.corrected(), e.sphere(), e.cylinder(), e.axis(),
                    e.category(), e.sphericalEquivalent(), e.screeningMyopia());
        }
    }

    /**
     * One school year's screening. {@code checkupAdvised} is always there; the rest only for readers of the values.
     * {@code advice} is NONE, RECHECK (复查) or SEE_DOCTOR (就医); {@code reasons} name why (screening_myopia, mild,
     * moderate, severe, corrected_below_normal, ortho_k), for the plain-language text the app shows.
     */
    record ScreeningView(String schoolYear, boolean checkupAdvised, @Nullable LocalDate examinedOn,
                         @Nullable String glasses,
                         @Nullable EyeView left, @Nullable EyeView right, @Nullable String category,
                         @Nullable Boolean screeningMyopia, @Nullable String advice,
                         @Nullable List<String> reasons, @Nullable Integer grade, @Nullable Long version,
                         @Nullable Instant updatedAt) {

        static ScreeningView full(VisionScreening s) {
            return new ScreeningView(s.schoolYear(), s.checkupAdvised(), s.examinedOn(), s.glasses().name(),
                    EyeView.of(s.left()), EyeView.of(s.right()), s.category(), s.screeningMyopia(),
                    s.advice().name(), s.reasons(), s.grade(), s.version(), s.updatedAt());
        }

        static ScreeningView adviceOnly(VisionScreening s) {
            return new ScreeningView(s.schoolYear(), s.checkupAdvised(), null, null, null, null, null, null, null,
                    null, null, null, null);
        }
    }

    /** A student's file: every school year, newest first. {@code detail} false = advice only. */
    record StudentVision(String studentId, boolean detail, List<ScreeningView> years) {
    }

    record GridRow(String studentId, String name, String sex, @Nullable ScreeningView result) {
    }

    /** A class's screenings of a year: {@code writable} for the school doctor and admin. */
    record ClassVision(String classId, String className, String schoolYear, int grade, String gradeName,
                       boolean detail, boolean writable, int members, int screened, int advised,
                       List<GridRow> rows) {
    }
}
