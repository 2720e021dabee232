package org.zhsz.platform;

import org.bson.types.ObjectId;

/** New document ids: MongoDB ObjectId hex, time-ordered and unguessable enough for internal keys. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return new ObjectId().toHexString();
    }
}
