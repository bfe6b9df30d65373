package io.irisx.api.requests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Request bodies are read as written: {@code "record": 1}, {@code {"file": 123}} or {@code "queue":
 * "false"} are the wrong type, never turned into what the field wanted. Jackson coerces scalars by
 * default (a number to a string, a string to a number or a boolean, 0 and 1 to false and true, an
 * empty string to null); every one of those is refused here, and the request answers 422 "has the
 * wrong type" naming the field.
 */
public final class StrictJson {
  private StrictJson() {}

  /** Turns every scalar coercion off on the mapper the API reads bodies with. */
  @SuppressWarnings("deprecation") // the one switch for string-to-number; there is no other yet
  public static ObjectMapper apply(ObjectMapper mapper) {
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
    CoercionInputShape[] notText = {
      CoercionInputShape.Integer,
      CoercionInputShape.Float,
      CoercionInputShape.Boolean,
      CoercionInputShape.EmptyString
    };
    for (LogicalType type :
        new LogicalType[] {
          LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime, LogicalType.OtherScalar
        }) {
      for (CoercionInputShape shape : notText) {
        mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
      }
    }
    // Numbers and booleans are never read from text either.
    for (LogicalType type :
        new LogicalType[] {LogicalType.Boolean, LogicalType.Integer, LogicalType.Float}) {
      for (CoercionInputShape shape : notText) {
        // 1 for a decimal field is a number written short, not a coercion.
        if (type != LogicalType.Float || shape != CoercionInputShape.Integer) {
          mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
      }
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    return mapper;
  }
}
