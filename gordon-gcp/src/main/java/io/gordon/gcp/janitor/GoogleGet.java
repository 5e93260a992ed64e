package io.gordon.gcp.janitor;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON GETs on Google REST APIs, with the status of a failed call kept for the caller. */
final class GoogleGet {
  private final HttpRequestFactory requests;

  /** A failed call: HTTP status (0: no answer) and Google's message. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Failure(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  GoogleGet(HttpRequestFactory requests) {
    this.requests = requests;
  }

  JsonObject get(String url) throws Failure {
    HttpResponse r = null;
    try {
      r =
          requests
              .buildGetRequest(new GenericUrl(url))
              .setThrowExceptionOnExecuteError(false)
              .execute();
      String body = new String(r.getContent().readAllBytes(), StandardCharsets.UTF_8);
      if (r.getStatusCode() / 100 != 2) {
        throw new Failure(r.getStatusCode(), r.getStatusCode() + " " + message(body));
      }
      return JsonParser.parseString(body).getAsJsonObject();
    } catch (IOException e) {
      throw new Failure(0, "no answer: " + e);
    } catch (JsonParseException | IllegalStateException e) {
      throw new Failure(0, "the answer is not a JSON object: " + e.getMessage());
    } finally {
      if (r != null) {
        try {
          r.disconnect();
        } catch (IOException ignored) {
          // the answer was read
        }
      }
    }
  }

  private static String message(String body) {
    try {
      JsonElement e = JsonParser.parseString(body).getAsJsonObject().get("error");
      if (e != null && e.isJsonObject() && e.getAsJsonObject().has("message")) {
        return e.getAsJsonObject().get("message").getAsString();
      }
    } catch (RuntimeException ignored) {
      // not Google's error format: show the start of the body
    }
    return body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
