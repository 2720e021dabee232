package org.zhsz.platform;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * Port: the growth portrait (五育成长画像) of a student's terms as plain values, for the page the dossier prints.
 * Implemented by the insight module, called by the archive module, which must not depend on insight. Only records
 * and the fitness score go into it (what the dossier already shows) — no vision, attendance or mental-health data.
 * It decides nothing about access and audits nothing: the caller has asked the access policy for the dossier.
 * The same data gives the same values in the same order (the dossier is signed).
 */
public interface PortraitPage {

    /** A dimension's score (0–100, null when nothing counts towards it) and level, labels in Chinese. */
    record Dimension(String label, Integer score, String level) {
    }

    /** One term: its name, the six dimensions in a fixed order, and its figures as label and value. */
    record Term(String termName, List<Dimension> dimensions, List<Figure> figures) {
        public Term {
            dimensions = List.copyOf(dimensions);
            figures = List.copyOf(figures);
        }
    }

    record Figure(String label, String value) {
    }

    /** The portrait of these terms (codes such as 2026-2027-1), oldest first; terms unknown to the school left out. */
    Mono<List<Term>> of(String studentId, List<String> termCodes);
}
