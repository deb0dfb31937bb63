package org.urbancooperation.support.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Relay tuning ({@code ucp.outbox.*}).
 *
 * @param pollInterval how often the relay's safety net scans for pending events nobody signalled (a crash
 *        between a write and its publication, a failed round, another replica's expired lease); it also
 *        runs at start-up. Signalled writes are published at once by {@code _id}, whatever this is.
 * @param lease how long a claimed document is reserved for one relay; longer than the producer's delivery timeout
 * @param documentsPerRound how many documents one round claims before it waits for the broker's acks
 * @param maxBackoff the longest pause after the broker refused or timed out
 * @param relayEnabled false only in tests that drive {@link OutboxRelay#publishPending()} by hand
 * @param claimGrace how long a document must have been pending before the safety net takes it: until then it is
 *        its writer's relay's (the hot path publishes it within milliseconds, without a lease); a crash or a failed
 *        round leaves it to the safety net after this
 */
@ConfigurationProperties("ucp.outbox")
public record OutboxProperties(
        Duration pollInterval,
        Duration lease,
        int documentsPerRound,
        Duration maxBackoff,
        Boolean relayEnabled,
        Duration claimGrace) {

    @ConstructorBinding
    public OutboxProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        documentsPerRound = documentsPerRound <= 0 ? 200 : documentsPerRound;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        relayEnabled = relayEnabled == null || relayEnabled;
        claimGrace = claimGrace == null ? Duration.ofSeconds(3) : claimGrace;
    }

    /** With the default claim grace (tests that build the relay by hand). */
    public OutboxProperties(Duration pollInterval, Duration lease, int documentsPerRound, Duration maxBackoff,
            Boolean relayEnabled) {
        this(pollInterval, lease, documentsPerRound, maxBackoff, relayEnabled, null);
    }
}
