package io.irisx.activities.cdr;

import io.irisx.db.CallCompletion;
import io.irisx.db.CallDao;
import io.irisx.db.CallLogDao;
import io.irisx.db.CallLogRow;
import io.irisx.db.InboundCallRow;
import io.irisx.workflows.call.CallDetailRecord;
import io.irisx.workflows.call.CallRecordActivities;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallStatus;
import io.irisx.workflows.call.CallTransition;
import io.irisx.workflows.call.InboundCallRegistration;
import io.irisx.workflows.call.OutboundCallRestore;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a call's timeline and CDR to PostgreSQL. Each method is one transaction whose writes are
 * idempotent (call_logs keyed by (call, sequence); a status never moves backwards; the first CDR
 * wins), so Temporal may retry it at any point. A call's row shows a final status only together
 * with its CDR.
 */
public final class CallRecordActivitiesImpl implements CallRecordActivities {
  /**
   * Not retryable: the API commits a call's row before it starts the call's workflow, so a row that
   * is missing was lost (the database lost its last commits); retrying could never find it. The
   * workflow writes it again from its own request ({@link #restoreOutbound}) and tries again.
   */
  public static final String CALL_NOT_FOUND = CallRecordActivities.CALL_NOT_FOUND;

  /** Not retryable: the workflow sent something no retry can fix. */
  static final String INVALID_RECORD = "InvalidCallRecord";

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final Jdbi jdbi;

  public CallRecordActivitiesImpl(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void registerInbound(InboundCallRegistration call) {
    jdbi.useExtension(
        CallDao.class,
        calls ->
            calls.insertInbound(
                new InboundCallRow(
                    uuid(call.callId(), "callId"),
                    uuid(call.tenantId(), "tenantId"),
                    call.from(),
                    call.to(),
                    call.flow(),
                    call.phoneNumberId() == null
                        ? null
                        : uuid(call.phoneNumberId(), "phoneNumberId"),
                    call.nodeId(),
                    call.channelUuid(),
                    CallRequest.workflowId(call.callId()),
                    call.arrivedAt(),
                    call.fromRaw())));
  }

  @Override
  public void recordTransition(CallTransition transition) {
    UUID callId = uuid(transition.callId(), "callId");
    UUID tenantId = uuid(transition.tenantId(), "tenantId");
    String status = transition.status() == null ? null : transition.status().wireName();
    jdbi.useTransaction(
        handle -> {
          CallDao calls = requireCall(handle, tenantId, callId);
          handle
              .attach(CallLogDao.class)
              .insertIfAbsent(
                  new CallLogRow(
                      callId,
                      tenantId,
                      transition.sequence(),
                      transition.eventType(),
                      status,
                      transition.detail(),
                      transition.occurredAt()));
          // A final status reaches the row only with its CDR (writeCdr), so a reader who sees
          // "busy" or "completed" also sees the times and the hangup cause.
          if (status != null && !transition.status().isFinal()) {
            calls.updateStatus(
                callId,
                status,
                transition.occurredAt(),
                transition.nodeId(),
                transition.channelUuid());
          }
        });
  }

  @Override
  public void writeCdr(CallDetailRecord record) {
    UUID callId = uuid(record.callId(), "callId");
    UUID tenantId = uuid(record.tenantId(), "tenantId");
    CallStatus status = record.status();
    if (status == null || !status.isFinal()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "a CDR needs a final status, got " + status + " for call " + callId, INVALID_RECORD);
    }
    jdbi.useTransaction(
        handle ->
            requireCall(handle, tenantId, callId)
                .writeCdr(
                    new CallCompletion(
                        callId,
                        status.wireName(),
                        record.nodeId(),
                        record.channelUuid(),
                        record.ringingAt(),
                        record.answeredAt(),
                        record.endedAt(),
                        record.durationSeconds(),
                        record.billSeconds(),
                        record.hangupCause(),
                        record.hangupCauseCode(),
                        metadataJson(record),
                        record.sipCode(),
                        record.hungUpBy())));
  }

  @Override
  public void restoreOutbound(OutboundCallRestore call) {
    jdbi.useExtension(
        CallDao.class,
        calls ->
            calls.insertQueued(
                uuid(call.callId(), "callId"),
                uuid(call.tenantId(), "tenantId"),
                call.from(),
                call.to(),
                call.flow(),
                call.queuedAt()));
  }

  private static String metadataJson(CallDetailRecord record) {
    if (record.metadata() == null || record.metadata().isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(record.metadata());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "unwritable CDR metadata: " + e.getMessage(), INVALID_RECORD);
    }
  }

  /** The DAO, once the call is known to be the tenant's: writes by call id stay tenant-scoped. */
  private static CallDao requireCall(Handle handle, UUID tenantId, UUID callId) {
    CallDao calls = handle.attach(CallDao.class);
    if (calls.find(tenantId, callId).isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "call " + callId + " not found for tenant " + tenantId, CALL_NOT_FOUND);
    }
    return calls;
  }

  private static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          field + " is not a UUID: " + value, INVALID_RECORD);
    }
  }
}
