package org.zhsz.platform.store;

import java.io.IOException;

/**
 * The embedded store's files are damaged in a way that would lose acknowledged writes if the store started
 * anyway. The message says where, why, and how to recover; the files are left exactly as they were.
 */
final class StoreDamagedException extends IOException {

    StoreDamagedException(String message) {
        super(message);
    }
}
