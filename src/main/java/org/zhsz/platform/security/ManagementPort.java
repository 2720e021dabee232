package org.zhsz.platform.security;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The port actuator listens on when it has its own ({@code management.server.port}, env ZHSZ_MANAGEMENT_PORT):
 * learnt from the management server's start, so a random port in tests works too. Requests on that port are the
 * operators' (loopback in ./run.sh, the cluster's probes and Prometheus in the chart); the security chain lets them
 * through and keeps /actuator closed on the API port.
 */
@Component
public class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** The management server's port, or -1 while there is none (actuator on the API port, or not started). */
    public int port() {
        return port;
    }

    /** The connection's peer is this host (./run.sh, or kubectl port-forward into the pod). */
    public static boolean fromLoopback(ServerWebExchange exchange) {
        var peer = exchange.getRequest().getRemoteAddress();
        return peer != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress();
    }

    public boolean matches(ServerWebExchange exchange) {
        var local = exchange.getRequest().getLocalAddress();
        return port > 0 && local != null && local.getPort() == port;
    }
}
