package io.irisx.temporal;

/**
 * TLS towards the Temporal frontend. With only {@code enabled}, the server is checked against the
 * JVM's trust store; {@code caCertFile} trusts a private CA instead; {@code clientCertFile} and
 * {@code clientKeyFile} (PEM, PKCS#8 key) add mutual TLS, as Temporal Cloud's certificate
 * authentication and most self-hosted clusters use. {@code serverName} overrides the name checked
 * in the server's certificate (when the target is an IP address or a load balancer).
 */
public record TemporalTls(
    boolean enabled,
    String caCertFile,
    String clientCertFile,
    String clientKeyFile,
    String serverName) {

  public boolean mutual() {
    return present(clientCertFile) || present(clientKeyFile);
  }

  static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
