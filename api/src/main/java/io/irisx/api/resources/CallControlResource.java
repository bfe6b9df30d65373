package io.irisx.api.resources;

import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.calls.CallController;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.representations.CallCommandBodies;
import io.irisx.api.representations.LiveCallView;
import io.irisx.api.requests.FlowParamsValidator;
import io.irisx.workflows.call.CallCommands;
import io.irisx.workflows.call.HangupCause;
import io.irisx.workflows.flow.CallFlows;
import io.irisx.workflows.flow.Media;
import io.irisx.workflows.webhook.WebhookUrlPolicy;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code /v1/calls/{id}/hangup|play|dtmf|redirect}: live control of a call. The request's shape is
 * checked here (422); whether the call can take it right now is decided by its workflow (409).
 */
@Path("/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CallControlResource {
  private static final Pattern DIGITS = Pattern.compile("[0-9A-Da-d*#wW]{1,64}");

  private final CallController controller;
  private final CallFlows flows;
  private final WebhookUrlPolicy urls;
  private final FlowParamsValidator params;

  /** {@code urls}: the webhook address policy, which media URLs the node fetches must pass too. */
  public CallControlResource(
      CallController controller,
      CallFlows flows,
      WebhookUrlPolicy urls,
      FlowParamsValidator params) {
    this.controller = controller;
    this.flows = flows;
    this.urls = urls;
    this.params = params;
  }

  @POST
  @Path("{id}/hangup")
  public LiveCallView hangup(
      @Auth AuthenticatedTenant tenant, @PathParam("id") String id, CallCommandBodies.Hangup body) {
    UUID callId = callId(id);
    controller.requireCall(
        tenant, callId); // not found before invalid: the body says nothing of others' calls
    String cause = body == null ? null : body.cause();
    if (cause != null && !HangupCause.isName(cause)) {
      throw ProblemException.validation(
          "cause", "must be a Q.850 cause name such as NORMAL_CLEARING or CALL_REJECTED");
    }
    return LiveCallView.of(controller.hangup(tenant, callId, hangupCommand(cause)));
  }

  // A false positive: the workflows module is not yet checked by NullAway and its Hangup command
  // does not say yet that its cause is optional (null: the workflow's default, NORMAL_CLEARING).
  @SuppressWarnings("NullAway")
  private static CallCommands.Hangup hangupCommand(@Nullable String cause) {
    return new CallCommands.Hangup(cause);
  }

  @POST
  @Path("{id}/play")
  public LiveCallView play(
      @Auth AuthenticatedTenant tenant, @PathParam("id") String id, CallCommandBodies.Play body) {
    UUID callId = callId(id);
    controller.requireCall(
        tenant, callId); // not found before invalid: the body says nothing of others' calls
    String mode = playMode(body);
    return LiveCallView.ofPlay(
        controller.play(tenant, callId, new CallCommands.Play(media(body), mode)), mode);
  }

  @POST
  @Path("{id}/dtmf")
  public LiveCallView dtmf(
      @Auth AuthenticatedTenant tenant, @PathParam("id") String id, CallCommandBodies.Dtmf body) {
    UUID callId = callId(id);
    controller.requireCall(
        tenant, callId); // not found before invalid: the body says nothing of others' calls
    if (body == null || body.digits() == null || !DIGITS.matcher(body.digits()).matches()) {
      throw ProblemException.validation(
          "digits", "must be 1 to 64 of 0-9 A-D * # (w and W pause for 0.5 s and 1 s)");
    }
    return LiveCallView.of(
        controller.sendDigits(tenant, callId, new CallCommands.SendDigits(body.digits())));
  }

  @POST
  @Path("{id}/redirect")
  public LiveCallView redirect(
      @Auth AuthenticatedTenant tenant,
      @PathParam("id") String id,
      CallCommandBodies.Redirect body) {
    UUID callId = callId(id);
    controller.requireCall(
        tenant, callId); // not found before invalid: the body says nothing of others' calls
    if (body == null || body.flow() == null || body.flow().isBlank()) {
      throw ProblemException.validation("flow", "is required");
    }
    if (!flows.contains(body.flow())) {
      throw new ProblemException(
          ProblemType.UNKNOWN_FLOW,
          "No flow named '"
              + body.flow()
              + "'. Known flows: "
              + String.join(", ", flows.names())
              + ".");
    }
    Map<String, Object> given = body.params() == null ? Map.of() : body.params();
    var problems = params.problems(body.flow(), given);
    if (!problems.isEmpty()) {
      throw ProblemException.validation(problems);
    }
    return LiveCallView.of(
        controller.redirect(tenant, callId, new CallCommands.Redirect(body.flow(), given)));
  }

  /** interrupt (the default) or queue: what a live play does to the flow's prompt playing. */
  private static String playMode(CallCommandBodies.Play body) {
    String mode = body == null ? null : body.mode();
    if (mode == null) {
      return CallCommands.Play.INTERRUPT;
    }
    if (!mode.equals(CallCommands.Play.INTERRUPT) && !mode.equals(CallCommands.Play.QUEUE)) {
      throw ProblemException.validation("mode", "must be interrupt or queue");
    }
    return mode;
  }

  /** The one thing to play, as the media reference the switch takes. */
  private String media(CallCommandBodies.Play body) {
    List<String> given = new ArrayList<>();
    if (body != null) {
      if (body.file() != null) given.add("file");
      if (body.tone() != null) given.add("tone");
      if (body.url() != null) given.add("url");
      if (body.text() != null) given.add("text");
    }
    if (given.size() != 1) {
      throw ProblemException.validation("body", "give exactly one of file, tone, url, text");
    }
    try {
      if (body.file() != null) {
        return Media.file(body.file()).reference();
      }
      if (body.tone() != null) {
        return Media.tone(body.tone()).reference();
      }
      if (body.text() != null) {
        return Media.speech(body.text()).reference();
      }
    } catch (IllegalArgumentException invalid) {
      throw ProblemException.validation(given.get(0), hint(given.get(0)));
    }
    return checkedUrl(body.url());
  }

  /**
   * An https URL the node may fetch: the shape the switch command allows, and, as for webhook
   * endpoints, a host that resolves only to public addresses (the node must not be turned on the
   * private network). The node fetches it itself, so the check is at the API, when it is asked.
   */
  private String checkedUrl(String url) {
    Media media;
    try {
      media = Media.url(url);
    } catch (IllegalArgumentException invalid) {
      throw ProblemException.validation("url", hint("url"));
    }
    try {
      urls.checkMedia(url);
    } catch (io.irisx.workflows.webhook.WebhookUrlRefusedException refused) {
      throw ProblemException.validation("url", "is not allowed: " + refused.getMessage());
    }
    return media.reference();
  }

  private static final Map<String, String> HINTS =
      Map.of(
          "file",
              "must be a sound file path relative to the node's sound root (no leading /, no ..),"
                  + " e.g. ivr/ivr-welcome.wav",
          "tone", "must be a FreeSWITCH tone spec, e.g. %(250,50,440)",
          "text",
              "must be 1 to 1000 letters, digits, spaces and . , ? ! % - (no quotes, | $ { } or :)",
          "url",
              "must be an https URL of letters, digits and _ . ~ / % = & + - (no spaces or quotes)");

  private static String hint(String field) {
    return Objects.requireNonNull(HINTS.get(field), () -> "no hint for " + field);
  }

  private static UUID callId(String id) {
    try {
      UUID uuid = UUID.fromString(id);
      if (uuid.toString().equalsIgnoreCase(id)) {
        return uuid;
      }
    } catch (IllegalArgumentException notAnId) {
      // a 404 below, like any id that names no call of the tenant
    }
    throw new ProblemException(
        ProblemType.NOT_FOUND,
        "No call " + (id.length() <= 40 ? id : id.substring(0, 40) + "…") + ".");
  }
}
