package io.irisx.api.openapi;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON Schemas (OpenAPI 3.1) of the response records, read from the records themselves, so the
 * document says what the API sends: every component in {@link JsonPropertyOrder} order, {@code id}
 * a UUID, {@code ...At} a date-time, nullable unless always set; a component's
 * {@code @JsonPropertyDescription} is its description.
 */
final class RecordSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RecordSchemas() {}

  static ObjectNode of(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    ObjectNode schema = NODES.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    JsonInclude classInclude = type.getAnnotation(JsonInclude.class);
    boolean classOmitsNulls =
        classInclude != null && classInclude.value() != JsonInclude.Include.ALWAYS;
    for (RecordComponent component : ordered(type)) {
      if (component.isAnnotationPresent(JsonIgnore.class)
          || component.isAnnotationPresent(JsonAnySetter.class)
          || component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
        continue;
      }
      String name = component.getName();
      JsonInclude include = annotation(component, JsonInclude.class);
      boolean omittedWhenNull =
          include != null ? include.value() != JsonInclude.Include.ALWAYS : classOmitsNulls;
      boolean primitive = component.getType().isPrimitive();
      ObjectNode property =
          property(name, component.getGenericType(), primitive || name.equals("id"));
      com.fasterxml.jackson.annotation.JsonPropertyDescription description =
          annotation(component, com.fasterxml.jackson.annotation.JsonPropertyDescription.class);
      if (description != null) {
        property.put("description", description.value());
      }
      properties.set(name, property);
      if (!omittedWhenNull || primitive) {
        required.add(name);
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return schema;
  }

  /**
   * An annotation written on a record component: Jackson's annotations do not target record
   * components, so javac puts them on the component's field and accessor instead.
   */
  private static <A extends java.lang.annotation.Annotation> @Nullable A annotation(
      RecordComponent component, Class<A> kind) {
    A onComponent = component.getAnnotation(kind);
    if (onComponent != null) {
      return onComponent;
    }
    A onAccessor = component.getAccessor().getAnnotation(kind);
    if (onAccessor != null) {
      return onAccessor;
    }
    try {
      return component
          .getDeclaringRecord()
          .getDeclaredField(component.getName())
          .getAnnotation(kind);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static List<RecordComponent> ordered(Class<?> type) {
    List<RecordComponent> components = new ArrayList<>(Arrays.asList(type.getRecordComponents()));
    JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
    if (order != null) {
      List<String> names = Arrays.asList(order.value());
      components.sort(
          java.util.Comparator.comparingInt(
              c -> names.contains(c.getName()) ? names.indexOf(c.getName()) : Integer.MAX_VALUE));
    }
    return components;
  }

  private static ObjectNode property(String name, Type type, boolean neverNull) {
    Class<?> raw = raw(type);
    ObjectNode schema = NODES.objectNode();
    if (raw == String.class) {
      typed(schema, "string", neverNull);
      if (name.equals("id")) {
        schema.put("format", "uuid");
      } else if (name.endsWith("At")) {
        schema.put("format", "date-time");
      }
    } else if (raw == java.util.UUID.class) {
      typed(schema, "string", neverNull);
      schema.put("format", "uuid");
    } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
      typed(schema, "integer", neverNull);
    } else if (raw == double.class || raw == Double.class) {
      typed(schema, "number", neverNull);
    } else if (raw == boolean.class || raw == Boolean.class) {
      typed(schema, "boolean", neverNull);
    } else if (Map.class.isAssignableFrom(raw)) {
      typed(schema, "object", neverNull);
    } else if (List.class.isAssignableFrom(raw)) {
      typed(schema, "array", neverNull);
      Type item =
          type instanceof ParameterizedType parameterized
              ? parameterized.getActualTypeArguments()[0]
              : Object.class;
      schema.set("items", raw(item).isRecord() ? of(raw(item)) : property("item", item, true));
    } else if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
      schema.put("description", "any JSON value");
    } else if (raw.isRecord()) {
      if (neverNull) {
        return of(raw);
      }
      ObjectNode nullable = NODES.objectNode();
      nullable.putArray("anyOf").add(of(raw)).addObject().put("type", "null");
      return nullable;
    } else {
      throw new IllegalArgumentException("no schema for " + type + " (" + name + ")");
    }
    return schema;
  }

  private static void typed(ObjectNode schema, String type, boolean neverNull) {
    if (neverNull) {
      schema.put("type", type);
    } else {
      schema.putArray("type").add(type).add("null");
    }
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }
}
