package io.irisx.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.irisx.api.ApiTestStack;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TenantProvisionerTest {
  @RegisterExtension static final ApiTestStack STACK = new ApiTestStack();

  @Test
  void aNewTenantGetsAnActiveKeyStoredOnlyAsItsHash() {
    TenantProvisioner provisioner = new TenantProvisioner(STACK.jdbi());

    ProvisionedTenant tenant = provisioner.provision("Acme");

    assertThat(tenant.apiKey()).matches("irx_[A-Za-z0-9_-]{43}");
    assertThat(provisioner.isActiveKey(tenant.apiKey())).isTrue();
    Map<String, Object> stored =
        STACK
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT * FROM api_keys WHERE tenant_id = :t")
                        .bind("t", tenant.tenantId())
                        .mapToMap()
                        .one());
    assertThat(stored.get("key_hash")).isEqualTo(ApiKeys.hash(tenant.apiKey()));
    assertThat(stored.get("key_prefix")).isEqualTo(tenant.apiKey().substring(0, 12));
    assertThat(stored.values()).noneMatch(v -> v != null && v.toString().contains(tenant.apiKey()));
    assertThat(tenant.toString()).doesNotContain(tenant.apiKey());
    String name =
        STACK
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT name FROM tenants WHERE id = :t")
                        .bind("t", tenant.tenantId())
                        .mapTo(String.class)
                        .one());
    assertThat(name).isEqualTo("Acme");
  }

  @Test
  void everyTenantGetsADifferentKey() {
    TenantProvisioner provisioner = new TenantProvisioner(STACK.jdbi());

    assertThat(provisioner.provision("a").apiKey())
        .isNotEqualTo(provisioner.provision("b").apiKey());
  }

  @Test
  void keysThatWereNeverIssuedAreNotActive() {
    TenantProvisioner provisioner = new TenantProvisioner(STACK.jdbi());

    assertThat(provisioner.isActiveKey(null)).isFalse();
    assertThat(provisioner.isActiveKey("")).isFalse();
    assertThat(provisioner.isActiveKey("irx_nope")).isFalse();
    assertThat(provisioner.isActiveKey(new ApiKeys(new java.security.SecureRandom()).generate()))
        .isFalse();
  }

  @Test
  void aTenantNeedsAName() {
    assertThatThrownBy(() -> new TenantProvisioner(STACK.jdbi()).provision(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
