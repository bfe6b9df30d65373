package io.irisx.client;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation of the API's OpenAPI document a method of this SDK sends, as {@code "POST
 * /v1/calls"}: the API's tests check that each exists and that every operation of the tenant API
 * has its method.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiOperation {
  String value();
}
