package org.urbancooperation.support.web;

import java.lang.reflect.Method;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The services' operations produce {@code application/json} unless they declare what they produce (a
 * calendar export declares {@code text/calendar}). Declared, Spring checks the {@code Accept} header when
 * it maps the request: an {@code Accept: application/xml} is refused with 406 before the operation runs,
 * so a refused request never changes anything. Only the platform's own controllers: the error controller
 * and library endpoints (API documents) keep theirs.
 */
public class JsonByDefaultHandlerMapping extends RequestMappingHandlerMapping {

    private static final String OURS = "org.urbancooperation.";

    @Override
    protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
        RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
        if (info == null || !info.getProducesCondition().isEmpty() || !handlerType.getName().startsWith(OURS)
                || ErrorController.class.isAssignableFrom(handlerType)) {
            return info;
        }
        return info.mutate().produces(MediaType.APPLICATION_JSON_VALUE).build();
    }
}
