package io.irisx.api.console;

import org.jspecify.annotations.Nullable;

/** What an invitation link opens: whose account it makes, in which tenant, with which role. */
public record InvitationView(
    String email,
    @Nullable String name,
    String role,
    @Nullable String tenantName,
    @Nullable String expiresAt) {}
