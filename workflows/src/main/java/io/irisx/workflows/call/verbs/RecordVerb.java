package io.irisx.workflows.call.verbs;

import io.irisx.temporal.TaskQueues;
import io.irisx.workflows.call.RecordingActivities;
import io.irisx.workflows.call.RecordingFile;
import io.irisx.workflows.call.RecordingRecordActivities;
import io.irisx.workflows.call.RecordingUpload;
import io.irisx.workflows.call.UploadedRecording;
import io.irisx.workflows.flow.CallerHungUpException;
import io.irisx.workflows.flow.Record;
import io.irisx.workflows.flow.Recording;
import io.irisx.workflows.webhook.WebhookEventTypes;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recordings of one call: a flow's {@code record(...)} and the whole-call recording of {@code
 * "record": true}. Recording runs on the channel's node; each finished file is uploaded in the
 * background (upload on the node's queue, row updates on the shared one) and the call's workflow
 * waits for every upload before it completes, so each recording ends {@code available} or {@code
 * failed}, never stuck.
 */
final class RecordVerb {
  /** Everything recordings add to the call workflow; histories before it never record. */
  static final String CHANGE = "call-recording";

  /** Recordings the caller's hangup closed end HANGUP rather than MAX_LENGTH. */
  static final String HANGUP_ENDING_CHANGE = "recording-hangup-ending";

  /** After the switch should have stopped by itself, how long before the workflow stops it. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  /**
   * How long to wait for RECORD_STOP after an explicit stop (the file is closed by then anyway).
   */
  private static final Duration STOP_EVENT_WAIT = Duration.ofSeconds(10);

  private final CallSession session;
  private final CallTimeline timeline;
  private final ChannelWait wait;
  private final AnswerVerb answer;
  private final PlayVerb play;
  private final RecordingRecordActivities rows =
      Workflow.newActivityStub(RecordingRecordActivities.class);
  private final List<Promise<Void>> uploads = new ArrayList<>();

  /** The whole-call recording, uploaded once the call has ended; null without one. */
  private RecordingFile wholeCall;

  RecordVerb(
      CallSession session,
      CallTimeline timeline,
      ChannelWait wait,
      AnswerVerb answer,
      PlayVerb play) {
    this.session = session;
    this.timeline = timeline;
    this.wait = wait;
    this.answer = answer;
    this.play = play;
  }

  /** A flow's {@code record(...)}: see {@link io.irisx.workflows.flow.Call#record}. */
  Recording record(Record options) {
    requireVersion();
    answer.answer();
    if (options.beepMedia() != null) {
      play.play(options.beepMedia());
    }
    ChannelTracker channel = session.channel();
    channel.forgetTypedDigits();
    RecordingFile file = start(options.maxLength(), options.silence());
    long startedAt = Workflow.currentTimeMillis();
    Recording.Ending ending = awaitStop(file, options, startedAt);
    ChannelTracker.RecordStop stop = channel.recordStop(file.path());
    long millis =
        stop != null && stop.millis() != null
            ? stop.millis()
            : Math.max(0, Workflow.currentTimeMillis() - startedAt);
    timeline.step("call.recording-stopped", file.recordingId() + " " + ending.name().toLowerCase());
    upload(file);
    return new Recording(file.recordingId(), millis, ending);
  }

  /**
   * {@code "record": true}: records from answer to hangup; uploaded by {@link #uploadWholeCall}.
   */
  void recordWholeCall() {
    requireVersion();
    try {
      wholeCall = start(Record.LONGEST, Duration.ZERO);
    } catch (CallerHungUpException hungUpMeanwhile) {
      // nothing was recorded: the call ended before the switch started
    }
  }

  /** Once the call has ended: the switch closed the whole-call file at hangup; send it. */
  void uploadWholeCall() {
    if (wholeCall != null) {
      upload(wholeCall);
      wholeCall = null;
    }
  }

  /** Blocks until every upload has ended (available or failed). */
  void awaitUploads() {
    for (Promise<Void> upload : uploads) {
      upload.get();
    }
  }

  private void requireVersion() {
    if (Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      throw new IllegalStateException("this call started before IRISX could record calls");
    }
  }

  private RecordingFile start(Duration maxLength, Duration silence) {
    String recordingId = Workflow.randomUUID().toString();
    int maxSeconds = (int) Math.min(Integer.MAX_VALUE, (maxLength.toMillis() + 999) / 1000);
    RecordingFile file;
    try {
      file =
          node()
              .startRecording(
                  session.channelUuid(), recordingId, maxSeconds, (int) silence.toMillis());
    } catch (ActivityFailure failure) {
      if (session.channel().ended()) {
        throw new CallerHungUpException(session.channel().hangupCause());
      }
      throw failure;
    }
    rows.recordingStarted(
        recordingId, session.request().tenantId(), session.request().callId(), file.startedAt());
    timeline.step("call.recording-started", recordingId);
    return file;
  }

  /**
   * Waits for the recording's end: its RECORD_STOP (maximum length or silence, decided by the
   * switch), a stop key, the hangup, or, should the switch's event be lost, a deadline just after
   * the maximum length. A redirect stops the recording, keeps it, and lets the redirect proceed.
   */
  private Recording.Ending awaitStop(RecordingFile file, Record options, long startedAt) {
    ChannelTracker channel = session.channel();
    long deadline = startedAt + options.maxLength().plus(STOP_GRACE).toMillis();
    Duration watchdog = session.watchdog();
    while (true) {
      timeline.flush();
      ChannelTracker.RecordStop stop = channel.recordStop(file.path());
      if (stop != null) {
        Recording.Ending ending = switchEnding(stop.completionCause());
        if (stop.closedByHangup() && session.stepsOwnEvents()) {
          // The hangup closed it; the hangup itself is signalled just after (one signal each).
          return Recording.Ending.HANGUP;
        }
        // The switch closes a recording at hangup with success-maxtime or success-silence (capture
        // 21): short of the limit, with the call over, the caller hung up.
        if ((ending == Recording.Ending.MAX_LENGTH || ending == Recording.Ending.SILENCE)
            && channel.ended()
            && stop.millis() != null
            && stop.millis() < options.maxLength().toMillis()
            && Workflow.getVersion(HANGUP_ENDING_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
          return Recording.Ending.HANGUP;
        }
        return ending;
      }
      if (channel.ended()) {
        return Recording.Ending.HANGUP;
      }
      if (stopKeyPressed(options.stopKeys())) {
        stopAndAwaitEvent(file);
        return Recording.Ending.KEY;
      }
      if (session.redirectWaiting()) {
        stopAndAwaitEvent(file);
        upload(file);
        throw new RedirectInterruption();
      }
      long left = deadline - Workflow.currentTimeMillis();
      if (left <= 0) {
        stopAndAwaitEvent(file);
        return Recording.Ending.MAX_LENGTH;
      }
      boolean woken =
          Workflow.await(
              left < watchdog.toMillis() ? Duration.ofMillis(left) : watchdog,
              () ->
                  channel.recordStop(file.path()) != null
                      || channel.ended()
                      || channel.hasTypedDigit()
                      || channel.hasPendingSteps()
                      || session.redirectWaiting());
      if (!woken && Workflow.currentTimeMillis() < deadline) {
        wait.checkChannelStillThere();
      }
    }
  }

  private boolean stopKeyPressed(String stopKeys) {
    ChannelTracker channel = session.channel();
    for (String digit = channel.takeDigit(); digit != null; digit = channel.takeDigit()) {
      if (stopKeys.contains(digit)) {
        return true;
      }
    }
    return false;
  }

  private void stopAndAwaitEvent(RecordingFile file) {
    ChannelTracker channel = session.channel();
    if (!channel.ended()) {
      node().stopRecording(session.channelUuid(), file.path());
    }
    Workflow.await(
        STOP_EVENT_WAIT, () -> channel.recordStop(file.path()) != null || channel.ended());
  }

  /**
   * The switch's Record-Completion-Cause; it reports success-maxtime for a stopped recording too.
   */
  private static Recording.Ending switchEnding(String completionCause) {
    if ("success-silence".equals(completionCause) || "no-input-timeout".equals(completionCause)) {
      return Recording.Ending.SILENCE;
    }
    if (completionCause == null || "success-maxtime".equals(completionCause)) {
      return Recording.Ending.MAX_LENGTH;
    }
    return Recording.Ending.STOPPED;
  }

  /** Uploads in the background: uploading, upload, then available (or failed), then the webhook. */
  private void upload(RecordingFile file) {
    RecordingActivities node = node();
    RecordingUpload upload =
        new RecordingUpload(
            file.recordingId(),
            session.request().tenantId(),
            session.request().callId(),
            file.path(),
            file.startedAt());
    uploads.add(Async.procedure(() -> uploadNow(node, upload)));
  }

  private void uploadNow(RecordingActivities node, RecordingUpload upload) {
    String id = upload.recordingId();
    rows.recordingUploading(id);
    Map<String, Object> data = timeline.callData();
    data.put("recordingId", id);
    try {
      UploadedRecording uploaded = node.upload(upload);
      rows.recordingAvailable(id, uploaded);
      data.put("durationMillis", uploaded.durationMillis());
      data.put("sizeBytes", uploaded.sizeBytes());
      data.put("checksumSha256", uploaded.checksumSha256());
      timeline.publish(WebhookEventTypes.RECORDING_COMPLETED, data);
    } catch (ActivityFailure failure) {
      String message = reason(failure);
      String reason = message == null ? "upload failed" : message;
      rows.recordingFailed(id, reason);
      data.put("reason", reason);
      timeline.publish(WebhookEventTypes.RECORDING_FAILED, data);
    }
  }

  /** The activity's own message, without the failure's type and flags around it. */
  private static String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof io.temporal.failure.ApplicationFailure application
        ? application.getOriginalMessage()
        : cause.getMessage();
  }

  private RecordingActivities node() {
    return Workflow.newActivityStub(
        RecordingActivities.class,
        ActivityOptions.newBuilder().setTaskQueue(TaskQueues.node(session.nodeId())).build());
  }
}
