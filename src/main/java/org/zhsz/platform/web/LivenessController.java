package org.zhsz.platform.web;

import java.util.Map;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health} on the API port when actuator has its own port: {"status":"UP"} or "DOWN" from the
 * liveness state, nothing more (no components, no store, no versions), so a load balancer or an uptime check in
 * front of the Ingress can use it without learning anything about the deployment. The full health groups are on
 * the management port.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class LivenessController {

    private final ApplicationAvailability availability;

    LivenessController(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @GetMapping(path = "/actuator/health", produces = "application/json")
    ResponseEntity<Map<String, String>> health() {
        boolean live = availability.getLivenessState() == LivenessState.CORRECT;
        return ResponseEntity.status(live ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .header("Cache-Control", "no-store")
                .body(Map.of("status", live ? "UP" : "DOWN"));
    }
}
