package org.zhsz.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.FieldError;

/** A class notice is to the whole class: it may not single out a child. */
class NoticeRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final List<String> CLASS = List.of("马思远", "李䶮", "杨雨桐");

    private static List<String> codes(String title, String body, LocalDate due) {
        return NoticeRules.validate(new NoticeRules.Draft(title, body, true, due, List.of()), TODAY, CLASS).stream()
                .map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void anOrdinaryNoticeIsFine() {
        assertThat(codes("期末考试安排", "请督促孩子按时作息，认真复习。有事请联系班主任马晓梅老师。", TODAY.plusDays(3))).isEmpty();
    }

    @Test
    void namingAStudentOfTheClassIsRefusedWhereverItStands() {
        assertThat(codes("期末考试安排", "马思远同学本次月考数学不及格，请家长督促。", null)).containsExactly("body:names_a_student");
        assertThat(codes("表扬杨雨桐", "见附件", null)).containsExactly("title:names_a_student");
        // spacing does not hide a name, and a rare character is a name like any other
        assertThat(codes("通知", "请 马 思远 的家长来校一趟", null)).containsExactly("body:names_a_student");
        assertThat(codes("通知", "李䶮家长请到校", null)).containsExactly("body:names_a_student");
    }

    @Test
    void idAndStudentNumbersAreRefused() {
        assertThat(codes("通知", "学籍号 G640424201309010128 的学生请补交材料", null)).containsExactly("body:personal_number");
        assertThat(codes("通知", "身份证64042420130901012X已登记", null)).containsExactly("body:personal_number");
        // a phone number or a date is not an ID number
        assertThat(codes("通知", "联系电话 13912345678，2026年12月20日前交回", null)).isEmpty();
    }

    @Test
    void lengthsAndDatesAreChecked() {
        assertThat(codes(" ", "正文", null)).containsExactly("title:required");
        assertThat(codes("标".repeat(61), "正文", null)).containsExactly("title:too_long");
        assertThat(codes("标".repeat(60), "文".repeat(2000), TODAY)).isEmpty();
        assertThat(codes("标题", "文".repeat(2001), null)).containsExactly("body:too_long");
        assertThat(codes("标题", "正文", TODAY.minusDays(1))).containsExactly("dueOn:in_past");
        assertThat(codes("标题", "正文", TODAY.plusDays(181))).containsExactly("dueOn:too_far");
    }

    @Test
    void attachmentsAreLimited() {
        List<FieldError> e = NoticeRules.validate(new NoticeRules.Draft("标题", "正文", false, null,
                List.of("a", "b", "c", "d", "e", "f")), TODAY, CLASS);
        assertThat(e).extracting(FieldError::code).containsExactly("too_many");
        e = NoticeRules.validate(new NoticeRules.Draft("标题", "正文", false, null, List.of("a", "a")), TODAY, CLASS);
        assertThat(e).extracting(FieldError::code).containsExactly("duplicate");
    }
}
