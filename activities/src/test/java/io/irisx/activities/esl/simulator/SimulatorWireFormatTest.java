package io.irisx.activities.esl.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event codec alone, on literal bytes from the reference and the captures. */
class SimulatorWireFormatTest {

  @Test
  void valuesArePercentEncodedLikeSwitchUrlEncode() {
    assertThat(EventValueEncoding.encode("2024-03-05 14:03:07"))
        .isEqualTo("2024-03-05%2014%3A03%3A07");
    assertThat(EventValueEncoding.encode("Tue, 05 Mar 2024 14:03:07 GMT"))
        .isEqualTo("Tue,%2005%20Mar%202024%2014%3A03%3A07%20GMT");
    assertThat(EventValueEncoding.encode("+15551234567")).isEqualTo("%2B15551234567");
    assertThat(EventValueEncoding.encode("sofia::gateway_state"))
        .isEqualTo("sofia%3A%3Agateway_state");
    assertThat(EventValueEncoding.encode("tone_stream://%(500,0,440)"))
        .isEqualTo("tone_stream%3A//%25(500,0,440)");
    assertThat(EventValueEncoding.encode("<sip:mod_sofia@127.0.0.1:5080>"))
        .isEqualTo("%3Csip%3Amod_sofia%40127.0.0.1%3A5080%3E");
    assertThat(EventValueEncoding.encode("v=0\r\no=x")).isEqualTo("v%3D0%0D%0Ao%3Dx");
    assertThat(EventValueEncoding.encode("already%3Aencoded")).isEqualTo("already%3Aencoded");
    assertThat(EventValueEncoding.encode("-._~!$'()*,/")).isEqualTo("-._~!$'()*,/");
  }

  @Test
  void aBackgroundJobFrameMatchesTheReferenceBytes() {
    SimulatedEvent job =
        new SimulatedEvent(
            "BACKGROUND_JOB",
            List.of(
                new EventHeader("Event-Name", "BACKGROUND_JOB"),
                new EventHeader("Core-UUID", "6d2375b0-5183-11e1-b24a-bd4bfd1b8f6e"),
                new EventHeader("FreeSWITCH-Hostname", "fs1"),
                new EventHeader("FreeSWITCH-Switchname", "fs1"),
                new EventHeader("FreeSWITCH-IPv4", "10.0.0.5"),
                new EventHeader("FreeSWITCH-IPv6", "::1"),
                new EventHeader("Event-Date-Local", "2024-03-05 14:03:07"),
                new EventHeader("Event-Date-GMT", "Tue, 05 Mar 2024 14:03:07 GMT"),
                new EventHeader("Event-Date-Timestamp", "1709647387123456"),
                new EventHeader("Event-Calling-File", "mod_event_socket.c"),
                new EventHeader("Event-Calling-Function", "api_exec"),
                new EventHeader("Event-Calling-Line-Number", "1585"),
                new EventHeader("Event-Sequence", "4711"),
                new EventHeader("Job-UUID", "7f4db78a-17d7-11dd-b7a0-db4edd065621"),
                new EventHeader("Job-Command", "originate"),
                new EventHeader(
                    "Job-Command-Arg",
                    "{origination_uuid=0b5e6a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b,"
                        + "ignore_early_media=true}sofia/gateway/gw1/+15551234567 &park()")),
            "+OK 0b5e6a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b\n");

    String frame = new String(ServerFrames.event(job, EventFormat.PLAIN), StandardCharsets.UTF_8);

    assertThat(frame)
        .isEqualTo(
            "Content-Length: 726\nContent-Type: text/event-plain\n\n"
                + "Event-Name: BACKGROUND_JOB\n"
                + "Core-UUID: 6d2375b0-5183-11e1-b24a-bd4bfd1b8f6e\n"
                + "FreeSWITCH-Hostname: fs1\n"
                + "FreeSWITCH-Switchname: fs1\n"
                + "FreeSWITCH-IPv4: 10.0.0.5\n"
                + "FreeSWITCH-IPv6: %3A%3A1\n"
                + "Event-Date-Local: 2024-03-05%2014%3A03%3A07\n"
                + "Event-Date-GMT: Tue,%2005%20Mar%202024%2014%3A03%3A07%20GMT\n"
                + "Event-Date-Timestamp: 1709647387123456\n"
                + "Event-Calling-File: mod_event_socket.c\n"
                + "Event-Calling-Function: api_exec\n"
                + "Event-Calling-Line-Number: 1585\n"
                + "Event-Sequence: 4711\n"
                + "Job-UUID: 7f4db78a-17d7-11dd-b7a0-db4edd065621\n"
                + "Job-Command: originate\n"
                + "Job-Command-Arg: %7Borigination_uuid%3D0b5e6a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b,ignore_early_media%3Dtrue%7D"
                + "sofia/gateway/gw1/%2B15551234567%20%26park()\n"
                + "Content-Length: 41\n\n"
                + "+OK 0b5e6a4c-1c2d-4e5f-8a9b-0c1d2e3f4a5b\n");
  }

  @Test
  void aBodilessEventEndsWithABlankLineCountedInContentLength() {
    SimulatedEvent event =
        new SimulatedEvent("HEARTBEAT", List.of(new EventHeader("Event-Name", "HEARTBEAT")), null);

    assertThat(new String(ServerFrames.event(event, EventFormat.PLAIN), StandardCharsets.UTF_8))
        .isEqualTo(
            "Content-Length: 23\nContent-Type: text/event-plain\n\nEvent-Name: HEARTBEAT\n\n");
  }

  @Test
  void packetsEndAtTwoLineFeedsEvenWithCarriageReturns() throws Exception {
    PacketReader reader =
        new PacketReader(
            new java.io.ByteArrayInputStream(
                "\r\n\r\nbgapi status\r\nJob-UUID: abc\r\n\r\nsendmsg x\ncontent-length: 3\n\nhi\nexit\n\n"
                    .getBytes(StandardCharsets.US_ASCII)));

    ClientPacket first = reader.next();
    ClientPacket second = reader.next();
    ClientPacket third = reader.next();

    assertThat(first.commandLine()).isEqualTo("bgapi status");
    assertThat(first.header("job-uuid")).isEqualTo("abc");
    assertThat(second.body()).isEqualTo("hi\n");
    assertThat(third.commandLine()).isEqualTo("exit");
    assertThat(reader.next()).isNull();
  }
}
