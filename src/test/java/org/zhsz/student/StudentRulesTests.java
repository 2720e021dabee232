package org.zhsz.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class StudentRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void acceptsAValidStudent() {
        assertThat(StudentRules.validate("G64042420140728505X", "李䶮", Sex.M, LocalDate.of(2014, 7, 28), "回族",
                TODAY)).isEmpty();
    }

    @Test
    void namesEveryBadField() {
        assertThat(StudentRules.validate("123", "张3", null, LocalDate.of(2025, 1, 1), "火星族", TODAY))
                .extracting(e -> e.field())
                .containsExactlyInAnyOrder("studentNo", "name", "sex", "birthDate", "ethnicity");
    }

    @Test
    void readsDatesAsSchoolsTypeThem() {
        LocalDate d = LocalDate.of(2014, 7, 8);
        for (String s : new String[]{"2014-07-08", "2014/7/8", "2014.7.8", "20140708", "2014年7月8日"}) {
            assertThat(StudentRules.parseDate(s)).as(s).isEqualTo(d);
        }
        assertThat(StudentRules.parseDate("08/07/2014")).isNull();
    }

    @Test
    void masksPrivateIdentifiers() {
        assertThat(StudentView.mask("G64042420140728505X")).isEqualTo("G6404***********05X");
        assertThat(StudentView.maskName("马思远")).isEqualTo("马*远");
        assertThat(StudentView.maskName("李䶮")).isEqualTo("李*");
        assertThat(StudentView.maskName("欧阳娜娜")).isEqualTo("欧**娜");
    }

    @Test
    void demoIdNumbersCarryAValidCheckCharacter() {
        String id = DemoStudents.idNumber(LocalDate.of(1949, 10, 1), 123);
        assertThat(id).hasSize(18).startsWith("64042419491001123");
        // ISO 7064 MOD 11-2 recomputed independently
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * w[i];
        }
        assertThat(id.charAt(17)).isEqualTo("10X98765432".charAt(sum % 11));
        assertThat(DemoStudents.idNumber(LocalDate.of(1949, 10, 1), 123)).isEqualTo(id);
    }
}
