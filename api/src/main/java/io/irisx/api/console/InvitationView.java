package io.irisx.api.console;

/** What an invitation link opens: whose account it makes, in which tenant, with which role. */
public record InvitationView(
    String email, String name, String role, String tenantName, String expiresAt) {}
