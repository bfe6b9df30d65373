package io.irisx.activities.esl.simulator;

import io.irisx.workflows.call.HangupCause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one simulated SIP leg (originated by IRISX, or arriving from the network) and how
 * FreeSWITCH renders it: the channel data and caller-profile headers
 * (switch_channel_event_set_basic_data), the variables, and the {@code show channels} row. Not
 * thread-safe: its {@link CallLeg} serialises access.
 */
final class SimulatedChannel {
  private static final String DEFAULT_CID = "0000000000";

  final String uuid;

  /** The originate that created an outbound leg; null for an inbound one. */
  final OriginateRequest request;

  final long createdMicros;
  final String direction;
  final String channelName;
  final String source;
  final String username;
  final String origCallerIdName;
  String destination;
  String dialplan;
  String context = "default";
  String rdnis;
  String transferSource;
  long transferMicros;
  int profileIndex = 1;

  /**
   * Set while bridged: "originator" or "originatee", and the other leg's profile cloned at bridge
   * time.
   */
  String otherType;

  List<EventHeader> otherLeg = List.of();
  long bridgedMicros;
  private final Map<String, String> variables = new LinkedHashMap<>();

  String runningState = "CS_NEW";
  int stateNumber;
  String callState = "DOWN";
  String answerState = "ringing";
  boolean hitDialplan;
  boolean mediaUp;

  /** Codecs negotiated (from an SDP offer or answer): the Channel-*-Codec headers are there. */
  boolean codecsChosen;

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

