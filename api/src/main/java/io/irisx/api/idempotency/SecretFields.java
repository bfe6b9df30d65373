package io.irisx.api.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose response carries secrets in these top-level JSON fields (a new API
 * key). The stored response of an idempotent request leaves them out, so a secret is never written
 * to the database: a replay answers without it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SecretFields {
  String[] value();
}
