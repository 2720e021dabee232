package org.zhsz.archive;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** 异议: filed during publicity against one student's archive (optionally one record); resolved by the head teacher. */
@Document("archive_objections")
record Objection(@Id String id, String schoolId, String classId, String term, String studentId, String recordId,
                 String reason, String filedBy, String filedByName, String filedByRole, Instant filedAt,
                 String status, String resolution, String resolvedBy, Instant resolvedAt, @Version Long version) {
}
