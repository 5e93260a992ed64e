package io.gordon.testing.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque-token paging of list responses, as the Google list methods do it. */
final class Paging {
  private Paging() {}

  static ObjectNode page(
      ObjectMapper json,
      String kind,
      String field,
      List<ObjectNode> all,
      String maxResults,
      String pageToken,
      int defaultPageSize) {
    int size = defaultPageSize;
    if (maxResults != null) {
      try {
        size = Integer.parseInt(maxResults);
      } catch (NumberFormatException e) {
        size = 0;
      }
      if (size <= 0) {
        throw GoogleApiError.of(
                400, "invalid", "Invalid value for 'parameters.maxResults': '" + maxResults + "'")
            .toFailure();
      }
    }
    int from = pageToken == null ? 0 : decode(pageToken);
    ObjectNode out = json.createObjectNode().put("kind", kind);
    ArrayNode items = out.putArray(field);
    int to = Math.min(all.size(), from + size);
    for (int i = from; i < to; i++) {
      items.add(all.get(i));
    }
    if (to < all.size()) {
      out.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static int decode(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (s.startsWith("offset:")) {
        return Integer.parseInt(s.substring(7));
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw GoogleApiError.of(
            400, "invalid", "Invalid value for 'parameters.pageToken': '" + token + "'")
        .toFailure();
  }
}
