package io.irisx.api.representations;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's byte parser refuses a JSON object key that holds an escaped surrogate pair ({@code
 * {"\ud83d\ude00": 1}}: "Illegal surrogate character"), valid JSON for any character beyond the BMP
 * that a client escapes; its text parser and its string values are fine. Such a pair is written as
 * the character itself before Jackson reads the body, which means the same JSON text.
 */
@Provider
public final class EscapedSurrogatePairs implements ReaderInterceptor {
  /** An escaped high and low surrogate, not itself escaped (an even run of backslashes before). */
  private static final Pattern PAIR =
      Pattern.compile(
          "(?<!\\\\)((?:\\\\\\\\)*)\\\\u([dD][89abAB][0-9a-fA-F]{2})\\\\u([dD][c-fC-F][0-9a-fA-F]{2})");

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !type.getSubtype().endsWith("json")) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    context.setInputStream(new ByteArrayInputStream(rewrite(body)));
    return context.proceed();
  }

  static byte[] rewrite(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      return body; // Jackson says what is wrong with it
    }
    Matcher pair = PAIR.matcher(text);
    if (!pair.find()) {
      return body;
    }
    StringBuilder rewritten = new StringBuilder(text.length());
    do {
      char high = (char) Integer.parseInt(pair.group(2), 16);
      char low = (char) Integer.parseInt(pair.group(3), 16);
      pair.appendReplacement(
          rewritten, Matcher.quoteReplacement(pair.group(1) + new String(new char[] {high, low})));
    } while (pair.find());
    pair.appendTail(rewritten);
    return rewritten.toString().getBytes(StandardCharsets.UTF_8);
  }
}
