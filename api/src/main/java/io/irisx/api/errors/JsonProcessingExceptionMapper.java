package io.irisx.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A body that is not JSON is {@code malformed-json} (400); JSON of the wrong shape (a string where
 * an object belongs, an unknown field) is a {@code validation-error} (422) naming the field. Our
 * own types failing to (de)serialize is a bug: 500.
 */
@Provider
public final class JsonProcessingExceptionMapper
    implements ExceptionMapper<JsonProcessingException> {
  private static final Logger log = LoggerFactory.getLogger(JsonProcessingExceptionMapper.class);

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(JsonProcessingException exception) {
    String instance = ProblemResponses.instance(uriInfo);
    if (exception instanceof InvalidDefinitionException) {
      log.error("cannot (de)serialize a type of ours at {}", instance, exception);
      return ProblemResponses.of(ProblemType.generic(500, null, instance)).build();
    }
    if (exception instanceof JsonMappingException mapping) {
      String field = path(mapping);
      String message =
          exception instanceof UnrecognizedPropertyException
              ? "is not a known field"
              : "has the wrong type";
      return ProblemResponses.of(
          ProblemException.validation(List.of(new FieldError(field, message))), instance);
    }
    return ProblemResponses.of(
            ProblemType.MALFORMED_JSON.problem(
                "The request body is not valid JSON"
                    + (exception.getLocation() == null
                        ? "."
                        : " (line "
                            + exception.getLocation().getLineNr()
                            + ", column "
                            + exception.getLocation().getColumnNr()
                            + ")."),
                instance))
        .build();
  }

  private static String path(JsonMappingException exception) {
    String path =
        exception.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return path.isEmpty() ? "(body)" : path;
  }
}
