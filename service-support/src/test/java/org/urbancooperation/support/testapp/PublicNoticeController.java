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

    /** Which kind of thread served this request: virtual on Java 21+, where the platform switches them on. */
    @GetMapping("/api/v1/public/request-thread")
    Map<String, Object> requestThread() {
        return Map.of("virtual", isVirtual(Thread.currentThread()), "java", Runtime.version().feature());
    }

    private static boolean isVirtual(Thread thread) {
        // Thread.isVirtual() exists from Java 21 only; this code is compiled for 17.
        return thread.getClass().getName().contains("VirtualThread");
    }

    @PostMapping("/api/v1/public/notices")
    Map<String, String> post(Caller caller) {
        return Map.of("caller", caller.toString());
    }
}