  SimulatedChannel(
      String uuid, OriginateRequest request, long sessionId, int mediaPort, long createdMicros) {
    this.uuid = uuid;
    this.request = request;
    this.createdMicros = createdMicros;
    String positionalNumber =
        request.callerIdNumber() == null ? DEFAULT_CID : request.callerIdNumber();
    this.origCallerIdNumber = positionalNumber;
    this.callerIdNumber =
        orDefault(request.variable("origination_caller_id_number"), positionalNumber);
    this.callerIdName =
        orDefault(request.variable("origination_caller_id_name"), request.callerIdName());
    this.calleeIdNumber = request.destination();
    this.direction = "outbound";
    this.channelName = request.channelName();
    this.destination = request.destination();
    this.source = "src/switch_ivr_originate.c";
    this.username = null;
    this.origCallerIdName = null;

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
    // The From user of the INVITE: the caller id number (capture 15 shows 0000000000).
    set("sip_from_user", callerIdNumber);
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

  /**
   * A call arriving from the network on the external profile, as capture 09-inbound-call shows it.
   */
  SimulatedChannel(
      String uuid, String from, String callerName, String did, long sessionId, long createdMicros) {
    this.uuid = uuid;
    this.request = null;
    this.createdMicros = createdMicros;
    this.direction = "inbound";
    this.channelName = "sofia/external/" + from + "@127.0.0.1:5071";
    this.destination = did;
    this.source = "mod_sofia";
    this.username = from;
    this.dialplan = "XML";
    this.context = "public";
    String name = callerName == null || callerName.isBlank() ? from : callerName;
    this.callerIdName = name;
    this.callerIdNumber = from;
    this.origCallerIdName = name;
    // The INVITE offered SDP (capture 20): codecs are chosen before anything is answered.
    this.codecsChosen = true;
    this.origCallerIdNumber = from;
    this.calleeIdName = null;
    this.calleeIdNumber = null;
    this.networkAddr = "127.0.0.1";
    this.hitDialplan = true;
    String callId = sessionId + "-" + Long.toHexString(createdMicros) + "@127.0.0.1";
    String fromTag = Long.toHexString(createdMicros) + "SimTag";
    set("direction", "inbound");
    set("uuid", uuid);
    set("call_uuid", uuid);
    set("session_id", Long.toString(sessionId));
    set("sip_from_user", from);
    set("sip_from_port", "5071");
    set("sip_from_uri", from + "@127.0.0.1:5071");
    set("sip_from_host", "127.0.0.1");
    set("video_media_flow", "disabled");
    set("audio_media_flow", "disabled");
    set("text_media_flow", "disabled");
    set("channel_name", channelName);
    set("sip_call_id", callId);
    set("sip_local_network_addr", "127.0.0.1");
    set("sip_network_ip", "127.0.0.1");
    set("sip_network_port", "5071");
    set("sip_invite_stamp", Long.toString(createdMicros));
    set("sip_received_ip", "127.0.0.1");
    set("sip_received_port", "5071");
    set("sip_via_protocol", "udp");
    set("sip_from_user_stripped", from);
    set("sip_from_tag", fromTag);
    set("sofia_profile_name", "external");
    set("sofia_profile_url", "sip:mod_sofia@127.0.0.1:5080");
    set("recovery_profile_name", "external");
    set("sip_full_via", "SIP/2.0/UDP 127.0.0.1:5071;branch=z9hG4bK-" + sessionId + "-1-0");
    if (callerName != null && !callerName.isBlank()) {
      set("sip_from_display", callerName);
    }
    set(
        "sip_full_from",
        (callerName == null || callerName.isBlank() ? "" : "\"" + callerName + "\" ")
            + "<sip:"
            + from
            + "@127.0.0.1:5071>;tag="
            + fromTag);
    set("sip_full_to", "<sip:" + did + "@127.0.0.1:5080>");
    set("sip_req_user", did);
    set("sip_req_port", "5080");
    set("sip_req_uri", did + "@127.0.0.1:5080");
    set("sip_req_host", "127.0.0.1");
    set("sip_to_user", did);
    set("sip_to_port", "5080");
    set("sip_to_uri", did + "@127.0.0.1:5080");
    set("sip_to_host", "127.0.0.1");
    set("sip_contact_user", from);
    set("sip_contact_port", "5071");
    set("sip_contact_uri", from + "@127.0.0.1:5071");
    set("sip_contact_host", "127.0.0.1");
    set("rtp_use_codec_string", "OPUS,G722,PCMU,PCMA,H264,VP8");
    set("sip_via_host", "127.0.0.1");
    set("sip_via_port", "5071");
    set("max_forwards", "70");
    set(
        "switch_r_sdp",
        "v=0\r\no=sim 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 6100 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-15\r\n");
    set("ep_codec_string", "CORE_PCM_MODULE.PCMU@8000h@20i@64000b");
    set("endpoint_disposition", "RECEIVED");
  }

  boolean inbound() {
    return request == null;
  }

  /**
   * Like switch_channel_set_variable: a re-set variable moves to the end, an empty one is removed.
   */
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
    List<EventHeader> h = new ArrayList<>(96);
    add(h, "Channel-State", runningState);
    add(h, "Channel-Call-State", callState);
    add(h, "Channel-State-Number", Integer.toString(stateNumber));
    add(h, "Channel-Name", channelName);
    add(h, "Unique-ID", uuid);
    add(h, "Call-Direction", direction);
    add(h, "Presence-Call-Direction", direction);
    add(h, "Channel-HIT-Dialplan", Boolean.toString(hitDialplan));
    add(h, "Channel-Call-UUID", uuid);
    add(h, "Answer-State", answerState);
    if (hangupCause != null) {
      add(h, "Hangup-Cause", hangupCause.name());
    }
    if (mediaUp || codecsChosen) {
      add(h, "Channel-Read-Codec-Name", "PCMU");
      add(h, "Channel-Read-Codec-Rate", "8000");
      add(h, "Channel-Read-Codec-Bit-Rate", "64000");
      add(h, "Channel-Write-Codec-Name", "PCMU");
      add(h, "Channel-Write-Codec-Rate", "8000");
      add(h, "Channel-Write-Codec-Bit-Rate", "64000");
    }
    h.addAll(profile("Caller"));
    if (otherType != null) {
      add(h, "Other-Type", otherType);
      h.addAll(otherLeg);
    }
    return h;
  }

