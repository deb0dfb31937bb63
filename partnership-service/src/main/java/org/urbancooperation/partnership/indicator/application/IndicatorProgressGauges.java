package org.urbancooperation.partnership.indicator.application;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.urbancooperation.support.observability.PeriodicRecount;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * {@code ucp_indicator_progress_ratio{code}}: per indicator code, the sum of the actuals over the sum of the targets
 * of all partnerships' indicators with that code ({@link IndicatorService#progressByCode}). Recomputed from the
 * database every interval and at start ({@link PeriodicRecount}), so it survives restarts and every replica reports
 * the same. One series per code the secretariat chose: a programme has a handful.
 */
public final class IndicatorProgressGauges implements AutoCloseable {

    private final MultiGauge gauge;
    private final Supplier<Map<String, Double>> progressByCode;
    private final PeriodicRecount recount;

    public IndicatorProgressGauges(MeterRegistry meters, Supplier<Map<String, Double>> progressByCode,
            Duration interval) {
        this.gauge = MultiGauge.builder("ucp.indicator.progress.ratio")
                .description("Indicator actuals over targets per indicator code: the sum of the actuals over the sum "
                        + "of the targets of every partnership's indicator with that code")
                .register(meters);
        this.progressByCode = progressByCode;
        this.recount = new PeriodicRecount("indicator-progress-gauges", interval, interval, this::refresh);
    }

    /** Recounts now; also what the scheduler runs. */
    public void refresh() {
        Map<String, Double> progress = progressByCode.get();
        gauge.register(progress.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("code", e.getKey()), e.getValue()))
                .toList(), true);
    }

    @Override
    public void close() {
        recount.close();
    }
}
