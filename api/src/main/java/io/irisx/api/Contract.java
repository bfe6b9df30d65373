package io.irisx.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a method's result follows from its arguments, in JetBrains' contract notation; NullAway reads
 * any annotation of this name. {@code @Contract("!null -> !null")} on a formatter that maps null to
 * null tells it a present value gives a present result, so one null-tolerant method serves both the
 * required and the optional fields.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Contract {
  String value();
}
