package io.irisx.workflows.flow;

/**
 * What is wrong with one parameter; {@code field} is its JSON path, e.g. {@code params.retries}.
 */
public record ParamProblem(String field, String message) {}
