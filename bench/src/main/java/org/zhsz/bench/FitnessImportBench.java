package org.zhsz.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.zhsz.ZhszApplication;
import org.zhsz.organization.TermCalendar;
import org.zhsz.platform.SchoolClock;
import org.zhsz.support.DemoUsers;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk fitness import, end to end, against a raw driver bulk insert of the same documents into the same store,
 * in one run (docs/architecture.md §10).
 *
 * <p>The app starts in-process on a fresh embedded store (mongo-java-server + durable H2 file, as in production's
 * default) with the demo county; 100,000 students are registered in school S1 (300 classes of 初一–初三), and a
 * 100,000-row XLSX in the schools' column layout is written. Then:
 * <ul>
 * <li><b>import</b>: the sheet goes through the whole stack in-process (WebFlux multipart upload, JWT of admin_s1,
 * access scope, streaming XLSX parse, 学籍号 lookup, scoring against the standard, version-guarded bulk upsert,
 * per-row report, audit);</li>
 * <li><b>raw</b> (baseline): the very documents the import stored are read back and inserted again with the driver's
 * {@code insertMany} in batches of the same size, into a fresh collection with the same indexes;</li>
 * <li><b>re-import</b>: the same sheet again (every row unchanged).</li>
 * </ul>
 * Both timed paths are warmed up first with 5,000 rows. Peak heap is sampled every 10 ms during the import. Run with
 * {@code JAVA_OPTS=-Xmx512m bench/run.sh org.zhsz.bench.FitnessImportBench [rows]}.
 */
public final class FitnessImportBench {

    static final int CLASSES_PER_GRADE = 100;
    static final int BATCH = 2000;

    private FitnessImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("zhsz-fitness-bench-");
        String year = TermCalendar.schoolYear(TermCalendar.codeOf(LocalDate.now(SchoolClock.ZONE)));
        int start = Integer.parseInt(year.substring(0, 4));
        System.setProperty("zhsz.project.dir", Path.of("").toAbsolutePath().toString());

