package io.irisx.worker.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DialledNumberTest {

  @ParameterizedTest
  @CsvSource({"15550199,+15550199", "+15550199,+15550199", "' 4930123456 ',+4930123456"})
  void aDestinationWithOrWithoutPlusIsTheE164Did(String destination, String did) {
    assertThat(DialledNumber.e164(destination)).contains(did);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "0", "+0123456", "alice", "1555 0199", "1555;0199", "1234567890123456"})
  void anythingElseIsNoDid(String destination) {
    assertThat(DialledNumber.e164(destination)).isEmpty();
  }
}
