package org.urbancooperation.support.testapp;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.urbancooperation.support.security.Caller;

/** A public read (anonymous callers welcome) beside a write on the same path that is not public. */
@RestController
class PublicNoticeController {

    @GetMapping("/api/v1/public/notices")
    Map<String, String> notices(Caller caller) {
        return Map.of("notice", "EU-Japan 100 Cities Event on Climate Action, 25-26 Jan 2023", "caller", caller.toString());
    }

    @PostMapping("/api/v1/public/notices")
    Map<String, String> post(Caller caller) {
        return Map.of("caller", caller.toString());
    }
}
