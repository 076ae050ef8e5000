package io.consentgateway.sandbox.control;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Optional;

/** The route template of a resource method ({@code /nrich/rest/accounts/{account_id}}), from its {@code @Path}s. */
public final class RouteTemplates {

    private RouteTemplates() {
    }

    /** The full template, or empty when the class has no {@code @Path} (proxies are looked through). */
    public static Optional<String> of(Class<?> resourceClass, Method method) {
        Class<?> c = resourceClass;
        while (c != null && !c.isAnnotationPresent(Path.class)) {
            c = c.getSuperclass();
        }
        if (c == null) {
            return Optional.empty();
        }
        String template = c.getAnnotation(Path.class).value();
        Path methodPath = method == null ? null : method.getAnnotation(Path.class);
        if (methodPath == null && method != null) {
            try {
                methodPath = c.getMethod(method.getName(), method.getParameterTypes()).getAnnotation(Path.class);
            } catch (NoSuchMethodException e) {
                methodPath = null;
            }
        }
        if (methodPath != null) {
            template = join(template, methodPath.value());
        }
        return Optional.of(normalize(template));
    }

    /** The template relative to a provider's root: {@code /nrich/rest/accounts} → {@code /rest/accounts}. */
    public static String relativeTo(String provider, String template) {
        String prefix = "/" + provider;
        if (template.equals(prefix)) {
            return "/";
        }
        return template.startsWith(prefix + "/") ? template.substring(prefix.length()) : template;
    }

    private static String join(String a, String b) {
        return (a.endsWith("/") ? a.substring(0, a.length() - 1) : a) + (b.startsWith("/") ? b : "/" + b);
    }

    private static String normalize(String template) {
        String t = template.startsWith("/") ? template : "/" + template;
        return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }
}
