package io.irisx.workflows.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlPolicyTest {
  /** Names resolve here, not through DNS: "rebind.test" is a public-looking name pointing home. */
  private static final WebhookUrlPolicy.Resolver RESOLVER =
      host ->
          switch (host) {
            case "rebind.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            case "mixed.test" ->
                new InetAddress[] {
                  InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3")
                };
            case "public.test" -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
            case "nowhere.test" -> throw new UnknownHostException(host);
            default -> InetAddress.getAllByName(host);
          };

  private final WebhookUrlPolicy production =
      new WebhookUrlPolicy(WebhookSettings.production(), RESOLVER);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://127.1.2.3:8443/hook",
        "https://localhost/hook",
        "https://[::1]/hook",
        "https://10.0.0.1/hook",
        "https://10.255.255.255/hook",
        "https://172.16.0.1/hook",
        "https://172.31.255.254/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fd00:ec2::254]/latest/meta-data/",
        "https://100.100.100.200/hook",
        "https://metadata.google.internal/computeMetadata/v1/",
        "https://0.0.0.0/hook",
        "https://[::]/hook",
        "https://2130706433/hook",
        "https://0x7f000001/hook",
        "https://0x7f.0.0.1/hook",
        "https://0177.0.0.1/hook",
        "https://127.1/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::ffff:7f00:1]/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://[::127.0.0.1]/hook",
        "https://[64:ff9b::7f00:1]/hook",
        "https://[2002:7f00:1::]/hook",
        "https://[fe80::1]/hook",
        "https://224.0.0.1/hook",
        "https://[ff02::1]/hook",
        "https://255.255.255.255/hook",
        "https://rebind.test/hook",
        "https://mixed.test/hook",
        "https://nowhere.test/hook",
        "http://public.test/hook",
        "ftp://public.test/hook",
        "https://user:pass@public.test/hook",
        "https:///hook",
        "not a url",
      })
  void hostileUrlsAreRefused(String url) {
    assertThatThrownBy(() -> production.check(url))
        .isInstanceOf(WebhookUrlRefusedException.class)
        .hasMessageNotContaining("pass");
  }

  @Test
  void publicAddressesPass() {
    assertThat(production.check("https://public.test/hooks?x=1").pinnedUri())
        .hasToString("https://93.184.215.14/hooks?x=1");
    assertThat(production.check("https://[2606:4700:4700::1111]:8443/a").pinnedUri())
        .hasToString("https://[2606:4700:4700:0:0:0:0:1111]:8443/a");
    assertThat(production.check("https://8.8.8.8").pinnedUri()).hasToString("https://8.8.8.8/");
  }

  @Test
  void theAllowListLetsLocalReceiversInAndNothingElse() {
    WebhookUrlPolicy local = new WebhookUrlPolicy(WebhookSettings.localReceivers(), RESOLVER);

    assertThat(local.check("http://127.0.0.1:8080/hook").addresses()).hasSize(1);
    assertThat(local.check("http://[::1]:8080/hook").addresses()).hasSize(1);
    assertThat(local.check("http://rebind.test:9000/hook").pinnedUri())
        .hasToString("http://127.0.0.1:9000/hook");
    assertThatThrownBy(() -> local.check("http://10.0.0.1/hook"))
        .isInstanceOf(WebhookUrlRefusedException.class);
    assertThatThrownBy(() -> local.check("http://169.254.169.254/"))
        .isInstanceOf(WebhookUrlRefusedException.class);
  }

  @Test
  void anAllowListEntryMustBeAnAddressOrBlock() {
    assertThatThrownBy(() -> new WebhookSettings(false, List.of("localhost"), null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WebhookSettings(false, List.of("10.0.0.0/33"), null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AddressBlock.parse("172.16.0.0/12").contains(address("172.31.1.1"))).isTrue();
    assertThat(AddressBlock.parse("172.16.0.0/12").contains(address("172.32.0.1"))).isFalse();
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
