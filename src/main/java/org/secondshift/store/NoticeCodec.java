package org.secondshift.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a notice (a record of what was decided: a nudge, a handoff, ...) as JSON for its outbox
 * row, and reads it back as the type its kind names, so that the sender can render it when it
 * sends. Times are ISO-8601 strings, zones their ids, and an empty {@link Optional} is {@code
 * null}.
 */
public final class NoticeCodec {
  private static final Gson GSON =
      new GsonBuilder()
          .disableHtmlEscaping()
          // An empty Optional is written as null, so that reading gives it back rather than
          // nothing.
          .serializeNulls()
          .registerTypeAdapter(Instant.class, text(Instant::toString, Instant::parse))
          .registerTypeAdapter(Duration.class, text(Duration::toString, Duration::parse))
          .registerTypeAdapter(LocalDate.class, text(LocalDate::toString, LocalDate::parse))
          .registerTypeAdapter(
              LocalDateTime.class, text(LocalDateTime::toString, LocalDateTime::parse))
          .registerTypeHierarchyAdapter(ZoneId.class, text(ZoneId::getId, ZoneId::of))
          .registerTypeAdapterFactory(new OptionalAdapters())
          .create();

  private NoticeCodec() {}

  /** The notice as JSON. */
  public static String write(Object notice) {
    return GSON.toJson(notice);
  }

  /** The notice of an outbox row of {@code kind}, as written by {@link #write}. */
  public static Object read(OutboxKind kind, String json) {
    Class<?> type = kind.noticeType();
    if (type == null) {
      throw new IllegalArgumentException(kind + " rows hold rendered text, not a notice");
    }
    try {
      Object notice = GSON.fromJson(json, type);
      if (notice == null) {
        throw new IllegalArgumentException("empty notice for " + kind);
      }
      return notice;
    } catch (RuntimeException e) {
      // Gson wraps what a record's constructor refuses (a missing field) in a bare
      // RuntimeException.
      throw new IllegalArgumentException(
          "unreadable notice for " + kind + ": " + e.getMessage(), e);
    }
  }

  private static <T> TypeAdapter<T> text(Function<T, String> write, Function<String, T> read) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        if (value == null) {
          out.nullValue();
        } else {
          out.value(write.apply(value));
        }
      }

      @Override
      public T read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          return null;
        }
        return read.apply(in.nextString());
      }
    }.nullSafe();
  }

  /** {@code Optional<T>} as the value of T, or null when empty. */
  private static final class OptionalAdapters implements TypeAdapterFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> token) {
      if (token.getRawType() != Optional.class) {
        return null;
      }
      Type inner =
          token.getType() instanceof ParameterizedType p
              ? p.getActualTypeArguments()[0]
              : Object.class;
      TypeAdapter<Object> value = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(inner));
      return (TypeAdapter<T>)
          new TypeAdapter<Optional<Object>>() {
            @Override
            public void write(JsonWriter out, Optional<Object> optional) throws IOException {
              if (optional == null || optional.isEmpty()) {
                out.nullValue();
              } else {
                value.write(out, optional.get());
              }
            }

            @Override
            public Optional<Object> read(JsonReader in) throws IOException {
              if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Optional.empty();
              }
              return Optional.ofNullable(value.read(in));
            }
          };
    }
  }
}
