package org.urbancooperation.partnership.indicator.application;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * {@code ucp_indicator_progress_ratio{code}}: per indicator code, the sum of the actuals over the sum of the targets
 * of all partnerships' indicators with that code ({@link IndicatorService#progressByCode}). Recomputed from the
 * database every interval (and at start), so it survives restarts and every replica reports the same; a failed
 * recount keeps the last values. One series per code the secretariat chose: a programme has a handful.
 */
public final class IndicatorProgressGauges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndicatorProgressGauges.class);

    private final MultiGauge gauge;
    private final Supplier<Map<String, Double>> progressByCode;
    private final ScheduledExecutorService scheduler;

    public IndicatorProgressGauges(MeterRegistry meters, Supplier<Map<String, Double>> progressByCode,
            Duration interval) {
        this.gauge = MultiGauge.builder("ucp.indicator.progress.ratio")
                .description("Indicator actuals over targets per indicator code: the sum of the actuals over the sum "
                        + "of the targets of every partnership's indicator with that code")
                .register(meters);
        this.progressByCode = progressByCode;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "indicator-progress-gauges");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Recounts now; also what the scheduler runs. */
    public void refresh() {
        try {
            Map<String, Double> progress = progressByCode.get();
            gauge.register(progress.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("code", e.getKey()), e.getValue()))
                    .toList(), true);
        } catch (RuntimeException e) {
            log.warn("Could not recount indicator progress, keeping the last values: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
