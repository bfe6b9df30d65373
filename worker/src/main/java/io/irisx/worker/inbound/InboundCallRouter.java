package io.irisx.worker.inbound;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.irisx.activities.esl.ApiReply;
import io.irisx.activities.esl.EslCommandBuilder;
import io.irisx.db.InboundRoute;
import io.irisx.db.PhoneNumberDao;
import io.irisx.temporal.LogContext;
import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.call.CallRequest;
import io.irisx.workflows.call.CallSearchAttributes;
import io.irisx.workflows.call.CallWorkflow;
import io.irisx.workflows.call.InboundLeg;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a call the node's dialplan parked and hands it to the flow its DID is configured with: tags
 * the channel with its call id, then starts the call workflow. A DID nobody owns is hung up with
 * UNALLOCATED_NUMBER, as a carrier would; a call IRISX cannot take right now (database or Temporal
 * unreachable) is hung up with NORMAL_TEMPORARY_FAILURE, so the caller's side may retry, rather
 * than left ringing in park with nobody looking after it.
 *
 * <p>The call id is derived from the channel's uuid, so the same park seen twice (a reconnect, a
 * worker restart) starts one workflow, not two.
 */
public final class InboundCallRouter {
  static final String UNALLOCATED_NUMBER = "UNALLOCATED_NUMBER";
  static final String NORMAL_TEMPORARY_FAILURE = "NORMAL_TEMPORARY_FAILURE";
  private static final Logger log = LoggerFactory.getLogger(InboundCallRouter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String nodeId;
  private final Jdbi jdbi;
  private final WorkflowClient temporal;
  private final EslCommandBuilder commands;
  private final SwitchCommandLine node;

  private final CallerNumberRule callerNumbers;

  public InboundCallRouter(
      String nodeId,
      Jdbi jdbi,
      WorkflowClient temporal,
      EslCommandBuilder commands,
      SwitchCommandLine node) {
    this(nodeId, jdbi, temporal, commands, node, CallerNumberRule.E164_ONLY);
  }

  /** As above, normalising caller numbers with the node's {@code callerNumbers} rule. */
  public InboundCallRouter(
      String nodeId,
      Jdbi jdbi,
      WorkflowClient temporal,
      EslCommandBuilder commands,
      SwitchCommandLine node,
      CallerNumberRule callerNumbers) {
    this.callerNumbers = callerNumbers;
    this.nodeId = nodeId;
    this.jdbi = jdbi;
    this.temporal = temporal;
    this.commands = commands;
    this.node = node;
  }

  /** The call id an inbound channel gets: stable for the channel, distinct from every other. */
  public static String callIdFor(String channelUuid) {
    return UUID.nameUUIDFromBytes(("irisx-inbound:" + channelUuid).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public void route(ParkedCall parked) {
    Optional<String> did = DialledNumber.e164(parked.destination());
    Optional<InboundRoute> route;
    try {
      route =
          did.flatMap(
              number ->
                  jdbi.withExtension(PhoneNumberDao.class, dao -> dao.findInboundRoute(number)));
    } catch (RuntimeException e) {
      log.error(
          "inbound call {} to {}: cannot look the number up; refusing it",
          parked.channelUuid(),
          parked.destination(),
          e);
      refuse(parked, NORMAL_TEMPORARY_FAILURE);
      return;
    }
    if (route.isEmpty()) {
      log.warn(
          "inbound call {} from {} to {} on node {}: no active number with a flow; hanging up with {}",
          parked.channelUuid(),
          parked.caller(),
          parked.destination(),
          nodeId,
          UNALLOCATED_NUMBER);
      refuse(parked, UNALLOCATED_NUMBER);
      return;
    }
    take(parked, route.get());
  }

  private void take(ParkedCall parked, InboundRoute route) {
    String callId = callIdFor(parked.channelUuid());
    try (LogContext.Scope ignored = LogContext.forCall(callId, route.tenantId().toString())) {
      take(parked, route, callId);
    }
  }

  private void take(ParkedCall parked, InboundRoute route, String callId) {
    try {
      ApiReply tagged = node.api(commands.tagWithCallId(parked.channelUuid(), callId));
      if (tagged.isError()) {
        // The caller hung up in the meantime: there is no call to take.
        log.info(
            "inbound call {} to {}: channel gone before it was taken ({})",
            callId,
            route.number(),
            tagged.firstLine());
        return;
      }
      CallRequest request = request(parked, route, callId);
      CallWorkflow workflow =
          temporal.newWorkflowStub(
              CallWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(CallRequest.workflowId(callId))
                  .setTaskQueue(TaskQueues.CALLS)
                  .setTypedSearchAttributes(CallSearchAttributes.initial(request))
                  .setStaticSummary(
                      "inbound " + parked.caller() + " → " + route.number() + " · " + route.flow())
                  .setStaticDetails(
                      "Inbound call "
                          + callId
                          + " on node "
                          + nodeId
                          + ", channel "
                          + parked.channelUuid()
                          + ", tenant "
                          + route.tenantId()
                          + ", number "
                          + route.phoneNumberId())
                  .build());
      WorkflowClient.start(workflow::run, request);
      log.info(
          "inbound call {} from {} to {} (tenant {}) on node {}: running flow {}",
          callId,
          parked.caller(),
          route.number(),
          route.tenantId(),
          nodeId,
          route.flow());
    } catch (WorkflowExecutionAlreadyStarted alreadyTaken) {
      log.debug("inbound call {} was already taken", callId);
    } catch (RuntimeException e) {
      log.error(
          "inbound call {} to {}: could not start its workflow; refusing it",
          callId,
          route.number(),
          e);
      refuse(parked, NORMAL_TEMPORARY_FAILURE);
    }
  }

  private CallRequest request(ParkedCall parked, InboundRoute route, String callId) {
    InboundCaller caller = InboundCaller.of(parked.caller(), callerNumbers);
    if (!caller.normalised()) {
      log.info(
          "inbound call {}: caller '{}' is not a number the node's rule normalises; reported as {}",
          callId,
          caller.raw(),
          InboundCaller.ANONYMOUS);
    }
    return new CallRequest(
        callId,
        route.tenantId().toString(),
        caller.from(),
        route.number(),
        route.flow(),
        params(route),
        0,
        0,
        new InboundLeg(
            nodeId,
            parked.channelUuid(),
            route.phoneNumberId().toString(),
            parked.parkedAtMicros(),
            caller.raw()),
        null);
  }

  private static Map<String, Object> params(InboundRoute route) {
    try {
      Map<String, Object> params =
          JSON.readValue(route.flowParamsJson(), new TypeReference<Map<String, Object>>() {});
      params.values().removeIf(java.util.Objects::isNull); // a null parameter is an absent one
      return params;
    } catch (IOException e) {
      // The column is constrained to a JSON object; this is a broken row, not a broken call.
      log.warn(
          "number {}: unreadable flow params; running {} without them",
          route.number(),
          route.flow(),
          e);
      return Map.of();
    }
  }

  private void refuse(ParkedCall parked, String cause) {
    try {
      ApiReply reply = node.api(commands.kill(parked.channelUuid(), cause));
      if (reply.isError()) {
        log.info("refusing inbound call {}: {}", parked.channelUuid(), reply.firstLine());
      }
    } catch (RuntimeException e) {
      log.error("could not refuse inbound call {} with {}", parked.channelUuid(), cause, e);
    }
  }
}
