package org.secondshift.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns Web API request bodies into flat parameter maps the way Slack reads them. */
final class RequestParser {

  /** Thrown when a request cannot be read at all, which Slack answers with HTTP 400. */
  static final class MalformedRequestException extends RuntimeException {
    MalformedRequestException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private RequestParser() {}

  static Map<String, String> parse(String contentType, String query, byte[] body) {
    Map<String, String> params = new LinkedHashMap<>(form(query == null ? "" : query));
    String text = new String(body, StandardCharsets.UTF_8);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json")) {
      params.putAll(json(text));
    } else if (type.startsWith("application/x-www-form-urlencoded") || text.isBlank()) {
      params.putAll(form(text));
    } else {
      throw new MalformedRequestException("Unsupported content type " + contentType, null);
    }
    return params;
  }

  static String bearerToken(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = authorization.substring(7).trim();
    // The Java SDK sends "Bearer null" when a client was built without a token.
    return token.isEmpty() || token.equals("null") ? null : token;
  }

  /** {@code client_id:client_secret} from HTTP Basic authorization, as oauth.v2.access takes it. */
  static String basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      return new String(
          java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Map<String, String> form(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      for (String pair : text.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          String name = eq < 0 ? pair : pair.substring(0, eq);
          String value = eq < 0 ? "" : pair.substring(eq + 1);
          fields.put(decode(name), decode(value));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("Malformed form body", e);
    }
    return fields;
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  private static Map<String, String> json(String text) {
    JsonObject object;
    try {
      JsonElement parsed = JsonParser.parseString(text);
      if (!parsed.isJsonObject()) {
        throw new MalformedRequestException("JSON body is not an object", null);
      }
      object = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new MalformedRequestException("Malformed JSON body", e);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    object.entrySet().forEach(e -> fields.put(e.getKey(), jsonText(e.getValue())));
    return fields;
  }

  private static String jsonText(JsonElement value) {
    boolean string = value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    return string ? value.getAsString() : value.toString();
  }
}
