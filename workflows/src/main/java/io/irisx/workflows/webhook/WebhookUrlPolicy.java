package io.irisx.workflows.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which endpoint URLs webhooks may go to: http(s) only (https only in production mode), and only to
 * public unicast addresses. Loopback, private, link-local, multicast, unspecified, shared (CGNAT),
 * reserved and cloud-metadata addresses are refused, whatever form the URL writes them in, unless
 * the configuration's allow-list names them.
 *
 * <p>The API checks a URL when an endpoint is created or changed; the delivery activity checks it
 * again before each attempt and connects to the very address it checked ({@link Target#pinnedUri}),
 * so a name that re-resolves elsewhere in between (DNS rebinding) does not get through. Never
 * called from workflow code: resolving a name is I/O.
 */
public final class WebhookUrlPolicy {
  /** Resolves a host name to its addresses. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  public static final int MAX_URL_LENGTH = 2048;

  private static final Set<String> METADATA_HOSTS =
      Set.of("metadata.google.internal", "metadata.goog", "metadata", "instance-data");

  private static final List<AddressBlock> REFUSED_V4 =
      List.of(
          AddressBlock.parse("0.0.0.0/8"),
          AddressBlock.parse("100.64.0.0/10"),
          AddressBlock.parse("192.0.0.0/24"),
          AddressBlock.parse("192.0.2.0/24"),
          AddressBlock.parse("198.18.0.0/15"),
          AddressBlock.parse("198.51.100.0/24"),
          AddressBlock.parse("203.0.113.0/24"),
          AddressBlock.parse("240.0.0.0/4"));

  private static final List<AddressBlock> REFUSED_V6 =
      List.of(
          AddressBlock.parse("::/8"),
          AddressBlock.parse("100::/64"),
          AddressBlock.parse("2001::/32"),
          AddressBlock.parse("2001:db8::/32"),
          AddressBlock.parse("fc00::/7"),
          AddressBlock.parse("fec0::/10"));

  private static final AddressBlock NAT64 = AddressBlock.parse("64:ff9b::/96");
  private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("2002::/16");

  /**
   * A URL that passed, with the addresses its host resolved to, all allowed.
   *
   * @param host the host as written (brackets stripped from IPv6 literals)
   */
  public record Target(URI uri, String host, List<InetAddress> addresses) {
    /** The URL with its host replaced by the first checked address: what to connect to. */
    public URI pinnedUri() {
      InetAddress address = addresses.get(0);
      String literal = address.getHostAddress();
      int scope = literal.indexOf('%');
      if (scope >= 0) {
        literal = literal.substring(0, scope);
      }
      if (address instanceof Inet6Address) {
        literal = "[" + literal + "]";
      }
      StringBuilder pinned = new StringBuilder(uri.getScheme()).append("://").append(literal);
      if (uri.getPort() >= 0) {
        pinned.append(':').append(uri.getPort());
      }
      pinned.append(
          uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
      if (uri.getRawQuery() != null) {
        pinned.append('?').append(uri.getRawQuery());
      }
      return URI.create(pinned.toString());
    }

    public boolean isHttps() {
      return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** True when the URL names its host by address: TLS then has no name to check. */
    public boolean hostIsLiteral() {
      return AddressLiterals.isLiteral(host);
    }
  }

  private final WebhookSettings settings;
  private final List<AddressBlock> allowed;
  private final Resolver resolver;

  public WebhookUrlPolicy(WebhookSettings settings) {
    this(settings, InetAddress::getAllByName);
  }

  public WebhookUrlPolicy(WebhookSettings settings, Resolver resolver) {
    this.settings = settings;
    this.allowed = settings.allowedNetworks().stream().map(AddressBlock::parse).toList();
    this.resolver = resolver;
  }

  /** Checks the URL and every address its host resolves to; refuses with the reason otherwise. */
  public Target check(String url) {
    URI uri = parse(url);
    String host = hostOf(uri);
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException | SecurityException e) {
      throw WebhookUrlRefusedException.unresolved(host);
    }
    if (addresses == null || addresses.length == 0) {
      throw WebhookUrlRefusedException.unresolved(host);
    }
    // Every address must pass: a name with one public and one private address is refused.
    for (InetAddress address : addresses) {
      refusal(address)
          .ifPresent(
              why -> {
                throw new WebhookUrlRefusedException(
                    "the host " + host + " resolves to " + address.getHostAddress() + ", " + why);
              });
    }
    return new Target(uri, host, List.of(addresses));
  }

  /**
   * Checks an https URL a switch is to fetch media from (mod_http_cache, from inside the network):
   * as a webhook endpoint, and moreover https only and named by host name, never by an IP address
   * in any notation (a name is what TLS checks, and what this policy resolves and judges).
   */
  public Target checkMedia(String url) {
    refuseMediaForm(url);
    return check(url);
  }

  /**
   * The checks of {@link #checkMedia} that need no resolver: the form, https, no address literal,
   * no metadata host. What the ESL command builder applies to every media URL it is handed.
   */
  public URI refuseMediaForm(String url) {
    URI uri = parse(url);
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw new WebhookUrlRefusedException("a media URL must be https");
    }
    String host = hostOf(uri);
    if (AddressLiterals.isLiteral(host) || AddressLiterals.isObfuscatedIpv4(host)) {
      throw new WebhookUrlRefusedException(
          "the host " + host + " is an IP address; media URLs name their host");
    }
    return uri;
  }

  /** Checks the URL's form only (scheme, host, no credentials), without resolving it. */
  public URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw new WebhookUrlRefusedException("the URL is empty");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw new WebhookUrlRefusedException(
          "the URL is longer than " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new WebhookUrlRefusedException("the URL is malformed");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new WebhookUrlRefusedException("the URL must be http or https");
    }
    if (settings.productionMode() && !scheme.equals("https")) {
      throw new WebhookUrlRefusedException("the URL must be https");
    }
    if (uri.getRawUserInfo() != null) {
      throw new WebhookUrlRefusedException("the URL must not carry credentials");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new WebhookUrlRefusedException("the URL has no host");
    }
    if (uri.getRawFragment() != null) {
      throw new WebhookUrlRefusedException("the URL must not have a fragment");
    }
    String host = hostOf(uri);
    if (AddressLiterals.isObfuscatedIpv4(host)) {
      throw new WebhookUrlRefusedException(
          "the host " + host + " is an IPv4 address in a non-standard form");
    }
    if (METADATA_HOSTS.contains(host.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""))) {
      throw new WebhookUrlRefusedException("the host " + host + " is a cloud metadata service");
    }
    return uri;
  }

  /** Why an address may not receive webhooks; empty when it may. */
  public Optional<String> refusal(InetAddress address) {
    if (allowed.stream().anyMatch(block -> block.contains(address))) {
      return Optional.empty();
    }
    return classify(address);
  }

  private static Optional<String> classify(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return Optional.of("an unspecified address");
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address (cloud metadata lives there)");
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("a private address");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("a multicast address");
    }
    if (address instanceof Inet4Address) {
      byte[] b = address.getAddress();
      if ((b[0] & 0xff) == 255
          && (b[1] & 0xff) == 255
          && (b[2] & 0xff) == 255
          && (b[3] & 0xff) == 255) {
        return Optional.of("the broadcast address");
      }
      return REFUSED_V4.stream().anyMatch(block -> block.contains(address))
          ? Optional.of("a reserved or shared address")
          : Optional.empty();
    }
    byte[] b = address.getAddress();
    if (NAT64.contains(address)) {
      return classify(v4(b, 12)).map(why -> "an IPv6 form of " + why);
    }
    if (SIX_TO_FOUR.contains(address)) {
      return classify(v4(b, 2)).map(why -> "an IPv6 form of " + why);
    }
    return REFUSED_V6.stream().anyMatch(block -> block.contains(address))
        ? Optional.of("a reserved, unique-local or IPv4-embedding address")
        : Optional.empty();
  }

  private static InetAddress v4(byte[] bytes, int offset) {
    try {
      return InetAddress.getByAddress(
          new byte[] {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hostOf(URI uri) {
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host;
  }
}
