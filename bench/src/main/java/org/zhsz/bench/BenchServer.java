package org.zhsz.bench;

import java.util.Map;

/**
 * The app alone in its own JVM for the load test (so its RSS and CPU time are its own): {@link BenchApp} with the
 * JWKS of the parent's signing key. Prints {@code READY <port> <pid>}, then runs until its standard input closes.
 */
public final class BenchServer {

    public static void main(String[] args) throws Exception {
        try (BenchApp app = new BenchApp(Map.of("jwks", args[0]), null)) {
            System.out.println("READY " + app.port + " " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close stdin
            }
        }
        System.exit(0);
    }
}
