package org.zhsz.platform;

/** What an actor wants to do with a data class. */
public enum Action {
    READ, WRITE, REVIEW, EXPORT, SIGN, APPROVE
}
