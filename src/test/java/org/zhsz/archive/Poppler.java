package org.zhsz.archive;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Looks at PDFs the way a reader's tools do, with poppler-utils (Debian package {@code poppler-utils}:
 * pdftotext, pdffonts, pdftoppm, pdfsig, pdfinfo). Tests fail, rather than skip, when it is missing.
 */
final class Poppler {

    private Poppler() {
    }

    static String text(Path pdf) {
        return run("pdftotext", "-enc", "UTF-8", "-layout", pdf.toString(), "-");
    }

    static String rawText(Path pdf) {
        return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
    }

    static String fonts(Path pdf) {
        return run("pdffonts", pdf.toString());
    }

    static String info(Path pdf) {
        return run("pdfinfo", pdf.toString());
    }

    static String sig(Path pdf) {
        return run("pdfsig", pdf.toString());
    }

    /** Renders one page to {@code <prefix>.png}. */
    static Path png(Path pdf, int page, int dpi, Path prefix) {
        run("pdftoppm", "-r", Integer.toString(dpi), "-f", Integer.toString(page), "-l", Integer.toString(page),
                "-png", "-singlefile", pdf.toString(), prefix.toString());
        return Path.of(prefix + ".png");
    }

    static Path write(Path dir, String name, byte[] pdf) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.write(file, pdf);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String run(String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command[0] + " timed out");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail(command[0] + " not found: install poppler-utils (apt-get install -y poppler-utils)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
