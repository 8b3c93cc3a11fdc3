package org.demarche;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class whose REST Assured requests that name no key carry the test profile's admin key
 * ({@link TestKeys#ADMIN}), so tests that are not about security can write. Requests of other test
 * classes carry only the keys they set: none unless they say so.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SendsAdminKey {}
