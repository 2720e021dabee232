package org.zhsz.family;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.SchoolStage;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.ETags;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.HeaderColumns;
import org.zhsz.platform.Problems;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TabularReader;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 家庭劳动清单 per grade as data: the defaults in {@code family/home-tasks.json}, replaced per school and grade by a
 * list the school admin edits or imports (CSV/XLSX; per-row report; re-importing the same file changes nothing).
 */
@Service
class Checklists {

    static final int MAX_ROWS = 2000;

    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("年级", "grade"), Map.entry("grade", "grade"),
            Map.entry("编号", "code"), Map.entry("任务编号", "code"), Map.entry("code", "code"),
            Map.entry("任务", "title"), Map.entry("任务名称", "title"), Map.entry("title", "title"),
            Map.entry("说明", "description"), Map.entry("任务说明", "description"),
            Map.entry("description", "description"),
            Map.entry("频次", "frequency"), Map.entry("frequency", "frequency"),
            Map.entry("每次时长", "hours"), Map.entry("每次时长（小时）", "hours"), Map.entry("时长", "hours"),
            Map.entry("hours", "hours"),
            Map.entry("假期任务", "holiday"), Map.entry("holiday", "holiday"),
            Map.entry("开始日期", "from"), Map.entry("availablefrom", "from"),
            Map.entry("结束日期", "to"), Map.entry("availableto", "to"));

    private final Map<Integer, List<Docs.Task>> defaults = new TreeMap<>();
    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final OrganizationDirectory organization;
    private final AuditTrail audit;
    private final SchoolClock clock;

    Checklists(ReactiveMongoTemplate mongo, AccessPolicy access, OrganizationDirectory organization, AuditTrail audit,
               SchoolClock clock) throws IOException {
        this.mongo = mongo;
        this.access = access;
        this.organization = organization;
        this.audit = audit;
        this.clock = clock;
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = new ClassPathResource("family/home-tasks.json").getInputStream()) {
            JsonNode root = json.readTree(in);
            for (JsonNode band : root.get("bands")) {
                List<Docs.Task> items = new ArrayList<>();
                for (JsonNode it : band.get("items")) {
                    items.add(new Docs.Task(it.get("code").asString(), it.get("title").asString(),
                            it.path("description").asString(null), Docs.Frequency.valueOf(it.get("frequency")
                            .asString()), new BigDecimal(it.get("hours").asString()), it.path("holiday")
                            .asBoolean(false), null, null));
                }
                List<FieldError> problems = HomeTaskRules.validateChecklist(items);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("family/home-tasks.json is invalid: " + problems);
                }
                band.get("grades").forEach(g -> defaults.put(g.asInt(), List.copyOf(items)));
            }
        }
    }

    /** The checklist in force for a school's grade: the school's own, else the default. */
    Mono<List<Docs.Task>> forGrade(String schoolId, int grade) {
        return mongo.findById(Docs.Checklist.id(schoolId, grade), Docs.Checklist.class).map(Docs.Checklist::items)
                .defaultIfEmpty(defaults.getOrDefault(grade, List.of()));
    }

    List<Docs.Task> defaults(int grade) {
        return defaults.getOrDefault(grade, List.of());
    }

    record GradeChecklist(int grade, String gradeName, boolean custom, List<Docs.Task> items,
                          Docs.@Nullable Person updatedBy,
                          java.time.@Nullable Instant updatedAt, @Nullable Long version) {
    }

    record SchoolChecklists(String schoolId, List<GradeChecklist> grades) {
    }

    Mono<SchoolChecklists> ofSchool(Actor actor, String schoolId) {
        return access.requireSchool(actor, schoolId, DataClass.HOME_TASK_CHECKLIST, Action.READ)
                .flatMap(scope -> organization.school(schoolId))
                .flatMap(school -> Flux.fromIterable(grades(school.stage()))
                        .concatMap(g -> grade(schoolId, g))
                        .collectList().map(list -> new SchoolChecklists(schoolId, list)));
    }

    private Mono<GradeChecklist> grade(String schoolId, int g) {
        return mongo.findById(Docs.Checklist.id(schoolId, g), Docs.Checklist.class)
                .map(c -> new GradeChecklist(g, SchoolStage.gradeName(g), true, c.items(), c.updatedBy(),
                        c.updatedAt(), c.version()))
                .defaultIfEmpty(new GradeChecklist(g, SchoolStage.gradeName(g), false, defaults(g), null, null, null));
    }

    static List<Integer> grades(SchoolStage stage) {
        List<Integer> out = new ArrayList<>();
        for (int g = stage.firstGradeLevel(); g < stage.firstGradeLevel() + stage.years(); g++) {
            out.add(g);
        }
        return out;
    }

    Mono<GradeChecklist> replace(Actor actor, String schoolId, int grade, List<Docs.Task> items, Long expectedVersion) {
        return access.requireSchool(actor, schoolId, DataClass.HOME_TASK_CHECKLIST, Action.WRITE)
                .flatMap(scope -> organization.school(schoolId))
                .flatMap(school -> {
                    if (!grades(school.stage()).contains(grade)) {
                        return Mono.error(Problems.invalid("grade", "not_in_school",
                                "the school has no such grade"));
                    }
                    List<Docs.Task> normalized = items == null ? List.of() : items.stream().map(Checklists::normalize)
                            .toList();
                    List<FieldError> errors = HomeTaskRules.validateChecklist(normalized);
                    if (!errors.isEmpty()) {
                        return Mono.error(Problems.invalid(errors));
                    }
                    return mongo.findById(Docs.Checklist.id(schoolId, grade), Docs.Checklist.class)
                            .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(existing -> {
                                ETags.check(expectedVersion, existing.map(Docs.Checklist::version).orElse(null));
                                return mongo.save(new Docs.Checklist(Docs.Checklist.id(schoolId, grade), schoolId,
                                        grade, normalized, person(actor), clock.now(),
                                        existing.map(Docs.Checklist::version).orElse(null)));
                            })
                            .flatMap(saved -> audit.record(AuditEvent.allowed(actor, "home_task.checklist.update",
                                    "checklist", saved.id(), null, schoolId)).then(grade(schoolId, grade)));
                });
    }

    private static Docs.Person person(Actor actor) {
        return new Docs.Person(actor.username(), actor.displayName(), "school_admin");
    }

    private static Docs.Task normalize(Docs.Task t) {
        if (t == null) {
            return null;
        }
        String title = t.title() == null ? null : t.title().strip();
        String code = t.code() == null || t.code().isBlank() ? codeOf(title) : t.code().strip();
        return new Docs.Task(code, title, t.description() == null || t.description().isBlank() ? null
                : t.description().strip(), t.frequency(), t.hours(), t.holiday(), t.availableFrom(), t.availableTo());
    }

    /** A stable code for a task named only by its title (so re-importing the same list changes nothing). */
    static String codeOf(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest(title.strip().getBytes(StandardCharsets.UTF_8));
            return "t" + HexFormat.of().formatHex(h).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- import

    record RowError(int row, String field, String code) {
    }

    record GradeResult(int grade, String gradeName, int tasks, String outcome) {
    }

    record ImportReport(int rows, int accepted, int rejected, List<GradeResult> grades, List<RowError> errors) {
    }

    private record Row(int number, Map<String, String> values) {
    }

    /**
     * Each file lists tasks with their grade; every grade named in the file gets exactly the file's good rows as its
     * checklist ("unchanged" when that is what it already has). Bad rows are reported and left out.
     */
    Mono<ImportReport> importFile(Actor actor, String schoolId, Path file) {
        return access.requireSchool(actor, schoolId, DataClass.HOME_TASK_CHECKLIST, Action.WRITE)
                .flatMap(scope -> organization.school(schoolId))
                .flatMap(school -> Mono.fromCallable(() -> parse(file)).subscribeOn(Schedulers.boundedElastic())
                        .flatMap(rows -> apply(actor, schoolId, school.stage(), rows)));
    }

    private static List<Row> parse(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        HeaderColumns[] header = new HeaderColumns[1];
        TabularReader.read(file, (n, cells) -> {
            if (header[0] == null) {
                header[0] = HeaderColumns.of(cells, HEADERS);
                return;
            }
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw Problems.tooLarge("At most " + MAX_ROWS + " rows per import");
            }
            rows.add(new Row(n, header[0].values(cells)));
        });
        if (header[0] == null) {
            throw Problems.rule("empty_file", "The file has no header row");
        }
        for (String required : List.of("grade", "title", "frequency", "hours")) {
            if (!header[0].has(required)) {
                throw Problems.invalid("file", "missing_column", "the file needs a column " + required);
            }
        }
        return rows;
    }

    private Mono<ImportReport> apply(Actor actor, String schoolId, SchoolStage stage, List<Row> rows) {
        List<RowError> errors = new ArrayList<>();
        Map<Integer, List<Docs.Task>> byGrade = new TreeMap<>();
        Map<Integer, Map<String, Integer>> codeRows = new HashMap<>();
        int accepted = 0;
        for (Row r : rows) {
            Map<String, String> v = r.values();
            Integer grade = grade(v.get("grade"), stage);
            if (grade == null) {
                errors.add(new RowError(r.number(), "grade", "not_in_school"));
                continue;
            }
            Docs.Frequency freq = frequency(v.get("frequency"));
            BigDecimal hours;
            try {
                hours = v.get("hours") == null || v.get("hours").isBlank() ? null : new BigDecimal(v.get("hours"));
            } catch (NumberFormatException e) {
                hours = null;
            }
            LocalDate from;
            LocalDate to;
            try {
                from = date(v.get("from"));
                to = date(v.get("to"));
            } catch (DateTimeParseException e) {
                errors.add(new RowError(r.number(), "from", "date"));
                continue;
            }
            Docs.Task t = normalize(new Docs.Task(v.get("code"), v.get("title"), v.get("description"), freq, hours,
                    yes(v.get("holiday")), from, to));
            if (freq == null) {
                errors.add(new RowError(r.number(), "frequency", "invalid"));
                continue;
            }
            List<FieldError> problems = HomeTaskRules.validateChecklist(List.of(t));
            if (!problems.isEmpty()) {
                FieldError p = problems.get(0);
                errors.add(new RowError(r.number(), p.field().replace("items[0].", ""), p.code()));
                continue;
            }
            Map<String, Integer> seen = codeRows.computeIfAbsent(grade, k -> new HashMap<>());
            if (seen.containsKey(t.code())) {
                errors.add(new RowError(r.number(), "code", "duplicate"));
                continue;
            }
            seen.put(t.code(), r.number());
            byGrade.computeIfAbsent(grade, k -> new ArrayList<>()).add(t);
            accepted++;
        }
        int acceptedRows = accepted;
        return Flux.fromIterable(byGrade.entrySet()).concatMap(e -> {
            int g = e.getKey();
            List<Docs.Task> items = e.getValue();
            if (items.size() > HomeTaskRules.MAX_ITEMS) {
                return Mono.just(new GradeResult(g, SchoolStage.gradeName(g), items.size(), "too_many"));
            }
            return mongo.findById(Docs.Checklist.id(schoolId, g), Docs.Checklist.class)
                    .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(existing -> {
                        if (existing.isPresent() && existing.get().items().equals(items)) {
                            return Mono.just(new GradeResult(g, SchoolStage.gradeName(g), items.size(), "unchanged"));
                        }
                        return mongo.save(new Docs.Checklist(Docs.Checklist.id(schoolId, g), schoolId, g, items,
                                        person(actor), clock.now(), existing.map(Docs.Checklist::version).orElse(null)))
                                .thenReturn(new GradeResult(g, SchoolStage.gradeName(g), items.size(),
                                        existing.isPresent() ? "updated" : "created"));
                    });
        }).collectList().flatMap(results -> audit.record(AuditEvent.allowed(actor, "home_task.checklist.import",
                        "school", schoolId, null, schoolId)
                        .withReason(results.size() + " grades, " + acceptedRows + " rows"))
                .thenReturn(new ImportReport(rows.size(), acceptedRows, errors.size(), results, errors)));
    }

    private static final Map<String, Integer> GRADE_NAMES = new LinkedHashMap<>();

    static {
        for (int g = 1; g <= 12; g++) {
            GRADE_NAMES.put(SchoolStage.gradeName(g), g);
        }
        GRADE_NAMES.put("初一", 7);
        GRADE_NAMES.put("初二", 8);
        GRADE_NAMES.put("初三", 9);
    }

    static Integer grade(String cell, SchoolStage stage) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String c = cell.strip();
        Integer g = GRADE_NAMES.get(c);
        if (g == null && c.matches("\\d{1,2}(\\.0)?")) {
            g = Integer.parseInt(c.replace(".0", ""));
        }
        return g != null && grades(stage).contains(g) ? g : null;
    }

    static Docs.Frequency frequency(String cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.strip().toUpperCase(Locale.ROOT)) {
            case "每天", "每日", "DAILY" -> Docs.Frequency.DAILY;
            case "每周", "WEEKLY" -> Docs.Frequency.WEEKLY;
            case "一次", "每学期一次", "本学期一次", "ONCE" -> Docs.Frequency.ONCE;
            default -> null;
        };
    }

    private static boolean yes(String cell) {
        return cell != null && List.of("是", "y", "yes", "true", "1").contains(cell.strip().toLowerCase(Locale.ROOT));
    }

    private static LocalDate date(String cell) {
        return cell == null || cell.isBlank() ? null : LocalDate.parse(cell.strip().replace('/', '-'));
    }
}
