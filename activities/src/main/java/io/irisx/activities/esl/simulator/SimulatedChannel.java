package io.irisx.activities.esl.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one simulated outbound SIP leg and how FreeSWITCH renders it: the channel data
 * and caller-profile headers (switch_channel_event_set_basic_data), the variables, and the
 * {@code show channels} row. Not thread-safe: its {@link CallLeg} serialises access.
 */
final class SimulatedChannel {
  private static final String DEFAULT_CID = "0000000000";

  final String uuid;
  final OriginateRequest request;
  final long createdMicros;
  private final Map<String, String> variables = new LinkedHashMap<>();

  String runningState = "CS_NEW";
  int stateNumber;
  String callState = "DOWN";
  String answerState = "ringing";
  boolean hitDialplan;
  boolean mediaUp;
  String networkAddr;
  String callerIdName;
  String callerIdNumber;
  final String origCallerIdNumber;
  String calleeIdName = "Outbound Call";
  String calleeIdNumber;
  long progressMicros;
  long progressMediaMicros;
  long answeredMicros;
  long hangupMicros;
  HangupCause hangupCause;
  String application;
  String applicationData;

  SimulatedChannel(String uuid, OriginateRequest request, long sessionId, int mediaPort, long createdMicros) {
    this.uuid = uuid;
    this.request = request;
    this.createdMicros = createdMicros;
    String positionalNumber = request.callerIdNumber() == null ? DEFAULT_CID : request.callerIdNumber();
    this.origCallerIdNumber = positionalNumber;
    this.callerIdNumber = orDefault(request.variable("origination_caller_id_number"), positionalNumber);
    this.callerIdName = orDefault(request.variable("origination_caller_id_name"), request.callerIdName());
    this.calleeIdNumber = request.destination();

    String sipUri = request.destination() + "@" + request.host();
    set("direction", "outbound");
    set("is_outbound", "true");
    set("uuid", uuid);
    set("call_uuid", uuid);
    set("session_id", Long.toString(sessionId));
    set("sip_profile_name", request.profile());
    if (request.gateway() != null) {
      set("sip_gateway_name", request.gateway());
    }
    set("video_media_flow", "disabled");
    set("text_media_flow", "disabled");
    set("channel_name", request.channelName());
    set("sip_destination_url", "sip:" + sipUri);
    request.variables().forEach(this::set);
    if (!"true".equalsIgnoreCase(request.variable("ignore_early_media"))) {
      set("originate_early_media", "true");
    } else {
      set("originate_early_media", "false");
    }
    set("originate_endpoint", "sofia");
    set("rtp_use_codec_string", "OPUS,G722,PCMU,PCMA,H264,VP8");
    set("local_media_ip", "127.0.0.1");
    set("local_media_port", Integer.toString(mediaPort));
    set("advertised_media_ip", "127.0.0.1");
    set("audio_media_flow", "sendrecv");
    set("sip_outgoing_contact_uri", "<sip:mod_sofia@127.0.0.1:5080>");
    set("sip_req_uri", sipUri);
    set("sip_to_host", request.host());
    set("sip_from_host", "127.0.0.1");
    set("sofia_profile_name", request.profile());
    set("recovery_profile_name", request.profile());
    set("sofia_profile_url", "sip:mod_sofia@127.0.0.1:5080");
  }

  /** Like switch_channel_set_variable: a re-set variable moves to the end, an empty one is removed. */
  void set(String name, String value) {
    variables.remove(name);
    if (value != null && !value.isEmpty()) {
      variables.put(name, value);
    }
  }

  String variable(String name) {
    return variables.get(name);
  }

  boolean answered() {
    return answeredMicros != 0;
  }

  void state(String running, int number) {
    runningState = running;
    stateNumber = number;
  }

  /**
   * An outbound leg swaps caller and callee ids once it runs an application, which is why
   * CHANNEL_EXECUTE and later events show the dialled number as Caller-Caller-ID-Number.
   */
  void flipCallerId() {
    String oldName = callerIdName;
    String oldNumber = callerIdNumber;
    set("pre_transfer_caller_id_number", oldNumber);
    callerIdName = calleeIdName;
    calleeIdName = oldName;
    callerIdNumber = calleeIdNumber;
    calleeIdNumber = oldNumber;
    set("channel_cid_flipped", "yes");
  }

