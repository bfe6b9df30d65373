package io.irisx.client;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema of the API's OpenAPI document ({@code components/schemas}) a record of this SDK stands
 * for: its components are that schema's properties, as the API's tests check.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiSchema {
  String value();
}
