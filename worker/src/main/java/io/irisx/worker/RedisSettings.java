package io.irisx.worker;

import jakarta.validation.constraints.NotBlank;

/** Where Redis is, as a Redisson address such as {@code redis://127.0.0.1:6379}. */
public record RedisSettings(@NotBlank String address, String password) {
  @Override
  public String toString() {
    return "RedisSettings[address=" + address + "]";
  }
}
