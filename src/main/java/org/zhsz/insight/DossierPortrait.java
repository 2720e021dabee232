package org.zhsz.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.zhsz.organization.OrganizationDirectory;
import org.zhsz.organization.Views.TermView;
import org.zhsz.platform.DataClass;
import org.zhsz.platform.PortraitPage;
import org.zhsz.student.StudentDirectory;

import reactor.core.publisher.Mono;

/**
 * The dossier's portrait page ({@link PortraitPage}, called by the archive module): the growth portrait of the
 * dossier's terms from records and the fitness score alone — what the dossier already shows — in Chinese, with no
 * violation count (the dossier prints none) and no health or wellbeing figure.
 */
@Component
class DossierPortrait implements PortraitPage {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final Portraits portraits;
    private final StudentDirectory students;
    private final OrganizationDirectory organization;
    private final InsightTexts texts;

    DossierPortrait(Portraits portraits, StudentDirectory students, OrganizationDirectory organization,
                    InsightTexts texts) {
        this.portraits = portraits;
        this.students = students;
        this.organization = organization;
        this.texts = texts;
    }

    @Override
    public Mono<List<Term>> of(String studentId, List<String> termCodes) {
        if (termCodes.isEmpty()) {
            return Mono.just(List.of());
        }
        return students.find(studentId)
                .flatMap(s -> organization.terms(s.schoolId()).filter(t -> termCodes.contains(t.code()))
                        .sort(Comparator.comparing(TermView::code)).collectList())
                .flatMap(terms -> portraits.terms(studentId, terms,
                        EnumSet.of(DataClass.GENERAL_RECORDS, DataClass.FITNESS_SCORE), false, ZH))
                .map(list -> list.stream().map(this::page).toList())
                .defaultIfEmpty(List.of());
    }

    private Term page(Portraits.TermPortrait t) {
        List<Dimension> dims = t.dimensions().stream()
                .map(d -> new Dimension(d.label(), d.score(), d.levelLabel())).toList();
        Portraits.Figures f = t.figures();
        List<Figure> figures = new ArrayList<>();
        if (f.records() != null) {
            int total = f.records().values().stream().mapToInt(Integer::intValue).sum();
            figures.add(new Figure(texts.figure(ZH, "records"), texts.figure(ZH, "records.value", total)));
            figures.add(new Figure(texts.figure(ZH, "skills"), texts.figure(ZH, "skills.value", f.sportsSkills(),
                    f.artsSkills())));
            figures.add(new Figure(texts.figure(ZH, "labourHours"), texts.figure(ZH, "labourHours.value",
                    plain(f.labourHours()))));
        }
        if (f.fitnessTotal() != null) {
            figures.add(new Figure(texts.figure(ZH, "fitness"), texts.figure(ZH, "fitness.value",
                    plain(f.fitnessTotal()), f.fitnessRating() == null ? "—" : f.fitnessRating())));
        }
        return new Term(t.termName(), dims, figures);
    }

    private static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }
}
