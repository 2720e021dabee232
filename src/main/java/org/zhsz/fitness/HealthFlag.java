package org.zhsz.fitness;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;

/**
 * A 特异体质 / special-disease flag (heart disease, asthma, epilepsy, …) that PE lessons and tests must respect.
 * The guidance ("no running over 400 m; inhaler in the PE teacher's bag") is for the PE teacher and head teacher;
 * the medical description is encrypted ({@code FieldCipher}, bound to this flag) and, like the medical documents,
 * only for the student, the family, the counselor and the school admin. Deactivated, never deleted.
 */
@Document("health_flags")
record HealthFlag(@Id String id, @Indexed String schoolId, @Indexed String studentId, Kind kind, String guidance,
                  String medicalDescription, List<FlagDocument> documents, boolean active, @Version Long version,
                  Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Instant deactivatedAt,
                  String deactivatedBy, String deactivationReason) {

    HealthFlag {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    enum Kind {
        HEART_DISEASE("心脏病"), ASTHMA("哮喘"), EPILEPSY("癫痫"), DIABETES("糖尿病"), HYPERTENSION("高血压"),
        HEMOPHILIA("血友病"), KIDNEY_DISEASE("肾脏疾病"), SEVERE_ALLERGY("严重过敏"),
        RECOVERY("骨折或术后恢复期"), OTHER("其他特异体质");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record FlagDocument(String id, String filename, String contentType, long size, Instant uploadedAt,
                        String uploadedBy) {
    }

    /** The associated data binding the encrypted description to this flag, so it cannot be moved elsewhere. */
    static String cipherContext(String id) {
        return "health-flag:" + id + ":medicalDescription";
    }

    HealthFlag with(Kind k, String g, String description, List<FlagDocument> docs, boolean isActive, Instant at,
                    String by, Instant offAt, String offBy, String offReason) {
        return new HealthFlag(id, schoolId, studentId, k, g, description, docs, isActive, version, createdAt,
                createdBy, at, by, offAt, offBy, offReason);
    }

    interface Repository extends ReactiveMongoRepository<HealthFlag, String> {

        Flux<HealthFlag> findByStudentId(String studentId);

        Flux<HealthFlag> findByStudentIdInAndActiveTrue(Collection<String> studentIds);

        Flux<HealthFlag> findByMedicalDescriptionNotNull();
    }
}
