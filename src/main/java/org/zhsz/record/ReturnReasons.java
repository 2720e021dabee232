package org.zhsz.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

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

    ReturnReasons(ReactiveMongoTemplate mongo) {
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

    Mono<List<String>> replace(String schoolId, List<String> reasons) {
        return mongo.save(new SchoolReasons(schoolId, reasons)).map(SchoolReasons::reasons);
    }
}
