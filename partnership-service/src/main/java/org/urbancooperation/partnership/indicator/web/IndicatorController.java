package org.urbancooperation.partnership.indicator.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.partnership.indicator.application.ProgrammeIndicatorService;
import org.urbancooperation.partnership.indicator.domain.ProgrammeIndicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Programme indicators", description = "What each partnership has done, as reported by the other services")
class IndicatorController {

    private final ProgrammeIndicatorService indicators;

    IndicatorController(ProgrammeIndicatorService indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/api/v1/partnerships/{id}/indicators")
    @Operation(summary = "Cooperation events scheduled (by format) and matching events opened for a partnership")
    ProgrammeIndicators get(@PathVariable UUID id) {
        return indicators.of(id);
    }
}
