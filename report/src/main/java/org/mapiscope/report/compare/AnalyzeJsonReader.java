package org.mapiscope.report.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mapiscope.report.json.AnalyzeJson;

/** Reads back our own {@code analyze} JSON for {@code compare}. Thread-safe. */
public final class AnalyzeJsonReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AnalyzeJsonReader() {}

  /**
   * @throws NotAnalyzeJsonException when the file is not JSON or not an analyze result
   * @throws IOException when it cannot be read
   */
  public static AnalyzeSnapshot read(Path file) throws IOException, NotAnalyzeJsonException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /**
   * @param name the file name for messages
   * @throws NotAnalyzeJsonException when the content is not JSON or not an analyze result
   * @throws IOException when it cannot be read
   */
  public static AnalyzeSnapshot read(InputStream in, String name)
      throws IOException, NotAnalyzeJsonException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new NotAnalyzeJsonException(
          name
              + " is not JSON ("
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + "); give the file written by mapiscope analyze --json");
    }
    if (root == null
        || !root.isObject()
        || !AnalyzeJson.TOOL_NAME.equals(root.path("tool").path("name").asText())
        || !root.path("limitEvents").isObject()) {
      throw new NotAnalyzeJsonException(
          name
              + " is not a mapiscope analyze JSON (no tool.name \"mapiscope\" and "
              + "limitEvents); give the file written by mapiscope analyze --json");
    }
    JsonNode events = root.path("limitEvents");
    Map<String, Long> perUser = new HashMap<>();
    Instant first = time(events.path("first"), name);
    Instant last = time(events.path("last"), name);
    for (JsonNode u : events.path("byUser")) {
      perUser.merge(text(u, "user", name), u.path("count").asLong(), Long::sum);
      Instant f = time(u.path("first"), name);
      Instant l = time(u.path("last"), name);
      // Older files or other writers may lack the top-level span: derive it from the rows.
      if (f != null && (first == null || f.isBefore(first)) && !events.has("first")) {
        first = f;
      }
      if (l != null && (last == null || l.isAfter(last)) && !events.has("last")) {
        last = l;
      }
    }
    Map<String, Integer> peaks = new HashMap<>();
    for (JsonNode u : root.path("sessions").path("byUser")) {
      peaks.put(text(u, "user", name), u.path("peakConcurrent").asInt());
    }
    Map<String, List<String>> causes = new HashMap<>();
    for (JsonNode f : root.path("findings")) {
      List<String> list = causes.computeIfAbsent(text(f, "subject", name), s -> new ArrayList<>());
      String cause = text(f, "cause", name);
      if (!list.contains(cause)) {
        list.add(cause);
      }
    }
    return new AnalyzeSnapshot(
        name, events.path("total").asLong(), first, last, perUser, peaks, causes);
  }

  private static String text(JsonNode node, String field, String name)
      throws NotAnalyzeJsonException {
    JsonNode v = node.path(field);
    if (!v.isTextual()) {
      throw new NotAnalyzeJsonException(
          name + ": an entry lacks \"" + field + "\"; is this an analyze JSON?");
    }
    return v.asText();
  }

  private static Instant time(JsonNode node, String name) throws NotAnalyzeJsonException {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new NotAnalyzeJsonException(
          name + ": \"" + node.asText() + "\" is not an ISO-8601 UTC time");
    }
  }
}
