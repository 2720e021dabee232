package org.zhsz.health;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.zhsz.platform.Actor;

import reactor.core.publisher.Mono;

/** The daily register with 晨午检, follow-ups until 复课, a student's attendance, the school's day, the county. */
@RestController
@RequestMapping("/api/v1")
class AttendanceController {

    private final AttendanceService service;

    AttendanceController(AttendanceService service) {
        this.service = service;
    }

    /** The symptoms a register may name, in the register's order (codes with Chinese and English labels). */
    @GetMapping("/attendance/symptoms")
    Mono<List<Symptoms.Symptom>> symptoms() {
        return Mono.just(Symptoms.all());
    }

    @PutMapping("/classes/{classId}/attendance/{date}")
    Mono<AttendanceViews.DayView> register(Actor actor, @PathVariable String classId, @PathVariable String date,
                                           @RequestBody AttendanceService.RegisterInput body) {
        return service.register(actor, classId, date, body);
    }

    @GetMapping("/classes/{classId}/attendance/{date}")
    Mono<AttendanceViews.DayView> day(Actor actor, @PathVariable String classId, @PathVariable String date) {
        return service.day(actor, classId, date);
    }

    @GetMapping("/students/{id}/attendance")
    Mono<AttendanceViews.StudentAttendance> student(Actor actor, @PathVariable String id,
                                                    @RequestParam(required = false) String from,
                                                    @RequestParam(required = false) String to) {
        return service.student(actor, id, from, to);
    }

    @PostMapping("/students/{id}/attendance/follow-ups/{followUpId}/return")
    Mono<AttendanceViews.FollowUpView> returnToSchool(Actor actor, @PathVariable String id,
                                                      @PathVariable String followUpId,
                                                      @RequestBody AttendanceService.ReturnInput body) {
        return service.returnToSchool(actor, id, followUpId, body);
    }

    @GetMapping("/schools/{id}/attendance/follow-ups")
    Mono<List<AttendanceViews.FollowUpView>> followUps(Actor actor, @PathVariable String id,
                                                       @RequestParam(required = false) String status) {
        return service.schoolFollowUps(actor, id, status);
    }

    @GetMapping("/schools/{id}/attendance/{date}")
    Mono<AttendanceViews.SchoolDay> schoolDay(Actor actor, @PathVariable String id, @PathVariable String date) {
        return service.schoolDay(actor, id, date);
    }

    @GetMapping("/attendance/county")
    Mono<AttendanceViews.County> county(Actor actor, @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to) {
        return service.county(actor, from, to);
    }
}
