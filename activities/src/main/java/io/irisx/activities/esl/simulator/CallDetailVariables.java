package io.irisx.activities.esl.simulator;

import io.irisx.workflows.call.HangupCause;

/**
 * The CDR variables FreeSWITCH computes in the hangup state handler (switch_channel_set_timestamps)
 * after CHANNEL_HANGUP has gone out, which is why they appear only from CHANNEL_HANGUP_COMPLETE on.
 */
final class CallDetailVariables {
  private final SimulatedChannel channel;

  CallDetailVariables(SimulatedChannel channel) {
    this.channel = channel;
  }

  void apply() {
    long start = channel.createdMicros;
    long end = channel.hangupMicros;
    long answer = channel.answeredMicros;
    long progress = channel.progressMicros;
    long progressMedia = channel.progressMediaMicros;
    HangupCause cause = channel.hangupCause;

    set("hangup_cause", cause.name());
    set("hangup_cause_q850", Integer.toString(cause.q850()));
    set("digits_dialed", "none");
    set("start_stamp", EventClock.local(start));
    set("profile_start_stamp", EventClock.local(start));
    if (answer != 0) {
      set("answer_stamp", EventClock.local(answer));
    }
    if (progress != 0) {
      set("progress_stamp", EventClock.local(progress));
    }
    set("end_stamp", EventClock.local(end));
    epochPair("start", start);
    epochPair("profile_start", start);
    epochPair("answer", answer);
    epochPair("bridge", 0);
    epochPair("last_hold", 0);
    set("hold_accum_seconds", "0");
    set("hold_accum_usec", "0");
    set("hold_accum_ms", "0");
    epochPair("resurrect", 0);
    epochPair("progress", progress);
    epochPair("progress_media", progressMedia);
    epochPair("end", end);
    set("caller_id", callerId());

    long duration = end - start;
    long bill = answer != 0 ? end - answer : 0;
    long progressWait = progress != 0 ? progress - start : 0;
    long answerWait = answer != 0 ? answer - start : 0;
    long progressMediaWait = progressMedia != 0 ? progressMedia - start : 0;
    long flowBill = answer != 0 ? duration : 0;
    set("duration", seconds(duration));
    set("billsec", seconds(bill));
    set("progresssec", seconds(progressWait));
    set("answersec", seconds(answerWait));
    set("waitsec", "0");
    set("progress_mediasec", seconds(progressMediaWait));
    set("flow_billsec", seconds(flowBill));
    set("mduration", millis(duration));
    set("billmsec", millis(bill));
    set("progressmsec", millis(progressWait));
    set("answermsec", millis(answerWait));
    set("waitmsec", "0");
    set("progress_mediamsec", millis(progressMediaWait));
    set("flow_billmsec", millis(flowBill));
    set("uduration", Long.toString(duration));
    set("billusec", Long.toString(bill));
    set("progressusec", Long.toString(progressWait));
    set("answerusec", Long.toString(answerWait));
    set("waitusec", "0");
    set("progress_mediausec", Long.toString(progressMediaWait));
    set("flow_billusec", Long.toString(flowBill));
  }

  private String callerId() {
    String name = channel.callerIdName;
    String number = channel.callerIdNumber;
    return name == null || name.isEmpty() ? number : "\"" + name + "\" <" + number + ">";
  }

  private void epochPair(String prefix, long micros) {
    set(prefix + "_epoch", Long.toString(micros / 1_000_000L));
    set(prefix + "_uepoch", Long.toString(micros));
  }

  private void set(String name, String value) {
    channel.set(name, value);
  }

  private static String seconds(long micros) {
    return Long.toString(micros / 1_000_000L);
  }

  private static String millis(long micros) {
    return Long.toString(micros / 1_000L);
  }
}
