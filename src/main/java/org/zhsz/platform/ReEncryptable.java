package org.zhsz.platform;

import reactor.core.publisher.Mono;

/**
 * A module's encrypted data that the re-encryption job moves to the active key after a rotation. Implementations
 * rewrite documents whose encrypted fields carry an older key id, one conditional update per document.
 */
public interface ReEncryptable {

    String name();

    /** Emits how many documents were re-encrypted. */
    Mono<Long> reEncrypt(FieldCipher cipher);
}
