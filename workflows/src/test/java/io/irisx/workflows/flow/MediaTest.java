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
        "https://example.com/a'b",
        "https://169.254.169.254/latest/meta-data",
        "https://127.0.0.1/a.wav",
        "https://2130706433/a.wav",
        "https://0x7f.1/a.wav"
      })
  void urlsAreHttpsWithPlainCharactersOnly(String url) {
    assertThatThrownBy(() -> Media.url(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "//etc//passwd", "../x.wav", "ivr/../../x", "ivr//x.wav"})
  void filesAreRelativeToTheSoundRootAndStayInIt(String path) {
    assertThatThrownBy(() -> Media.file(path)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Media.parse(path)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReferenceParsesToItsKind() {
    assertThat(Media.parse("ivr/ivr-welcome.wav").kind()).isEqualTo(Media.Kind.FILE);
    assertThat(Media.parse("tone_stream://%(250,50,440)").kind()).isEqualTo(Media.Kind.TONE);
    assertThat(Media.parse("silence_stream://500").reference()).isEqualTo("silence_stream://500");
    assertThat(Media.parse("say:Hello").kind()).isEqualTo(Media.Kind.SPEECH);
    Media url = Media.parse("http_cache://https://cdn.example.com:8443/a.wav");
    assertThat(url.kind()).isEqualTo(Media.Kind.URL);
    assertThat(url.urlHost()).isEqualTo("cdn.example.com");
  }

  @Test
  void speakingTimeFollowsTheTextsLength() {
    assertThat(Media.speakingTime("Hi")).isEqualTo(Duration.ofSeconds(1));
    assertThat(Media.speakingTime("x".repeat(150))).isEqualTo(Duration.ofSeconds(10));
  }
}
