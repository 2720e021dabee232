package org.zhsz.student;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.ClassView;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.AccountSlips;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;
import org.zhsz.platform.Role;
import org.zhsz.platform.SchoolClock;
import org.zhsz.platform.TemporaryPasswords;
import org.zhsz.platform.UserAccounts;
import org.zhsz.platform.UserAccounts.Account;
import org.zhsz.platform.UserAccounts.NewAccount;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keycloak accounts for a class's students and guardians, and keeping them in step with the student's status.
 *
 * <p>Creating a class's accounts: every student without an account gets one named after the 学籍号, every guardian
 * without one gets one named after the mobile number (a guardian of siblings gets one account for all of them).
 * The accounts are made first; only when all exist are they linked to the students, one atomic update per student.
 * If Keycloak fails half-way the accounts made so far are deleted again and the request answers 503 with nothing
 * linked; an account that could not even be deleted carries a marker of whom it was made for, so the next run
 * takes it over (new one-time password) instead of making another. Calling it again creates nothing.
 *
 * <p>Status: a student who transfers out or graduates has their account disabled, and a guardian's account too
 * once none of their children is still at a school; transferring back in enables them again. Keycloak is changed
 * before the student is saved, so a status change that fails with 503 changed nothing.
 */
@Service
class StudentAccounts {

    private static final Logger log = LoggerFactory.getLogger(StudentAccounts.class);
    static final Set<StudentStatus> ACTIVE = Set.of(StudentStatus.ENROLLED, StudentStatus.SUSPENDED);

    private final StudentRepository students;
    private final ReactiveMongoTemplate mongo;
    private final StudentDirectory directory;
    private final OrganizationDirectory organization;
    private final AccessPolicy access;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final SchoolClock clock;

