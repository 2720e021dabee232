package org.zhsz.platform.store;

import java.nio.file.Path;

/** Which store this instance uses; shown in the log and the health endpoint (never the URI's credentials). */
public record StoreInfo(Kind kind, String uri, String database, Path embeddedFile) {

    public enum Kind { EMBEDDED, MONGODB }

    public boolean embedded() {
        return kind == Kind.EMBEDDED;
    }
}
