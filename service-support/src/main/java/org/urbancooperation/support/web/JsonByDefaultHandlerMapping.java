package org.urbancooperation.support.web;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The services' operations produce {@code application/json} unless they declare what they produce (a
 * calendar export declares {@code text/calendar}), and those with a request body consume only
 * {@code application/json} unless they declare otherwise (an upload declares {@code multipart/form-data}). Declared, Spring checks the {@code Accept} header when
 * it maps the request: an {@code Accept: application/xml} is refused with 406 before the operation runs,
 * so a refused request never changes anything. Only the platform's own controllers: the error controller
 * and library endpoints (API documents) keep theirs.
 */
public class JsonByDefaultHandlerMapping extends RequestMappingHandlerMapping {

    private static final String OURS = "org.urbancooperation.";

    @Override
    protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
        RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
        if (info == null || !handlerType.getName().startsWith(OURS) || ErrorController.class.isAssignableFrom(handlerType)) {
            return info;
        }
        RequestMappingInfo.Builder json = info.mutate();
        if (info.getProducesCondition().isEmpty()) {
            json.produces(MediaType.APPLICATION_JSON_VALUE);
        }
        // A body is JSON, read by StrictJson: not YAML or anything else a converter on the classpath could read.
        if (info.getConsumesCondition().isEmpty() && takesBody(method)) {
            json.consumes(MediaType.APPLICATION_JSON_VALUE);
        }
        return json.build();
    }

    private static boolean takesBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }
}
