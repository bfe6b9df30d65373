package io.irisx.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

public interface PhoneNumberDao {
  /**
   * The route for an inbound call to {@code number} (strict E.164): only an active, undeleted
   * number with a flow of an active tenant routes; anything else is an unallocated number.
   */
  @SqlQuery(
      """
      SELECT p.id AS phone_number_id, p.tenant_id, p.number, p.voice_flow AS flow,
             p.voice_flow_params::text AS flow_params_json
      FROM phone_numbers p JOIN tenants t ON t.id = p.tenant_id
      WHERE p.number = :number AND p.deleted_at IS NULL AND p.status = 'active'
        AND p.voice_flow IS NOT NULL
        AND t.deleted_at IS NULL AND t.status = 'active'
      """)
  @RegisterConstructorMapper(InboundRoute.class)
  Optional<InboundRoute> findInboundRoute(@Bind("number") String number);
}
