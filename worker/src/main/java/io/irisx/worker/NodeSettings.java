package io.irisx.worker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The FreeSWITCH node this worker runs beside: its id (which names its task queue), its event
 * socket, and how it dials out ({@code {to}} is replaced by the E.164 number).
 */
public record NodeSettings(
    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String id,
    @NotBlank String eslHost,
    @Min(1) @Max(65535) int eslPort,
    @NotBlank String eslPassword,
    @NotBlank String dialTemplate) {

  @Override
  public String toString() {
    return "NodeSettings[id=" + id + ", esl=" + eslHost + ":" + eslPort + ", dialTemplate=" + dialTemplate + "]";
  }
}
