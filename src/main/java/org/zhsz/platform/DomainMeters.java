package org.zhsz.platform;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Registers the domain series at start (at zero), so dashboards and alerts see every {@code zhsz_*} series from
 * the first scrape, not only after the first event. The modules increment the same meters by name and tags.
 * (Prometheus reserves the suffix {@code _created}, so records count as {@code zhsz.records.added}.)
 */
@Component
class DomainMeters {

    DomainMeters(MeterRegistry meters) {
        for (String d : new String[]{"moral", "academic", "physical", "arts", "labour", "social_practice"}) {
            meters.counter("zhsz.records.added", "dimension", d);
        }
        for (String kind : new String[]{"roster", "fitness"}) {
            for (String result : new String[]{"accepted", "rejected"}) {
                meters.counter("zhsz.import.rows", "kind", kind, "result", result);
            }
        }
        for (String source : new String[]{"preview", "grid", "import"}) {
            meters.counter("zhsz.fitness.scored", "source", source);
        }
        meters.counter("zhsz.alerts.raised");
        meters.counter("zhsz.alerts.acknowledged");
        meters.counter("zhsz.alerts.overdue");
        meters.counter("zhsz.dossiers.exported");
        Timer.builder("zhsz.pdf.render").tag("kind", "dossier").publishPercentileHistogram().register(meters);
    }
}
