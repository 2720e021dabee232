package org.zhsz.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The national upload layout's data files: every grade, both sexes, the 56 nationalities and GB/T 3304's extras. */
class NationalLayoutTests {

    @Test
    void gradeCodesFollowThePlatformsScheme() {
        assertThat(NationalLayout.gradeCode(1)).isEqualTo("11");
        assertThat(NationalLayout.gradeCode(6)).isEqualTo("16");
        assertThat(NationalLayout.gradeCode(7)).isEqualTo("21");
        assertThat(NationalLayout.gradeCode(9)).isEqualTo("23");
        assertThat(NationalLayout.gradeCode(10)).isEqualTo("31");
        assertThat(NationalLayout.gradeCode(12)).isEqualTo("33");
        assertThat(NationalLayout.gradeCode(13)).isEmpty();
        // secondary grades are above 20, as the platform's checker reads them
        for (int g = 7; g <= 12; g++) {
            assertThat(Integer.parseInt(NationalLayout.gradeCode(g))).isGreaterThan(20);
        }
    }

    @Test
    void sexAndEthnicityCodes() {
        assertThat(NationalLayout.sexCode("M")).isEqualTo("1");
        assertThat(NationalLayout.sexCode("F")).isEqualTo("2");
        assertThat(NationalLayout.ethnicityCode("汉族")).isEqualTo("01");
        assertThat(NationalLayout.ethnicityCode("回族")).isEqualTo("03");
        assertThat(NationalLayout.ethnicityCode(" 基诺族 ")).isEqualTo("56");
        assertThat(NationalLayout.ethnicityCode("外国血统中国籍人士")).isEqualTo("98");
        assertThat(NationalLayout.ethnicityCode("火星族")).isEmpty();
        assertThat(NationalLayout.ethnicityCode(null)).isEmpty();
    }

    @Test
    void everyColumnHasAFieldTheExportWrites() {
        List<NationalLayout.Column> columns = NationalLayout.columns();
        assertThat(columns).hasSize(30);
        Set<String> fields = new HashSet<>();
        for (NationalLayout.Column c : columns) {
            assertThat(fields.add(c.field())).as("field " + c.field() + " once").isTrue();
            boolean known = Set.of("gradeCode", "classNo", "className", "studentNo", "ethnicityCode", "name", "sexCode",
                    "birthDate", "address", "okLens").contains(c.field()) || c.field().contains(".")
                    || FitnessScorer.slotOf(c.field()) >= 0;
            assertThat(known).as(c.header() + " → " + c.field()).isTrue();
        }
        // every measurement the import knows by name has its column, under a header the import reads back
        for (NationalLayout.Column c : columns) {
            if (FitnessScorer.slotOf(c.field()) >= 0) {
                assertThat(SheetColumns.field(c.header())).as(c.header()).isEqualTo(c.field());
            }
        }
    }
}
