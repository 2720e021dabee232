package org.zhsz.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import org.zhsz.audit.AuditEvent;
import org.zhsz.audit.AuditTrail;
import org.zhsz.platform.AccessPolicy;
import org.zhsz.platform.Action;
import org.zhsz.platform.Actor;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.FieldError;
import org.zhsz.platform.Problems;

import reactor.core.publisher.Mono;

/**
 * The reasons a head teacher picks from when returning self-reports, one list per school (the school admin edits
 * it); the head teacher may still write their own. Defaults until a school saves its list.
 */
@Component
class ReturnReasons {

    static final List<String> DEFAULTS = List.of(
            "佐证材料不足，请补充照片、证书或活动记录",
            "描述不够具体，请写清时间、地点和自己做了什么",
            "维度或类别选得不合适，请重新选择",
            "发生时间不在本学期内",
            "与已有记录重复");
    static final int MAX = 20;

    private final ReactiveMongoTemplate mongo;
    private final AccessPolicy access;
    private final AuditTrail audit;

    ReturnReasons(ReactiveMongoTemplate mongo, AccessPolicy access, AuditTrail audit) {
        this.access = access;
        this.audit = audit;
        this.mongo = mongo;
    }

    @Document("record_return_reasons")
    record SchoolReasons(@Id String schoolId, List<String> reasons) {
    }

    Mono<List<String>> of(String schoolId) {
        return mongo.findById(schoolId, SchoolReasons.class).map(SchoolReasons::reasons).defaultIfEmpty(DEFAULTS);
    }

    /** 1–20 distinct reasons of 2–100 characters each, trimmed; null when the list is not acceptable. */
    static List<String> clean(List<String> reasons) {
        if (reasons == null || reasons.isEmpty() || reasons.size() > MAX) {
            return null;
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String r : reasons) {
            String t = r == null ? "" : r.strip();
            if (t.codePointCount(0, t.length()) < 2 || t.codePointCount(0, t.length()) > 100 || !seen.add(t)) {
                return null;
            }
            out.add(t);
        }
        return out;
    }

    /** The school's admin replaces their school's preset reasons (a school setting); invalid lists change nothing. */
    Mono<List<String>> replace(Actor actor, List<String> body) {
        return access.requireOwnSchool(actor, DataClass.SCHOOL_SETTINGS, Action.WRITE).flatMap(scope -> {
            List<String> clean = clean(body);
            if (clean == null) {
                return Mono.error(Problems.invalid(List.of(FieldError.of("reasons", "invalid",
                        "field.return_reasons"))));
            }
            return mongo.save(new SchoolReasons(scope.schoolId(), clean)).map(SchoolReasons::reasons)
                    .flatMap(list -> audit.record(AuditEvent.allowed(actor, "return_reasons.update", "school",
                            scope.schoolId(), null, scope.schoolId())).thenReturn(list));
        });
    }
}