  List<EventHeader> basicData() {
    List<EventHeader> h = new ArrayList<>(64);
    add(h, "Channel-State", runningState);
    add(h, "Channel-Call-State", callState);
    add(h, "Channel-State-Number", Integer.toString(stateNumber));
    add(h, "Channel-Name", request.channelName());
    add(h, "Unique-ID", uuid);
    add(h, "Call-Direction", "outbound");
    add(h, "Presence-Call-Direction", "outbound");
    add(h, "Channel-HIT-Dialplan", Boolean.toString(hitDialplan));
    add(h, "Channel-Call-UUID", uuid);
    add(h, "Answer-State", answerState);
    if (hangupCause != null) {
      add(h, "Hangup-Cause", hangupCause.name());
    }
    if (mediaUp) {
      add(h, "Channel-Read-Codec-Name", "PCMU");
      add(h, "Channel-Read-Codec-Rate", "8000");
      add(h, "Channel-Read-Codec-Bit-Rate", "64000");
      add(h, "Channel-Write-Codec-Name", "PCMU");
      add(h, "Channel-Write-Codec-Rate", "8000");
      add(h, "Channel-Write-Codec-Bit-Rate", "64000");
    }
    add(h, "Caller-Direction", "outbound");
    add(h, "Caller-Logical-Direction", "outbound");
    add(h, "Caller-Caller-ID-Name", callerIdName);
    add(h, "Caller-Caller-ID-Number", callerIdNumber);
    add(h, "Caller-Orig-Caller-ID-Number", origCallerIdNumber);
    add(h, "Caller-Callee-ID-Name", calleeIdName);
    add(h, "Caller-Callee-ID-Number", calleeIdNumber);
    add(h, "Caller-Network-Addr", networkAddr);
    add(h, "Caller-ANI", origCallerIdNumber);
    add(h, "Caller-Destination-Number", request.destination());
    add(h, "Caller-Unique-ID", uuid);
    add(h, "Caller-Source", "src/switch_ivr_originate.c");
    add(h, "Caller-Context", "default");
    add(h, "Caller-Channel-Name", request.channelName());
    add(h, "Caller-Profile-Index", "1");
    add(h, "Caller-Profile-Created-Time", Long.toString(createdMicros));
    add(h, "Caller-Channel-Created-Time", Long.toString(createdMicros));
    add(h, "Caller-Channel-Answered-Time", Long.toString(answeredMicros));
    add(h, "Caller-Channel-Progress-Time", Long.toString(progressMicros));
    add(h, "Caller-Channel-Progress-Media-Time", Long.toString(progressMediaMicros));
    add(h, "Caller-Channel-Hangup-Time", Long.toString(hangupMicros));
    add(h, "Caller-Channel-Transfer-Time", "0");
    add(h, "Caller-Channel-Resurrect-Time", "0");
    add(h, "Caller-Channel-Bridged-Time", "0");
    add(h, "Caller-Channel-Last-Hold", "0");
    add(h, "Caller-Channel-Hold-Accum", "0");
    add(h, "Caller-Screen-Bit", "true");
    add(h, "Caller-Privacy-Hide-Name", "false");
    add(h, "Caller-Privacy-Hide-Number", "false");
    return h;
  }

  List<EventHeader> variableHeaders() {
    List<EventHeader> h = new ArrayList<>(variables.size());
    variables.forEach((name, value) -> h.add(new EventHeader("variable_" + name, value)));
    return h;
  }

  SimulatedChannelView view() {
    return new SimulatedChannelView(
        uuid, variable("irisx_call_id"), request.destination(), runningState, answered(), application);
  }

  /** One row of {@code show channels}, keys in the order of the channels table. */
  Map<String, String> listingRow(String hostname) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("uuid", uuid);
    row.put("direction", "outbound");
    row.put("created", EventClock.local(createdMicros));
    row.put("created_epoch", Long.toString(createdMicros / 1_000_000L));
    row.put("name", request.channelName());
    row.put("state", runningState);
    row.put("cid_name", nz(callerIdName));
    row.put("cid_num", nz(callerIdNumber));
    row.put("ip_addr", "");
    row.put("dest", request.destination());
    row.put("application", nz(application));
    row.put("application_data", nz(applicationData));
    row.put("dialplan", "");
    row.put("context", "default");
    row.put("read_codec", mediaUp ? "PCMU" : "");
    row.put("read_rate", mediaUp ? "8000" : "");
    row.put("read_bit_rate", mediaUp ? "64000" : "");
    row.put("write_codec", mediaUp ? "PCMU" : "");
    row.put("write_rate", mediaUp ? "8000" : "");
    row.put("write_bit_rate", mediaUp ? "64000" : "");
    row.put("secure", "");
    row.put("hostname", hostname);
    row.put("presence_id", "");
    row.put("presence_data", "");
    row.put("accountcode", "");
    row.put("callstate", callState);
    row.put("callee_name", hitDialplan ? nz(calleeIdName) : "");
    row.put("callee_num", hitDialplan ? nz(calleeIdNumber) : "");
    row.put("callee_direction", hitDialplan ? "RECV" : "");
    row.put("call_uuid", uuid);
    row.put("sent_callee_name", "");
    row.put("sent_callee_num", "");
    row.put("initial_cid_name", nz(request.variable("origination_caller_id_name")));
    row.put("initial_cid_num", orDefault(request.variable("origination_caller_id_number"), origCallerIdNumber));
    row.put("initial_ip_addr", "");
    row.put("initial_dest", request.destination());
    row.put("initial_dialplan", "");
    row.put("initial_context", "default");
    return row;
  }

  private static void add(List<EventHeader> headers, String name, String value) {
    if (value != null && !value.isEmpty()) {
      headers.add(new EventHeader(name, value));
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
