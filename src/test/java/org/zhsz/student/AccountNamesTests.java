package org.zhsz.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhsz.platform.PersonNames;
import org.zhsz.platform.Role;

/** How login names are made, and which accounts a class needs (plain rules, no Keycloak). */
class AccountNamesTests {

    @Test
    void studentsLogInWithTheirStudentNumberAndGuardiansWithTheirMobile() {
        assertThat(AccountNames.forStudent(" G64042420130901123X ")).isEqualTo("g64042420130901123x");
        assertThat(AccountNames.forGuardian("139-0000-1234", "G1", 0)).isEqualTo("13900001234");
        assertThat(AccountNames.forGuardian("+86 139 0000 1234", "G1", 0)).isEqualTo("13900001234");
        assertThat(AccountNames.forGuardian("0086-13900001234", "G1", 0)).isEqualTo("13900001234");
        assertThat(AccountNames.forGuardian("0954-5012345", "G1", 0)).isEqualTo("09545012345");
        // no usable number: the child's 学籍号 and which guardian
        assertThat(AccountNames.forGuardian(null, "G123", 1)).isEqualTo("g123-p2");
        assertThat(AccountNames.forGuardian("12", "G123", 0)).isEqualTo("g123-p1");
        assertThat(AccountNames.candidate("13900001234", 1)).isEqualTo("13900001234");
        assertThat(AccountNames.candidate("13900001234", 3)).isEqualTo("13900001234-3");
    }

    @Test
    void namesSplitIntoFamilyAndGivenAsKeycloakWantsThem() {
        assertThat(PersonNames.familyAndGiven("马思远")).containsExactly("马", "思远");
        assertThat(PersonNames.familyAndGiven("欧阳明远")).containsExactly("欧阳", "明远");
        assertThat(PersonNames.familyAndGiven("阿依古丽·买买提")).containsExactly("买买提", "阿依古丽");
        assertThat(PersonNames.familyAndGiven("李䶮")).containsExactly("李", "䶮");
        assertThat(PersonNames.familyAndGiven("𠀋明")).containsExactly("𠀋", "明"); // a surrogate pair stays whole
        assertThat(PersonNames.familyAndGiven("马")).containsExactly("马", "马");
    }

    private static Student student(String id, String no, String username, List<Student.Guardian> guardians) {
        return new Student(id, "S1", no, "学生" + id, Sex.M, LocalDate.of(2013, 9, 1), "汉族", "S1-C2",
                StudentStatus.ENROLLED, username, guardians, List.of(), 1L, Instant.EPOCH, "t", Instant.EPOCH, "t");
    }

    @Test
    void aClassNeedsAccountsForWhoeverHasNoneAndSiblingsShareTheirGuardians() {
        Student a = student("A", "G1", null, List.of(new Student.Guardian(null, "王父", "父亲", "13900000001"),
                new Student.Guardian(null, "王母", "母亲", null)));
        Student b = student("B", "G2", null, List.of(new Student.Guardian(null, "王父", "父亲", "139 0000 0001")));
        Student c = student("C", "G3", "g3", List.of(new Student.Guardian("13900000003", "张父", "父亲",
                "13900000003")));
        Student d = student("D", "G4", null, List.of(new Student.Guardian(null, "李父", "父亲", "13900000004")));
        StudentAccounts.Known known = new StudentAccounts.Known();
        known.byPerson.put("13900000004|李父", "13900000004"); // d's father already has an account (a sibling elsewhere)

        List<StudentAccounts.Person> people = StudentAccounts.plan(List.of(a, b, c, d), "七年级(2)班", known);

        assertThat(people).extracting(p -> p.base).containsExactly("g1", "13900000001", "g1-p2", "g2", "g4");
        assertThat(people).extracting(p -> p.role).containsExactly(Role.STUDENT, Role.PARENT, Role.PARENT,
                Role.STUDENT, Role.STUDENT);
        StudentAccounts.Person father = people.get(1);
        assertThat(father.links).containsExactly(new StudentAccounts.Link("A", 0), new StudentAccounts.Link("B", 0));
        assertThat(father.who).isEqualTo("家长 · 学生A的父亲");
        assertThat(people.get(0).who).isEqualTo("学生 · 七年级(2)班");
        assertThat(people.get(0).marker).isEqualTo("student:A");
        assertThat(known.reuse).containsExactly(new StudentAccounts.Link("D", 0));
        assertThat(known.reusedUsernames).containsExactly("13900000004");
    }
}
