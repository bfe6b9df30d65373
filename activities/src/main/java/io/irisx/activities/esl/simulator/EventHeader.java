package io.irisx.activities.esl.simulator;

/** One {@code Name: value} line of an event, value not yet encoded. */
record EventHeader(String name, String value) {}
