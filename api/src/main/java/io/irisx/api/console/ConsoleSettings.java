package io.irisx.api.console;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The console's sessions and log-ins (see docs/console.md): how long a session lasts and may sit
 * idle, how long an invitation holds, how many failed log-ins are taken, and where the console is
 * reached from outside.
 */
public class ConsoleSettings {
  @Min(1)
  @Max(24 * 30)
  private int sessionHours = 12;

  @Min(1)
  @Max(24 * 60)
  private int idleMinutes = 120;

  @Min(1)
  @Max(90)
  private int invitationDays = 7;

  @Min(1)
  @Max(1000)
  private int maxFailuresPerEmail = 5;

  @Min(1)
  @Max(100_000)
  private int maxFailuresPerAddress = 50;

  @Min(1)
  @Max(24 * 60)
  private int failureWindowMinutes = 15;

  private boolean secureCookies;

  private String publicUrl = "";

  private String temporalUiUrl = "";

  @JsonProperty
  public int getSessionHours() {
    return sessionHours;
  }

  @JsonProperty
  public void setSessionHours(int sessionHours) {
    this.sessionHours = sessionHours;
  }

  @JsonProperty
  public int getIdleMinutes() {
    return idleMinutes;
  }

  @JsonProperty
  public void setIdleMinutes(int idleMinutes) {
    this.idleMinutes = idleMinutes;
  }

  @JsonProperty
  public int getInvitationDays() {
    return invitationDays;
  }

  @JsonProperty
  public void setInvitationDays(int invitationDays) {
    this.invitationDays = invitationDays;
  }

  @JsonProperty
  public int getMaxFailuresPerEmail() {
    return maxFailuresPerEmail;
  }

  @JsonProperty
  public void setMaxFailuresPerEmail(int maxFailuresPerEmail) {
    this.maxFailuresPerEmail = maxFailuresPerEmail;
  }

  @JsonProperty
  public int getMaxFailuresPerAddress() {
    return maxFailuresPerAddress;
  }

  @JsonProperty
  public void setMaxFailuresPerAddress(int maxFailuresPerAddress) {
    this.maxFailuresPerAddress = maxFailuresPerAddress;
  }

  @JsonProperty
  public int getFailureWindowMinutes() {
    return failureWindowMinutes;
  }

  @JsonProperty
  public void setFailureWindowMinutes(int failureWindowMinutes) {
    this.failureWindowMinutes = failureWindowMinutes;
  }

  /** Secure cookies even when the request reached the API over plain http (behind a TLS proxy). */
  @JsonProperty
  public boolean isSecureCookies() {
    return secureCookies;
  }

  @JsonProperty
  public void setSecureCookies(boolean secureCookies) {
    this.secureCookies = secureCookies;
  }

  /** Where people reach the API from outside, for invitation links; empty: the request's own. */
  @JsonProperty
  public String getPublicUrl() {
    return publicUrl;
  }

  @JsonProperty
  public void setPublicUrl(String publicUrl) {
    this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
  }

  /** The Temporal Web UI, for the console's links to a call's history; empty: no links. */
  @JsonProperty
  public String getTemporalUiUrl() {
    return temporalUiUrl;
  }

  @JsonProperty
  public void setTemporalUiUrl(String temporalUiUrl) {
    this.temporalUiUrl = temporalUiUrl == null ? "" : temporalUiUrl.strip().replaceAll("/+$", "");
  }

  @JsonIgnore
  @ValidationMethod(message = "console.publicUrl and temporalUiUrl must be empty or http(s) URLs")
  public boolean isUrlsValid() {
    return webUrl(publicUrl) && webUrl(temporalUiUrl);
  }

  private static boolean webUrl(String url) {
    return url.isEmpty() || url.matches("https?://[^\\s\"'<>]+");
  }

  @JsonIgnore
  public Duration sessionLifetime() {
    return Duration.ofHours(sessionHours);
  }

  @JsonIgnore
  public Duration idleTimeout() {
    return Duration.ofMinutes(idleMinutes);
  }

  @JsonIgnore
  public Duration invitationLifetime() {
    return Duration.ofDays(invitationDays);
  }

  @JsonIgnore
  public Duration failureWindow() {
    return Duration.ofMinutes(failureWindowMinutes);
  }
}
