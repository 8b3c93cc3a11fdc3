package org.demarche.common.http;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.demarche.common.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter the endpoint does not take, so that a misspelled filter is a 400 naming it
 * and the parameters taken rather than an unfiltered list. What an endpoint takes is what its resource
 * method declares: its {@code @QueryParam} parameters and the {@code @QueryParam} fields of its
 * {@code @BeanParam} classes, read once per method. Paths outside the resources (health, OpenAPI, metrics)
 * are not checked.
 */
public class KnownQueryParameters {

    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        Set<String> sent = uri.getQueryParameters().keySet();
        if (method == null || sent.isEmpty()) {
            return;
        }
        Set<String> accepted = taken.computeIfAbsent(method, KnownQueryParameters::declared);
        List<String> unknown =
                sent.stream().filter(name -> !accepted.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unknownParameters(unknown, List.copyOf(accepted));
        }
    }

    /** The query parameters a resource method declares, sorted. */
    private static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                add(annotation, method.getParameterTypes()[i], names);
            }
        }
        return names;
    }

    /** The query parameters declared by the fields of a bean parameter's class and its superclasses. */
    private static void fields(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                for (Annotation annotation : field.getAnnotations()) {
                    add(annotation, field.getType(), names);
                }
            }
        }
    }

    private static void add(Annotation annotation, Class<?> type, Set<String> names) {
        if (annotation instanceof QueryParam query) {
            names.add(query.value());
        } else if (annotation instanceof BeanParam) {
            fields(type, names);
        }
    }
}
