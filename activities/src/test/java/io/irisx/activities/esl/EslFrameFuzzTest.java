package io.irisx.activities.esl;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import link.thingscloud.freeswitch.esl.transport.event.EslEvent;
import link.thingscloud.freeswitch.esl.transport.message.EslFrameDecoder;
import link.thingscloud.freeswitch.esl.transport.message.EslMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzes the ESL wire decoder (the client library's {@code EslFrameDecoder}, as the link's pipeline
 * builds it) and the event parser ({@code EslEvent}, then {@link EslConnection#toSwitchEvent}) with
 * jqwik. Brief in the suite ({@code jqwik.tries.default} in junit-platform.properties); at length
 * with {@code ./mvnw -pl activities -am test -Dtest=EslFrameFuzzTest -Djqwik.tries.default=100000
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EslFrameFuzzTest {
  /** What the link's pipeline gives the decoder (AbstractNettyInboundClient). */
  private static final int MAX_HEADER_SIZE = 8192;

  /**
   * Any bytes at all: the decoder either yields messages or fails with a decoding error, which the
   * link handles by dropping the connection and reconnecting; nothing else escapes (no Error, no
   * runaway allocation), and every event it yields parses.
   */
  @Property
  void anyBytesDecodeOrFailAsADecodingError(@ForAll @Size(max = 4096) byte[] bytes) {
    EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder(MAX_HEADER_SIZE));
    try {
      channel.writeInbound(Unpooled.wrappedBuffer(bytes));
    } catch (DecoderException | IllegalArgumentException | IllegalStateException decoding) {
      // a malformed frame: the link closes and reconnects
    }
    drainAndParse(channel);
    finish(channel);
  }

  /** Ends the channel; a decoding error it still holds is the malformed frame's, as above. */
  private static void finish(EmbeddedChannel channel) {
    try {
      channel.finishAndReleaseAll();
    } catch (DecoderException decoding) {
      // already accounted for
    }
  }

  /**
   * Well-formed event frames, arriving cut at any points (TCP gives no frame boundaries), decode to
   * the same events in the same order, each with its own call id and hostile-looking header values
   * intact: no event is given another's call.
   */
  @Property
  void eventsKeepTheirCallWhateverTheCuts(
      @ForAll("events") List<Sent> events, @ForAll("cuts") List<Integer> cuts) {
    StringBuilder wire = new StringBuilder();
    events.forEach(event -> wire.append(event.frame()));
    byte[] bytes = wire.toString().getBytes(StandardCharsets.UTF_8);

    EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder(MAX_HEADER_SIZE));
    int from = 0;
    for (int cut : cuts.stream().map(c -> Math.floorMod(c, bytes.length + 1)).sorted().toList()) {
      channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, cut - from));
      from = cut;
    }
    channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, bytes.length - from));
    List<SwitchEvent> decoded = drainAndParse(channel);
    channel.finishAndReleaseAll();

    assertThat(decoded).hasSize(events.size());
    for (int i = 0; i < events.size(); i++) {
      Sent sent = events.get(i);
      SwitchEvent got = decoded.get(i);
      assertThat(got.name()).isEqualTo(sent.name());
      assertThat(got.headers().get("Unique-ID")).isEqualTo(sent.channel());
      assertThat(got.headers().get("variable_irisx_call_id")).isEqualTo(sent.callId());
      assertThat(got.headers().get("variable_irisx_note")).isEqualTo(sent.note());
    }
  }

  /**
   * A frame whose Content-Length overstates its body swallows what follows until the length is
   * reached, and whatever it swallowed is never an event of its own: a malformed frame cannot make
   * the decoder yield an event for a channel that sent none.
   */
  @Property
  void anOverstatedLengthNeverInventsAnEvent(
      @ForAll("events") List<Sent> events, @ForAll("overstatement") int extra) {
    Sent first = events.get(0);
    String body = first.body();
    String lying =
        "Content-Length: "
            + (body.getBytes(StandardCharsets.UTF_8).length + extra)
            + "\nContent-Type: text/event-plain\n\n"
            + body;
    StringBuilder wire = new StringBuilder(lying);
    events.subList(1, events.size()).forEach(event -> wire.append(event.frame()));

    EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder(MAX_HEADER_SIZE));
    try {
      channel.writeInbound(
          Unpooled.wrappedBuffer(wire.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (DecoderException decoding) {
      // dropped and reconnected by the link
    }
    List<SwitchEvent> decoded = drainAndParse(channel);
    finish(channel);

    List<String> channels = events.stream().map(Sent::channel).toList();
    for (SwitchEvent event : decoded) {
      String channelId = event.headers().get("Unique-ID");
      if (channelId != null) {
        assertThat(channels).contains(channelId);
      }
    }
    assertThat(decoded.size()).isLessThanOrEqualTo(events.size());
  }

  private static List<SwitchEvent> drainAndParse(EmbeddedChannel channel) {
    List<SwitchEvent> events = new ArrayList<>();
    Object message;
    while ((message = channel.readInbound()) != null) {
      if (message instanceof EslMessage esl && "text/event-plain".equals(esl.getContentType())) {
        events.add(EslConnection.toSwitchEvent(new EslEvent(esl)));
      }
    }
    return events;
  }

  /**
   * One event as FreeSWITCH writes it: percent-encoded header values in a text/event-plain body.
   */
  record Sent(String name, String channel, String callId, String note) {
    String body() {
      return "Event-Name: "
          + name
          + "\nUnique-ID: "
          + channel
          + "\nvariable_irisx_call_id: "
          + callId
          + "\nvariable_irisx_note: "
          + URLEncoder.encode(note, StandardCharsets.UTF_8).replace("+", "%20")
          + "\n\n";
    }

    String frame() {
      String body = body();
      return "Content-Length: "
          + body.getBytes(StandardCharsets.UTF_8).length
          + "\nContent-Type: text/event-plain\n\n"
          + body;
    }
  }

  @Provide
  Arbitrary<List<Sent>> events() {
    Arbitrary<String> names =
        Arbitraries.of(
            "CHANNEL_ANSWER", "CHANNEL_HANGUP_COMPLETE", "DTMF", "PLAYBACK_STOP", "CHANNEL_PARK");
    // Values that look like frames: newlines, headers, Content-Length, percent signs, any script.
    Arbitrary<String> notes =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(200),
            Arbitraries.of(
                "\nContent-Length: 0\n\n",
                "Unique-ID: 00000000-0000-0000-0000-000000000000",
                "%0A%0AEvent-Name: CHANNEL_HANGUP",
                "100%",
                "+15550100",
                "olá ção 漢字"));
    Arbitrary<String> uuids =
        Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
            .as((high, low) -> new UUID(high, low).toString());
    return Combinators.combine(names, uuids, uuids, notes)
        .as(Sent::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 1 << 16).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<Integer> overstatement() {
    return Arbitraries.integers().between(1, 400);
  }
}