        SpringApplication app = new SpringApplication(ZhszApplication.class);
        ConfigurableApplicationContext ctx = app.run(
                "--zhsz.store.embedded-path=" + dir.resolve("store.mv"),
                "--zhsz.store.demo-data=always",
                "--server.port=0",
                "--management.server.port=0",
                "--logging.level.root=warn",
                "--logging.level.org.zhsz=warn",
                "--spring.main.banner-mode=off");
        try {
            ReactiveMongoTemplate mongo = ctx.getBean(ReactiveMongoTemplate.class);
            WebTestClient web = WebTestClient.bindToApplicationContext(ctx)
                    .apply(SecurityMockServerConfigurers.springSecurity()).configureClient()
                    .responseTimeout(Duration.ofMinutes(10)).build();

            long t0 = System.nanoTime();
            List<Student> students = registerStudents(mongo, rows + 5_000, start);
            Path warmSheet = dir.resolve("warmup.xlsx");
            writeSheet(warmSheet, students.subList(rows, rows + 5_000), start, 7);
            Path sheet = dir.resolve("fitness-100k.xlsx");
            writeSheet(sheet, students.subList(0, rows), start, 42);
            System.out.printf(Locale.ROOT, "setup: %,d students, sheet %.1f MB, %.1f s%n", students.size(),
                    Files.size(sheet) / 1e6, (System.nanoTime() - t0) / 1e9);

            // warm-up of both paths (JIT, class loading, POI) on other rows
            Map<?, ?> warm = upload(web, warmSheet, year);
            System.out.println("warm-up import: " + summary(warm));
            rawInsert(mongo, "fitness_results_warmup", ids(rows, rows + 5_000, year));

            System.gc();
            HeapSampler heap = new HeapSampler();
            heap.start();
            System.out.println("import starts " + java.time.Instant.now());
            long c0 = cpuNanos();
            long i0 = System.nanoTime();
            Map<?, ?> report = upload(web, sheet, year);
            long importNanos = System.nanoTime() - i0;
            long importCpu = cpuNanos() - c0;
            heap.stopSampling();
            System.out.printf(Locale.ROOT, "import: %s in %.2f s (%s)%n", summary(report), importNanos / 1e9,
                    java.time.Instant.now());

            System.gc();
            long[] raw = rawInsert(mongo, "fitness_results_raw", ids(0, rows, year));
            long rawNanos = raw[0];
            long rawCount = raw[1];
            long rawCpu = raw[2];
            System.out.printf(Locale.ROOT, "raw insert: %,d documents in %.2f s (%s)%n", rawCount, rawNanos / 1e9,
                    java.time.Instant.now());

            long ac = cpuNanos();
            long a0 = System.nanoTime();
            Map<?, ?> again = upload(web, sheet, year);
            long againNanos = System.nanoTime() - a0;
            long againCpu = cpuNanos() - ac;
            System.out.println("re-import: " + summary(again));

            double importRate = rows / (importNanos / 1e9);
            double rawRate = rawCount / (rawNanos / 1e9);
            System.out.println();
            System.out.printf(Locale.ROOT, "%-44s %10s %12s %10s%n", "figure", "seconds", "rows/s", "cpu s");
            System.out.printf(Locale.ROOT, "%-44s %10.2f %,12.0f %10.2f%n", "raw driver insertMany (baseline)",
                    rawNanos / 1e9, rawRate, rawCpu / 1e9);
            System.out.printf(Locale.ROOT, "%-44s %10.2f %,12.0f %10.2f%n", "import: upload+parse+score+upsert+report",
                    importNanos / 1e9, importRate, importCpu / 1e9);
            System.out.printf(Locale.ROOT, "%-44s %10.2f %,12.0f %10.2f%n", "re-import of the same sheet (unchanged)",
                    againNanos / 1e9, rows / (againNanos / 1e9), againCpu / 1e9);
            System.out.println();
            double ratio = importRate / rawRate;
            System.out.printf(Locale.ROOT, "import/raw ratio: %.2f (goal >= 0.5: %s)%n", ratio,
                    ratio >= 0.5 ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "import of %,d rows: %.1f s (goal < 15 s: %s)%n", rows, importNanos / 1e9,
                    importNanos / 1e9 < 15 ? "met" : "NOT met");
            System.out.printf(Locale.ROOT, "heap during the import: peak used %.0f MB, peak after GC %.0f MB, "
                            + "max %.0f MB%n",
                    heap.peak() / 1e6, heap.peakAfterGc() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf(Locale.ROOT, "import/raw ratio by CPU time: %.2f%n",
                    (rawCpu / (double) rawCount) / (importCpu / (double) rows));
            System.out.printf(Locale.ROOT, "cores: %d, load average at the end: %.1f, java %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    System.getProperty("java.version"));
        } finally {
            ctx.close();
            deleteTree(dir);
        }
    }

    record Student(String id, String studentNo, String name, boolean male, int grade, String classId) {
    }

    /** 100,000+ students in S1, in 300 classes of 初一–初三, written straight into the students collection. */
    static List<Student> registerStudents(ReactiveMongoTemplate mongo, int n, int schoolYearStart) {
        List<Document> classes = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            int entry = schoolYearStart - g;
            for (int c = 0; c < CLASSES_PER_GRADE; c++) {
                classes.add(new Document("_id", "S1-B" + entry + "-" + c).append("schoolId", "S1")
                        .append("stage", "JUNIOR").append("entryYear", entry).append("classNo", 100 + c)
                        .append("active", true).append("version", 0L));
            }
        }
        mongo.getCollection("classes").flatMap(col -> Mono.from(col.insertMany(classes))).block();
        SplittableRandom rnd = new SplittableRandom(20140701);
        String[] family = {"马", "海", "李", "王", "杨", "张", "禹", "兰", "田", "刘", "苏", "何", "丁", "白", "金", "穆"};
        String[] given = {"浩然", "子涵", "宇轩", "雨桐", "欣怡", "思远", "文博", "晓燕", "婷婷", "一鸣", "佳怡", "振华"};
        List<Student> out = new ArrayList<>(n);
        List<Document> batch = new ArrayList<>();
        Date enrolled = Date.from(LocalDate.of(schoolYearStart, 9, 1).atStartOfDay(ZoneId.systemDefault())
                .toInstant());
        for (int i = 0; i < n; i++) {
            int g = i % 3;
            int entry = schoolYearStart - g;
            String classId = "S1-B" + entry + "-" + ((i / 3) % CLASSES_PER_GRADE);
            boolean male = rnd.nextBoolean();
            String id = "S1-B-" + i;
            String no = String.format(Locale.ROOT, "B640424%011d", i);
            String name = family[rnd.nextInt(family.length)] + given[rnd.nextInt(given.length)];
            LocalDate birth = LocalDate.of(entry - 12, 9, 1).plusDays(rnd.nextInt(365));
            out.add(new Student(id, no, name, male, 7 + g, classId));
            batch.add(new Document("_id", id).append("schoolId", "S1").append("studentNo", no).append("name", name)
                    .append("sex", male ? "M" : "F")
                    .append("birthDate", Date.from(birth.atStartOfDay(ZoneId.systemDefault()).toInstant()))
                    .append("ethnicity", "汉族").append("classId", classId).append("status", "ENROLLED")
                    .append("guardians", List.of())
                    .append("enrollments", List.of(new Document("classId", classId).append("from", enrolled)
                            .append("reason", "入学")))
                    .append("version", 0L));
            if (batch.size() == 5000) {
                List<Document> b = batch;
                mongo.getCollection("students").flatMap(col -> Mono.from(col.insertMany(b))).block();
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            List<Document> b = batch;
            mongo.getCollection("students").flatMap(col -> Mono.from(col.insertMany(b))).block();
        }
        return out;
    }

    static final String[] HEADER = {"学籍号", "姓名", "性别", "身高", "体重", "肺活量", "50米跑", "坐位体前屈", "一分钟跳绳",
            "一分钟仰卧起坐", "50米×8往返跑", "立定跳远", "引体向上", "1000米跑", "800米跑"};

    /** The schools' sheet: numbers as numbers, runs as 分'秒", with a streaming workbook. */
    static void writeSheet(Path file, List<Student> students, int schoolYearStart, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("体测成绩");
            Row h = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                h.createCell(i).setCellValue(HEADER[i]);
            }
            int r = 1;
            for (Student s : students) {
                Row row = sheet.createRow(r++);
                double ability = gaussian(rnd);
                row.createCell(0).setCellValue(s.studentNo());
                row.createCell(1).setCellValue(s.name());
                row.createCell(2).setCellValue(s.male() ? "男" : "女");
                double height = (s.male() ? 150 + 6 * (s.grade() - 7) : 151 + 3 * (s.grade() - 7))
                        + 6.5 * gaussian(rnd);
                double bmi = 18.5 + 2.8 * gaussian(rnd);
                row.createCell(3).setCellValue(round1(height));
                row.createCell(4).setCellValue(round1(Math.max(25, bmi * height * height / 10000)));
                row.createCell(5).setCellValue(Math.round((s.male() ? 2600 : 2100) + 550 * mix(ability, rnd)));
                row.createCell(6).setCellValue(round1((s.male() ? 8.6 : 9.4) - 0.7 * mix(ability, rnd)));
                row.createCell(7).setCellValue(round1((s.male() ? 6 : 10) + 6 * mix(ability, rnd)));
                row.createCell(11).setCellValue(Math.round((s.male() ? 190 : 160) + 20 * mix(ability, rnd)));
                if (s.male()) {
                    row.createCell(12).setCellValue(Math.max(0, Math.round(6 + 4 * mix(ability, rnd))));
                    row.createCell(13).setCellValue(time((int) Math.round(270 - 30 * mix(ability, rnd))));
                } else {
                    row.createCell(9).setCellValue(Math.max(0, Math.round(36 + 8 * mix(ability, rnd))));
                    row.createCell(14).setCellValue(time((int) Math.round(245 - 25 * mix(ability, rnd))));
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static double mix(double ability, SplittableRandom rnd) {
        return Math.max(-3, Math.min(3, 0.7 * ability + 0.7 * gaussian(rnd)));
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = Math.max(1e-12, rnd.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String time(int seconds) {
        return (seconds / 60) + "'" + String.format(Locale.ROOT, "%02d", seconds % 60) + "\"";
    }

    static Map<?, ?> upload(WebTestClient web, Path sheet, String year) {
        MultipartBodyBuilder mb = new MultipartBodyBuilder();
        mb.part("file", new FileSystemResource(sheet));
        return web.mutateWith(DemoUsers.jwt("admin_s1")).post().uri("/api/v1/fitness/import?year={y}", year)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(mb.build()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    static String summary(Map<?, ?> r) {
        return "total=" + r.get("total") + " created=" + r.get("created") + " updated=" + r.get("updated")
                + " unchanged=" + r.get("unchanged") + " rejected=" + r.get("rejected")
                + (((List<?>) r.get("errors")).isEmpty() ? "" : " first error=" + ((List<?>) r.get("errors")).get(0));
    }

    /** Ids of the results the import wrote for students from..to (exclusive). */
    static List<String> ids(int from, int to, String year) {
        List<String> ids = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            ids.add("S1-B-" + i + ":" + year);
        }
        return ids;
    }

    /**
     * The baseline: the documents the import stored, read back batch by batch (not timed) and inserted with the
     * driver's insertMany (timed) in batches of the import's size, into a fresh collection with the same indexes
     * (the _id and the unique {studentId, schoolYear, version}, plus the non-unique one the embedded store ignores).
     * Reading per batch keeps the baseline's memory as small as the import's.
     *
     * @return {nanoseconds spent in insertMany, documents inserted, process CPU nanoseconds spent in insertMany}
     */
    static long[] rawInsert(ReactiveMongoTemplate mongo, String collection, List<String> ids) {
        var ops = mongo.indexOps(collection);
        ops.createIndex(new Index().on("studentId", Sort.Direction.ASC).on("schoolYear", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC).unique().named("student_year_version")).block();
        ops.createIndex(new Index().on("schoolId", Sort.Direction.ASC).on("schoolYear", Sort.Direction.ASC)
                .on("grade", Sort.Direction.ASC).named("school_year_grade")).block();
        MongoCollection<Document> source = mongo.getCollection("fitness_results").block();
        MongoCollection<Document> target = mongo.getCollection(collection).block();
        long nanos = 0;
        long count = 0;
        long cpu = 0;
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<String> batchIds = ids.subList(i, Math.min(ids.size(), i + BATCH));
            List<Document> batch = Flux.range(0, (batchIds.size() + 99) / 100)
                    .concatMap(k -> Flux.from(source.find(new Document("_id", new Document("$in",
                            batchIds.subList(k * 100, Math.min(batchIds.size(), k * 100 + 100)))))))
                    .collectList().block();
            long c = cpuNanos();
            long t = System.nanoTime();
            Mono.from(target.insertMany(batch, new InsertManyOptions().ordered(false))).block();
            nanos += System.nanoTime() - t;
            cpu += cpuNanos() - c;
            count += batch.size();
        }
        return new long[]{nanos, count, cpu};
    }

    /** CPU time of the whole process (every thread: app, driver, embedded server), robust on a busy machine. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Samples used heap every 10 ms; the peak is what the import needed at most (garbage included). */
    static final class HeapSampler extends Thread {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();

        HeapSampler() {
            setDaemon(true);
            setName("heap-sampler");
        }

        @Override
        public void run() {
            Runtime rt = Runtime.getRuntime();
            List<java.lang.management.MemoryPoolMXBean> heapPools = java.lang.management.ManagementFactory
                    .getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP
                            && p.isCollectionUsageThresholdSupported())
                    .toList();
            while (running.get()) {
                long used = rt.totalMemory() - rt.freeMemory();
                peak.accumulateAndGet(used, Math::max);
                long afterGc = 0;
                for (var pool : heapPools) {
                    var u = pool.getCollectionUsage();
                    afterGc += u == null ? 0 : u.getUsed();
                }
                long live = afterGc;
                peakAfterGc.accumulateAndGet(live, Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stopSampling() {
            running.set(false);
        }

        long peak() {
            return peak.get();
        }

        /** The largest heap occupancy left after a collection: what the import really kept alive. */
        long peakAfterGc() {
            return peakAfterGc.get();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
