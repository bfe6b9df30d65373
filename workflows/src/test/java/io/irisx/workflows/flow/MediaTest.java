package io.irisx.workflows.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Typed media: each kind's reference, and what each refuses before it reaches the switch. */
class MediaTest {

  @Test
  void eachKindHasTheReferenceTheSwitchPlays() {
    assertThat(Media.file("ivr/ivr-welcome.wav").reference()).isEqualTo("ivr/ivr-welcome.wav");
    assertThat(Media.tone("%(250,50,440)").reference()).isEqualTo("tone_stream://%(250,50,440)");
    assertThat(Media.tone("tone_stream://%(250,50,440)").reference())
        .isEqualTo("tone_stream://%(250,50,440)");
    assertThat(Media.speech("  Olá, até já!  ").reference()).isEqualTo("say:Olá, até já!");
    assertThat(Media.url("https://cdn.example.com/a.wav?v=2").reference())
        .isEqualTo("http_cache://https://cdn.example.com/a.wav?v=2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"it's", "a|b", "${x}", "a\nb", "a:b", "{x}", "", " "})
  void speechRefusesWhatTheSwitchWouldReadAsSyntax(String text) {
    assertThatThrownBy(() -> Media.speech(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com/a.wav",
        "https://example.com/a b.wav",
        "https://user@example.com/a",
        "https://[::1]/a",
        "https://example.com/../a",
        "ftp://example.com/a",
        "https://example.com/a'b"
      })
  void urlsAreHttpsWithPlainCharactersOnly(String url) {
    assertThatThrownBy(() -> Media.url(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void speakingTimeFollowsTheTextsLength() {
    assertThat(Media.speakingTime("Hi")).isEqualTo(Duration.ofSeconds(1));
    assertThat(Media.speakingTime("x".repeat(150))).isEqualTo(Duration.ofSeconds(10));
  }
}
