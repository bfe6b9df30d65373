package io.irisx.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.irisx.api.representations.LiveCallView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSchemasTest {

  /**
   * Jackson's annotations on a record component land on its field and accessor, not on the
   * component: a field Jackson leaves out when null must not be required by the document.
   */
  @Test
  void aComponentLeftOutWhenNullIsNotRequiredAndKeepsItsDescription() {
    JsonNode schema = RecordSchemas.of(LiveCallView.class);

    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    assertThat(required)
        .contains("status", "answered", "ended")
        .doesNotContain("playMode", "queued");
    assertThat(schema.path("properties").path("playMode").path("description").asText())
        .contains("/play");
  }
}
