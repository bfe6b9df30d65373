package io.irisx.api.errors;

/** One wrong field of a request: its name (a JSON path for nested fields) and what is wrong. */
public record FieldError(String field, String message) {}