    StudentAccounts(StudentRepository students, ReactiveMongoTemplate mongo, StudentDirectory directory,
                    OrganizationDirectory organization, AccessPolicy access, UserAccounts accounts, AuditTrail audit,
                    SchoolClock clock) {
        this.students = students;
        this.mongo = mongo;
        this.directory = directory;
        this.organization = organization;
        this.access = access;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** One new account as the API answers it; the password is shown once and kept nowhere. */
    record CreatedAccount(String username, String role, String studentId, String name, String temporaryPassword) {
    }

    record Result(List<CreatedAccount> created, int existing) {
    }

    /** The result plus what a printed slip needs. */
    record Outcome(Result result, String schoolName, String className, String loginUrl,
                   List<AccountSlips.Slip> slips) {
    }

    /** Who has an account in a class (no Keycloak call: the platform's own links). */
    record ClassAccounts(String classId, List<StudentAccount> students, int withAccount, int withoutAccount) {
    }

    record StudentAccount(String studentId, String name, @Nullable String username, List<GuardianAccount> guardians) {
    }

    record GuardianAccount(String name, @Nullable String relation, @Nullable String username) {
    }

    // ------------------------------------------------------------------ reading

    Mono<ClassAccounts> ofClass(Actor actor, String classId) {
        return access.requireClass(actor, classId, DataClass.ACCOUNTS, Action.READ)
                .then(activeIn(classId))
                .map(list -> {
                    int with = 0;
                    int without = 0;
                    List<StudentAccount> out = new ArrayList<>();
                    for (Student s : list) {
                        List<GuardianAccount> gs = new ArrayList<>();
                        for (Student.Guardian g : s.guardians()) {
                            gs.add(new GuardianAccount(g.name(), g.relation(), g.username()));
                            if (g.username() == null) {
                                without++;
                            } else {
                                with++;
                            }
                        }
                        if (s.username() == null) {
                            without++;
                        } else {
                            with++;
                        }
                        out.add(new StudentAccount(s.id(), s.name(), s.username(), gs));
                    }
                    return new ClassAccounts(classId, out, with, without);
                });
    }

    private Mono<List<Student>> activeIn(String classId) {
        return students.findByClassId(classId).filter(s -> ACTIVE.contains(s.status()))
                .sort((a, b) -> a.studentNo().compareTo(b.studentNo())).collectList();
    }

    // ------------------------------------------------------------------ creating

    /** A person to give an account: who, the name to start from, and the students (guardian index, -1 = self). */
    static final class Person {
        final Role role;
        final String name;
        final String who;
        final String base;
        final String marker;
        final List<Link> links = new ArrayList<>();
        String username;           // chosen
        Account account;           // made or taken over
        String password;
        boolean adopt;

        Person(Role role, String name, String who, String base, String marker) {
            this.role = role;
            this.name = name;
            this.who = who;
            this.base = base;
            this.marker = marker;
        }
    }

    record Link(String studentId, int guardian) {
    }

    Mono<Outcome> createForClass(Actor actor, String classId, List<String> onlyStudentIds) {
        return access.requireClass(actor, classId, DataClass.ACCOUNTS, Action.WRITE)
                .flatMap(scope -> Mono.zip(activeIn(classId), organization.schoolClassNow(classId),
                                organization.school(scope.schoolId()).map(s -> s.name()).defaultIfEmpty(""))
                        .flatMap(t -> {
                            List<Student> all = t.getT1();
                            ClassView cls = t.getT2();
                            List<Student> chosen = choose(all, onlyStudentIds);
                            if (!accounts.enabled()) {
                                return Mono.error(Problems.unavailable("accounts_not_configured",
                                        "Account provisioning is not configured (ZHSZ_PROVISIONING_SECRET)"));
                            }
                            return create(actor, scope.schoolId(), cls, chosen)
                                    .map(r -> new Outcome(r.result(), t.getT3(), cls.name(), accounts.loginUrl(),
                                            r.slips()));
                        }));
    }

    private static List<Student> choose(List<Student> all, List<String> only) {
        if (only == null || only.isEmpty()) {
            return all;
        }
        Map<String, Student> byId = new LinkedHashMap<>();
        all.forEach(s -> byId.put(s.id(), s));
        List<FieldError> errors = new ArrayList<>();
        List<Student> out = new ArrayList<>();
        for (int i = 0; i < only.size(); i++) {
            Student s = byId.get(only.get(i));
            if (s == null) {
                errors.add(new FieldError("studentIds[" + i + "]", "not_in_class",
                        "not a current student of this class"));
            } else if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return out;
    }

    private record Created(Result result, List<AccountSlips.Slip> slips) {
    }

    private Mono<Created> create(Actor actor, String schoolId, ClassView cls, List<Student> chosen) {
        Set<String> existing = new LinkedHashSet<>();
        for (Student s : chosen) {
            if (s.username() != null) {
                existing.add(s.username());
            }
            s.guardians().stream().filter(g -> g.username() != null).forEach(g -> existing.add(g.username()));
        }
        return siblingsAccounts(chosen).flatMap(known -> {
            List<Person> people = plan(chosen, cls.name(), known);
            List<Link> reused = known.reuse;
            if (people.isEmpty() && reused.isEmpty()) {
                return Mono.just(new Created(new Result(List.of(), existing.size()), List.of()));
            }
            return accounts.check()
                    .then(chooseUsernames(people))
                    .then(Mono.defer(() -> makeAccounts(people, schoolId)))
                    .then(Mono.defer(() -> link(actor, people, known)))
                    .thenMany(Flux.defer(() -> Flux.fromIterable(List.copyOf(people)))).concatMap(p -> audit.record(AuditEvent.allowed(actor,
                            "account.create", "account", p.username, p.links.get(0).studentId(), schoolId)
                            .withReason(p.role.claim())))
                    .then()
                    .then(Mono.fromSupplier(() -> {
                        List<CreatedAccount> created = new ArrayList<>();
                        List<AccountSlips.Slip> slips = new ArrayList<>();
                        for (Person p : people) {
                            created.add(new CreatedAccount(p.username, p.role.claim(), p.links.get(0).studentId(),
                                    p.name, p.password));
                            slips.add(new AccountSlips.Slip(p.name, p.who, p.username, p.password));
                        }
                        Set<String> linkedExisting = new LinkedHashSet<>(existing);
                        linkedExisting.addAll(known.reusedUsernames);
                        return new Created(new Result(created, linkedExisting.size()), slips);
                    }));
        });
    }

    /** Accounts of the same guardians (same phone and name) already linked to students elsewhere. */
    static final class Known {
        final Map<String, String> byPerson = new LinkedHashMap<>(); // phone|name -> username
        final List<Link> reuse = new ArrayList<>();
        final Map<Link, String> reuseUsername = new LinkedHashMap<>();
        final Set<String> reusedUsernames = new LinkedHashSet<>();
    }

    private Mono<Known> siblingsAccounts(List<Student> chosen) {
        Set<String> phones = new LinkedHashSet<>();
        for (Student s : chosen) {
            for (Student.Guardian g : s.guardians()) {
                if (g.username() == null && AccountNames.phoneDigits(g.phone()) != null) {
                    phones.add(g.phone());
                    phones.add(AccountNames.phoneDigits(g.phone()));
                }
            }
        }
        Known known = new Known();
        if (phones.isEmpty()) {
            return Mono.just(known);
        }
        return mongo.find(Query.query(Criteria.where("guardians.phone").in(phones)), Student.class)
                .doOnNext(other -> other.guardians().stream().filter(g -> g.username() != null)
                        .forEach(g -> known.byPerson.putIfAbsent(AccountNames.phoneDigits(g.phone()) + "|"
                                + g.name().trim(), g.username())))
                .then(Mono.just(known));
    }

    /** The accounts to make, in class order (student, then their guardians); pure given {@code known}. */
    static List<Person> plan(List<Student> chosen, String className, Known known) {
        List<Person> people = new ArrayList<>();
        Map<String, Person> guardiansInBatch = new LinkedHashMap<>();
        for (Student s : chosen) {
            if (s.username() == null) {
                Person p = new Person(Role.STUDENT, s.name(), "学生 · " + className,
                        AccountNames.forStudent(s.studentNo()), "student:" + s.id());
                p.links.add(new Link(s.id(), -1));
                people.add(p);
            }
            for (int i = 0; i < s.guardians().size(); i++) {
                Student.Guardian g = s.guardians().get(i);
                if (g.username() != null) {
                    continue;
                }
                String digits = AccountNames.phoneDigits(g.phone());
                String key = digits == null ? null : digits + "|" + g.name().trim();
                Link link = new Link(s.id(), i);
                if (key != null && known.byPerson.containsKey(key)) {
                    known.reuse.add(link); // a sibling's guardian already has an account: link it, make none
                    known.reuseUsername.put(link, known.byPerson.get(key));
                    known.reusedUsernames.add(known.byPerson.get(key));
                    continue;
                }
                if (key != null && guardiansInBatch.containsKey(key)) {
                    guardiansInBatch.get(key).links.add(link); // siblings in this batch: one account
                    continue;
                }
                String relation = g.relation() == null || g.relation().isBlank() ? "监护人" : g.relation().trim();
                Person p = new Person(Role.PARENT, g.name().trim(), "家长 · " + s.name() + "的" + relation,
                        AccountNames.forGuardian(g.phone(), s.studentNo(), i), "guardian:" + s.id() + ":" + i);
                p.links.add(link);
                people.add(p);
                if (key != null) {
                    guardiansInBatch.put(key, p);
                }
            }
        }
        return people;
    }

    /** First free candidate per person: free in the platform and in Keycloak, or Keycloak's leftover of ours. */
    private Mono<Void> chooseUsernames(List<Person> people) {
        Set<String> reserved = Collections.synchronizedSet(new LinkedHashSet<>());
        return Flux.fromIterable(people).concatMap(p -> pick(p, 1, reserved)).then();
    }

    private Mono<Void> pick(Person p, int n, Set<String> reserved) {
        if (n > 50) {
            return Mono.error(Problems.conflict("username_exhausted", "No free username for {0}", p.base));
        }
        String candidate = AccountNames.candidate(p.base, n);
        if (reserved.contains(candidate)) {
            return pick(p, n + 1, reserved);
        }
        return usedInPlatform(candidate).flatMap(used -> used ? pick(p, n + 1, reserved)
                : accounts.find(candidate).flatMap(found -> {
                    if (found.isPresent() && !p.marker.equals(found.get().marker())) {
                        return pick(p, n + 1, reserved); // someone else's account
                    }
                    p.username = candidate;
                    p.adopt = found.isPresent(); // our own leftover from a run that failed half-way
                    p.account = found.orElse(null);
                    reserved.add(candidate);
                    return Mono.<Void>empty();
                }));
    }

    private Mono<Boolean> usedInPlatform(String username) {
        return students.findByUsername(username).hasElement()
                .flatMap(used -> used ? Mono.just(true) : students.findByGuardiansUsername(username).hasElements())
                .flatMap(used -> used ? Mono.just(true) : organization.staff(username).hasElement());
    }

    /** Makes (or takes over) every account; on any failure deletes the ones made here and fails as a whole. */
    private Mono<Void> makeAccounts(List<Person> people, String schoolId) {
        List<Account> made = Collections.synchronizedList(new ArrayList<>());
        // errors are delayed until every started call has answered, so each account made is known and undone
        // (a cancelled call could otherwise have made one nobody knows of)
        return Flux.fromIterable(people).flatMapDelayError(p -> {
                    p.password = TemporaryPasswords.next();
                    String[] names = org.zhsz.platform.PersonNames.familyAndGiven(p.name);
                    NewAccount wanted = new NewAccount(p.username, Set.of(p.role), schoolId, names[0], names[1],
                            p.marker);
                    Mono<Account> done = p.adopt ? accounts.adopt(p.account, wanted, p.password)
                            : accounts.create(wanted, p.password).doOnNext(made::add);
                    return done.doOnNext(a -> p.account = a);
                }, 4, 32)
                .then()
                .onErrorResume(e -> undo(made).then(Mono.error(first(e))));
    }

    /** With delayed errors several calls may have failed: answer with the first (they say the same: 503). */
    private static Throwable first(Throwable e) {
        List<Throwable> all = reactor.core.Exceptions.unwrapMultiple(e);
        return all.stream().filter(x -> x instanceof org.zhsz.platform.ApiException).findFirst()
                .orElse(all.isEmpty() ? e : all.get(0));
    }

    private Mono<Void> undo(List<Account> made) {
        List<Account> copy;
        synchronized (made) {
            copy = List.copyOf(made);
        }
        return Flux.fromIterable(copy).concatMap(a -> accounts.delete(a).onErrorResume(e -> {
            log.warn("Could not delete the half-made account {}; the next run for this class takes it over",
                    a.username());
            return Mono.empty();
        })).then();
    }

    /** Links the accounts to the students: one conditional update per student (only fields still empty). */
    private Mono<Void> link(Actor actor, List<Person> people, Known known) {
        Map<String, Update> updates = new LinkedHashMap<>();
        Map<String, Criteria> conditions = new LinkedHashMap<>();
        Map<String, List<Person>> involved = new LinkedHashMap<>();
        for (Person p : people) {
            for (Link l : p.links) {
                add(updates, conditions, l, p.username);
                involved.computeIfAbsent(l.studentId(), k -> new ArrayList<>()).add(p);
            }
        }
        known.reuse.forEach(l -> add(updates, conditions, l, known.reuseUsername.get(l)));
        return Flux.fromIterable(updates.entrySet()).concatMap(e -> mongo.updateFirst(Query.query(
                                conditions.get(e.getKey())), e.getValue().inc("version", 1).set("updatedAt", clock.now())
                                .set("updatedBy", actor.username()), Student.class)
                        .flatMap(r -> {
                            if (r.getModifiedCount() == 1) {
                                return Mono.<Void>empty();
                            }
                            // changed meanwhile (e.g. linked by hand): this student's new accounts are not handed out
                            log.warn("Student {} changed while its accounts were made; not linked", e.getKey());
                            List<Account> orphans = new ArrayList<>();
                            for (Person p : involved.getOrDefault(e.getKey(), List.of())) {
                                if (p.links.size() == 1 && p.account != null) {
                                    orphans.add(p.account);
                                }
                            }
                            people.removeIf(p -> p.links.size() == 1 && p.links.get(0).studentId().equals(e.getKey()));
                            return undo(orphans);
                        }))
                .then(Mono.fromRunnable(directory::invalidateCaches));
    }

    private static void add(Map<String, Update> updates, Map<String, Criteria> conditions, Link l, String username) {
        Update u = updates.computeIfAbsent(l.studentId(), k -> new Update());
        Criteria c = conditions.computeIfAbsent(l.studentId(), k -> Criteria.where("_id").is(k));
        String field = l.guardian() < 0 ? "username" : "guardians." + l.guardian() + ".username";
        u.set(field, username);
        c.and(field).is(null);
    }

    // ------------------------------------------------------------------ status

    /**
     * Before a student's status changes: disables (leaving) or enables (coming back) the student's account and the
     * guardians' accounts that follow from it. Nothing to do when provisioning is off or activity does not change.
     */
    Mono<Void> beforeStatusChange(Student student, StudentStatus next) {
        boolean wasActive = ACTIVE.contains(student.status());
        boolean willBeActive = ACTIVE.contains(next);
        if (!accounts.enabled() || wasActive == willBeActive) {
            return Mono.empty();
        }
        return affected(student, willBeActive).flatMap(usernames -> Flux.fromIterable(usernames)
                .concatMap(u -> accounts.setEnabled(u, willBeActive)).then());
    }

    /** Undoes {@link #beforeStatusChange} when saving the student failed afterwards. */
    Mono<Void> revertStatusChange(Student student, StudentStatus attempted) {
        boolean wasActive = ACTIVE.contains(student.status());
        if (!accounts.enabled() || wasActive == ACTIVE.contains(attempted)) {
            return Mono.empty();
        }
        return affected(student, !wasActive).flatMap(usernames -> Flux.fromIterable(usernames)
                        .concatMap(u -> accounts.setEnabled(u, wasActive)).then())
                .onErrorResume(e -> {
                    log.error("Could not restore the accounts of student {} after a failed status change", student.id());
                    return Mono.empty();
                });
    }

    /** The student's account, and guardians whose other children are all inactive (for disabling) or any (enabling). */
    private Mono<List<String>> affected(Student student, boolean enabling) {
        List<String> out = new ArrayList<>();
        if (student.username() != null) {
            out.add(student.username());
        }
        return Flux.fromIterable(student.guardians()).filter(g -> g.username() != null)
                .concatMap(g -> students.findByGuardiansUsername(g.username())
                        .filter(other -> !other.id().equals(student.id()))
                        .any(other -> ACTIVE.contains(other.status()))
                        .map(otherActive -> enabling || !otherActive ? Optional.of(g.username()) : Optional.<String>empty()))
                .filter(Optional::isPresent).map(Optional::get)
                .collectList()
                .map(gs -> {
                    out.addAll(gs);
                    return List.copyOf(new LinkedHashSet<>(out));
                });
    }
}