  /** The caller profile as switch_caller_profile_event_set_data renders it under a prefix. */
  List<EventHeader> profile(String prefix) {
    List<EventHeader> h = new ArrayList<>(40);
    add(h, prefix + "-Direction", direction);
    add(h, prefix + "-Logical-Direction", direction);
    add(h, prefix + "-Username", username);
    add(h, prefix + "-Dialplan", dialplan);
    add(h, prefix + "-Caller-ID-Name", callerIdName);
    add(h, prefix + "-Caller-ID-Number", callerIdNumber);
    add(h, prefix + "-Orig-Caller-ID-Name", origCallerIdName);
    add(h, prefix + "-Orig-Caller-ID-Number", origCallerIdNumber);
    add(h, prefix + "-Callee-ID-Name", calleeIdName);
    add(h, prefix + "-Callee-ID-Number", calleeIdNumber);
    add(h, prefix + "-Network-Addr", networkAddr);
    add(h, prefix + "-ANI", origCallerIdNumber);
    add(h, prefix + "-Destination-Number", destination);
    add(h, prefix + "-Unique-ID", uuid);
    add(h, prefix + "-Source", source);
    add(h, prefix + "-Transfer-Source", transferSource);
    add(h, prefix + "-Context", context);
    add(h, prefix + "-RDNIS", rdnis);
    add(h, prefix + "-Channel-Name", channelName);
    add(h, prefix + "-Profile-Index", Integer.toString(profileIndex));
    add(
        h,
        prefix + "-Profile-Created-Time",
        Long.toString(transferMicros != 0 ? transferMicros : createdMicros));
    add(h, prefix + "-Channel-Created-Time", Long.toString(createdMicros));
    add(h, prefix + "-Channel-Answered-Time", Long.toString(answeredMicros));
    add(h, prefix + "-Channel-Progress-Time", Long.toString(progressMicros));
    add(h, prefix + "-Channel-Progress-Media-Time", Long.toString(progressMediaMicros));
    add(h, prefix + "-Channel-Hangup-Time", Long.toString(hangupMicros));
    add(h, prefix + "-Channel-Transfer-Time", Long.toString(transferMicros));
    add(h, prefix + "-Channel-Resurrect-Time", "0");
    add(h, prefix + "-Channel-Bridged-Time", Long.toString(bridgedMicros));
    add(h, prefix + "-Channel-Last-Hold", "0");
    add(h, prefix + "-Channel-Hold-Accum", "0");
    add(h, prefix + "-Screen-Bit", "true");
    add(h, prefix + "-Privacy-Hide-Name", "false");
    add(h, prefix + "-Privacy-Hide-Number", "false");
    return h;
  }

  List<EventHeader> variableHeaders() {
    List<EventHeader> h = new ArrayList<>(variables.size());
    variables.forEach((name, value) -> h.add(new EventHeader("variable_" + name, value)));
    return h;
  }

  SimulatedChannelView view() {
    return new SimulatedChannelView(
        uuid, variable("irisx_call_id"), destination, runningState, answered(), application);
  }

  /** One row of {@code show channels}, keys in the order of the channels table. */
  Map<String, String> listingRow(String hostname) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("uuid", uuid);
    row.put("direction", direction);
    row.put("created", EventClock.local(createdMicros));
    row.put("created_epoch", Long.toString(createdMicros / 1_000_000L));
    row.put("name", channelName);
    row.put("state", runningState);
    row.put("cid_name", nz(callerIdName));
    row.put("cid_num", nz(callerIdNumber));
    row.put("ip_addr", inbound() ? "127.0.0.1" : "");
    row.put("dest", destination);
    row.put("application", nz(application));
    row.put("application_data", nz(applicationData));
    row.put("dialplan", nz(dialplan));
    row.put("context", context);
    boolean codecs = mediaUp || codecsChosen;
    row.put("read_codec", codecs ? "PCMU" : "");
    row.put("read_rate", codecs ? "8000" : "");
    row.put("read_bit_rate", codecs ? "64000" : "");
    row.put("write_codec", codecs ? "PCMU" : "");
    row.put("write_rate", codecs ? "8000" : "");
    row.put("write_bit_rate", codecs ? "64000" : "");
    row.put("secure", "");
    row.put("hostname", hostname);
    row.put("presence_id", "");
    row.put("presence_data", "");
    row.put("accountcode", "");
    row.put("callstate", callState);
    boolean flipped = hitDialplan && !inbound();
    row.put("callee_name", flipped ? nz(calleeIdName) : "");
    row.put("callee_num", flipped ? nz(calleeIdNumber) : "");
    row.put("callee_direction", flipped ? "RECV" : "");
    row.put("call_uuid", uuid);
    row.put("sent_callee_name", "");
    row.put("sent_callee_num", "");
    row.put(
        "initial_cid_name",
        inbound() ? nz(origCallerIdName) : nz(request.variable("origination_caller_id_name")));
    row.put(
        "initial_cid_num",
        inbound()
            ? origCallerIdNumber
            : orDefault(request.variable("origination_caller_id_number"), origCallerIdNumber));
    row.put("initial_ip_addr", inbound() ? "127.0.0.1" : "");
    row.put("initial_dest", inbound() ? variable("sip_req_user") : request.destination());
    row.put("initial_dialplan", nz(inbound() ? "XML" : null));
    row.put("initial_context", inbound() ? "public" : "default");
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
