package org.zhsz.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams many dossiers into one ZIP (batch export for admissions) with bounded memory: items are pulled from
 * an iterator, rendered (and signed) at most {@code window} at a time on the given executor, and written in
 * input order as soon as the head is done, so no more than {@code window} PDFs are ever held. PDFs are
 * already compressed, so entries are STORED (no second deflate pass).
 *
 * <p>Blocking: run it on {@code boundedElastic} with an output stream to a file or a pipe.
 */
public final class DossierZip {

    private final Executor executor;
    private final int window;

    /**
     * @param executor where PDFs are produced (e.g. a fixed pool the size of the cores, or a Reactor scheduler)
     * @param window   how many PDFs may be in flight; the number of cores or a little more
     */
    public DossierZip(Executor executor, int window) {
        this.executor = Objects.requireNonNull(executor, "executor");
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.window = window;
    }

    /**
     * Writes one entry per item and finishes the ZIP; {@code out} is left open.
     *
     * @param entryName the entry's file name, e.g. {@code 九年级3班/李䶮-K7QH2M9XPA4T.pdf}; a repeated name gets
     *                  a " (2)" suffix rather than failing the batch
     * @param pdf       produces the (signed) PDF of an item; called on the executor, so it must be thread-safe
     * @return the number of entries written
     */
    public <T> int write(OutputStream out, Iterator<? extends T> items, Function<? super T, String> entryName,
            Function<? super T, byte[]> pdf) {
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
        zip.setMethod(ZipOutputStream.STORED);
        ArrayDeque<CompletableFuture<Named>> inFlight = new ArrayDeque<>(window);
        Set<String> names = new HashSet<>();
        int written = 0;
        try {
            while (items.hasNext() || !inFlight.isEmpty()) {
                while (inFlight.size() < window && items.hasNext()) {
                    T item = items.next();
                    String name = entryName.apply(item);
                    inFlight.add(CompletableFuture.supplyAsync(() -> new Named(name, pdf.apply(item)), executor));
                }
                Named next = join(inFlight.poll());
                writeEntry(zip, unique(names, next.name()), next.bytes());
                written++;
            }
            zip.finish();
            zip.flush();
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inFlight.forEach(f -> f.cancel(false));
        }
    }

    private static void writeEntry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static String unique(Set<String> names, String name) {
        if (names.add(name)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; ; i++) {
            String candidate = stem + " (" + i + ")" + ext;
            if (names.add(candidate)) {
                return candidate;
            }
        }
    }

    private static Named join(CompletableFuture<Named> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private record Named(String name, byte[] bytes) {
    }

    /** Lets the caller own the stream: finishing the ZIP must not close it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
