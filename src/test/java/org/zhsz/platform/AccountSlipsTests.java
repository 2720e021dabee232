package org.zhsz.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account slips a school prints and cuts apart; and the one-time passwords on them. */
class AccountSlipsTests {

    @Test
    void oneSlipPerPersonFourToAPageInChinese(@TempDir Path dir) throws Exception {
        List<AccountSlips.Slip> slips = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slips.add(new AccountSlips.Slip("李䶮" + i, "学生 · 七年级(1)班", "g64042420130901123" + i,
                    "abcd-efgh-jk2" + i));
        }
        Path pdf = dir.resolve("slips.pdf");
        Files.write(pdf, AccountSlips.render("泾源县第一中学", "七年级(1)班", "https://zhsz.example.org/", slips));

        String text = run("pdftotext", "-enc", "UTF-8", "-layout", pdf.toString(), "-");
        assertThat(text).contains("账号卡").contains("泾源县第一中学").contains("初始密码").contains("https://zhsz.example.org/")
                .contains("首次登录时须设置新密码");
        for (AccountSlips.Slip s : slips) {
            assertThat(text).contains(s.name()).contains(s.username()).contains(s.password());
        }
        assertThat(run("pdfinfo", pdf.toString())).containsPattern("Pages:\\s+2");
        // the rare character comes from the fallback font: it is drawn, not dropped
        assertThat(run("pdffonts", pdf.toString())).contains("WenQuanYi").contains("DroidSansFallback");
    }

    @Test
    void withNobodyToCreateThePageSaysSo() throws Exception {
        byte[] pdf = AccountSlips.render("泾源县第一中学", "七年级(1)班", "https://zhsz.example.org/", List.of());
        Path file = Files.createTempFile("slips", ".pdf");
        Files.write(file, pdf);
        assertThat(run("pdftotext", "-enc", "UTF-8", file.toString(), "-")).contains("本次没有新建账号");
        Files.delete(file);
    }

    @Test
    void temporaryPasswordsAreLongRandomAndFreeOfLookAlikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String p = TemporaryPasswords.next();
            assertThat(p).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").doesNotContainPattern("[01oli]");
            seen.add(p);
        }
        assertThat(seen).hasSize(2000);
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }
}
