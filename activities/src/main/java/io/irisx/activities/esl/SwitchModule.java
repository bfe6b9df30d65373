package io.irisx.activities.esl;

/**
 * A FreeSWITCH module IRISX uses: whether calls cannot work without it ({@code essential}), and
 * what stops working when it is missing.
 */
public record SwitchModule(String name, boolean essential, String neededFor) {}
