package org.zhsz.platform;

import java.util.Map;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** The uploader's imports of the last week that left rows out: the latest of each kind, to fix and upload again. */
@Component
class ImportTodos implements TodoSource {

    private final ImportJobs jobs;

    ImportTodos(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Flux<Todo> todos(Actor actor) {
        return jobs.recentWithRejections(actor)
                .distinct(ImportJobs.JobView::kind)
                .map(j -> Todo.of("import_rejected_" + j.kind(), j.rejected(),
                        "fitness".equals(j.kind()) ? "fitness-entry" : "admin-roster-import", Map.of("job", j.id()),
                        40));
    }
}
