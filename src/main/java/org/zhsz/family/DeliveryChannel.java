package org.zhsz.family;

import reactor.core.publisher.Mono;

/**
 * The delivery port: one way of reaching a family outside the app (SMS, 企业微信, 钉钉). An adapter never sees a
 * notice: it gets a fixed text ("您有一条新的班级通知，请登录平台查看") and a link to the platform, and answers how
 * the provider took it. Retries, backoff and rate limits are the dispatcher's ({@link DeliveryDispatcher}).
 */
interface DeliveryChannel {

    enum Channel { SMS, WECOM, DINGTALK }

    Channel channel();

    /** Where the recipient is reached on this channel, or null when they cannot be (no mobile number, no account). */
    String address(Recipient recipient);

    /** One attempt; a network failure or timeout is a {@code RETRY} outcome, never an error signal. */
    Mono<Outcome> send(String address, Message message);

    /** Whom to reach: the platform account (may be null) and the mobile number the school registered (may be null). */
    record Recipient(String username, String phone) {
    }

    /** The whole content any provider receives: no notice title, no names, nothing about a child. */
    record Message(String title, String text, String link) {
    }

    /**
     * How the provider took the attempt. RETRY: transient (network, 5xx, "system busy"); RATE_LIMITED: the provider
     * throttles us; FAILED: will not work however often it is tried (wrong number, unknown user, bad credentials).
     */
    record Outcome(Status status, String providerId, String error) {

        enum Status { SENT, RETRY, RATE_LIMITED, FAILED }

        static Outcome sent(String providerId) {
            return new Outcome(Status.SENT, providerId, null);
        }

        static Outcome retry(String error) {
            return new Outcome(Status.RETRY, null, error);
        }

        static Outcome rateLimited(String error) {
            return new Outcome(Status.RATE_LIMITED, null, error);
        }

        static Outcome failed(String error) {
            return new Outcome(Status.FAILED, null, error);
        }
    }
}
