package org.secondshift.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Pulls the file part out of a multipart/form-data upload, as Slack's upload URL accepts both. */
final class MultipartBody {
  private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private MultipartBody() {}

  static boolean isMultipart(String contentType) {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        && boundary(contentType) != null;
  }

  /** The first part that carries a filename, else the first part; the raw body if unparsable. */
  static byte[] fileContent(String contentType, byte[] body) {
    byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.US_ASCII);
    byte[] closing = ("\r\n--" + boundary(contentType)).getBytes(StandardCharsets.US_ASCII);
    byte[] first = null;
    int partStart = indexOf(body, delimiter, 0);
    while (partStart >= 0) {
      int headersStart = partStart + delimiter.length;
      int headersEnd = indexOf(body, HEADER_END, headersStart);
      int partEnd = headersEnd < 0 ? -1 : indexOf(body, closing, headersEnd);
      if (partEnd < 0) {
        break;
      }
      String headers =
          new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      byte[] content = Arrays.copyOfRange(body, headersEnd + HEADER_END.length, partEnd);
      if (headers.toLowerCase(Locale.ROOT).contains("filename=")) {
        return content;
      }
      first = first == null ? content : first;
      partStart = partEnd + 2;
    }
    return first == null ? body : first;
  }

  private static String boundary(String contentType) {
    for (String part : contentType.split(";")) {
      String trimmed = part.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        return trimmed.substring("boundary=".length()).replace("\"", "");
      }
    }
    return null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
