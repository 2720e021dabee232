package org.zhsz.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The VM route (docs/install-vm.md): systemd accepts ops/systemd/zhsz.service without a warning, and the unit runs
 * the app as its own unprivileged user with its settings from an env file and its output in the journal.
 */
class SystemdUnitTests {

    private static final Path UNIT = Path.of("ops", "systemd", "zhsz.service");

    @Test
    void systemdAcceptsTheUnitWithoutAWarning() throws Exception {
        Process p = new ProcessBuilder("systemd-analyze", "verify", UNIT.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.strip()).as("systemd-analyze warnings").isEmpty();
    }

    @Test
    void theServiceRunsUnprivilegedFromAnEnvFileIntoTheJournal() throws Exception {
        List<String> lines = Files.readAllLines(UNIT).stream().map(String::strip)
                .filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        assertThat(lines).contains("User=zhsz", "Group=zhsz", "EnvironmentFile=/etc/zhsz/zhsz.env",
                "StandardOutput=journal", "StandardError=journal", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "Restart=on-failure", "SuccessExitStatus=143", "WantedBy=multi-user.target");
        assertThat(lines).filteredOn(l -> l.startsWith("ExecStart=")).singleElement()
                .satisfies(l -> assertThat(l).contains("-jar /opt/zhsz/zhsz.jar"));
        String env = Files.readString(Path.of("ops", "systemd", "zhsz.env"));
        assertThat(env).contains("MANAGEMENT_SERVER_ADDRESS=127.0.0.1").contains("ZHSZ_ISSUER_URI=")
                .contains("ZHSZ_DEMO_DATA=never").contains("LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs");
    }
}
