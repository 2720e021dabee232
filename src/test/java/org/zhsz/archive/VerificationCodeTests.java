package org.zhsz.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerificationCodeTests {

    @Test
    void printsInGroupsOfFour() {
        assertThat(new VerificationCode("K7QH2M9XPA4T").formatted()).isEqualTo("K7QH-2M9X-PA4T");
    }

    @Test
    void readsWhatPeopleType() {
        VerificationCode expected = new VerificationCode("K7QH2M9XPA4T");
        for (String typed : new String[] {"K7QH-2M9X-PA4T", "k7qh2m9xpa4t", " k7qh 2m9x pa4t ", "K7QH－2M9X—PA4T", "K7QH-2M9XPA4T"}) {
            assertThat(VerificationCode.parse(typed)).as(typed).contains(expected);
        }
    }

    @Test
    void rejectsLookAlikesWrongLengthsAndJunk() {
        for (String bad : new String[] {"K7QH-2M9X-PA40", "K7QH-2M9X-PA4O", "K7QH-2M9X-PA41", "K7QH-2M9X-PA4I",
                "K7QH-2M9X-PA4L", "K7QH-2M9X-PA4", "K7QH-2M9X-PA4TT", "", "K7QH_2M9X_PA4T", "学生综合素质评价档案"}) {
            assertThat(VerificationCode.parse(bad)).as(bad).isEmpty();
        }
        assertThat(VerificationCode.parse(null)).isEmpty();
        assertThatThrownBy(() -> new VerificationCode("k7qh2m9xpa4t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alphabetHasNoAmbiguousCharacters() {
        assertThat(VerificationCode.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
    }

    @Test
    void randomCodesUseTheWholeAlphabetAndDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            VerificationCode code = VerificationCode.random();
            assertThat(codes.add(code.value())).isTrue();
            assertThat(VerificationCode.parse(code.formatted())).contains(code);
            code.value().chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(VerificationCode.ALPHABET.length());
    }
}
