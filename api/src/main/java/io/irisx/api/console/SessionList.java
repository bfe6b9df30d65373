package io.irisx.api.console;

import java.util.List;

/** A user's live console sessions, newest first (at most 100). */
public record SessionList(List<SessionView> data) {}
