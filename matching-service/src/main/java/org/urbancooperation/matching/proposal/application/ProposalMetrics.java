package org.urbancooperation.matching.proposal.application;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The engine's business metrics: proposals made (counter), how long a request for proposals takes (timer) and how
 * many published opportunities this instance's index holds (gauge; each replica reports its own).
 */
public final class ProposalMetrics {

    private final Counter proposalsMade;
    private final Timer latency;

    public ProposalMetrics(MeterRegistry meters, CandidateIndex index, KnownMatchableBusinesses businesses) {
        this.proposalsMade = Counter.builder("ucp.matching.proposals.made")
                .description("Proposals shown to businesses and operators (one per candidate listed)")
                .register(meters);
        this.latency = Timer.builder("ucp.matching.proposals.latency")
                .description("Time to rank the proposals of one opportunity").publishPercentileHistogram()
                .register(meters);
        Gauge.builder("ucp.matching.index.opportunities", index, CandidateIndex::size)
                .description("Published opportunities in this instance's matching index").register(meters);
        Gauge.builder("ucp.matching.index.businesses", businesses, KnownMatchableBusinesses::size)
                .description("Businesses whose country and languages this instance's matching engine knows")
                .register(meters);
    }

    <T> T timed(Supplier<T> action) {
        return latency.record(action);
    }

    void proposalsMade(int count) {
        proposalsMade.increment(count);
    }
}
