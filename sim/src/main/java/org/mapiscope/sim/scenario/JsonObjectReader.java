package org.mapiscope.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of one JSON object, records a problem (naming the key's path) for each bad value,
 * and afterwards reports every key it was not asked for as unknown. Values that are wrong yield the
 * default so that one pass finds all problems.
 */
final class JsonObjectReader {

  private final JsonNode node;
  private final String path;
  private final List<String> problems;
  private final Set<String> read = new HashSet<>();

  JsonObjectReader(JsonNode node, String path, List<String> problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /** The path of a key of this object, e.g. {@code populations[0].holding}. */
  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  void problem(String key, String message) {
    problems.add(pathOf(key) + ": " + message);
  }

  boolean has(String key) {
    read.add(key);
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  private JsonNode get(String key, boolean required) {
    if (!has(key)) {
      if (required) {
        problem(key, "missing required key");
      }
      return null;
    }
    return node.get(key);
  }

  /** Whether the key holds exactly this string (for words such as "never" beside durations). */
  boolean isWord(String key, String word) {
    JsonNode v = node.get(key);
    return v != null && v.isTextual() && v.asText().equals(word);
  }

  long duration(String key, long dflt, boolean required) {
    JsonNode v = get(key, required);
    if (v == null) {
      return dflt;
    }
    if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0) {
      return v.asLong(); // a bare number is milliseconds, as in the registry
    }
    if (!v.isTextual()) {
      problem(key, "expected a duration such as \"5m\", got " + v);
      return dflt;
    }
    try {
      return Durations.parseMillis(v.asText());
    } catch (IllegalArgumentException e) {
      problem(key, e.getMessage());
      return dflt;
    }
  }

  long integer(String key, long dflt, long min, long max, boolean required) {
    JsonNode v = get(key, required);
    if (v == null) {
      return dflt;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      problem(key, "expected a whole number, got " + v);
      return dflt;
    }
    long value = v.asLong();
    if (value < min || value > max) {
      problem(key, "must be between " + min + " and " + max + ", got " + value);
      return dflt;
    }
    return value;
  }

  double number(String key, double dflt, double min, double max, boolean required) {
    JsonNode v = get(key, required);
    if (v == null) {
      return dflt;
    }
    if (!v.isNumber()) {
      problem(key, "expected a number, got " + v);
      return dflt;
    }
    double value = v.asDouble();
    if (!(value >= min && value <= max)) {
      problem(
          key,
          (min == 0 && max == 1
                  ? "a probability must be between 0 and 1"
                  : min == 0 ? "must not be negative" : "must be between " + min + " and " + max)
              + ", got "
              + v);
      return dflt;
    }
    return value;
  }

  boolean bool(String key, boolean dflt) {
    JsonNode v = get(key, false);
    if (v == null) {
      return dflt;
    }
    if (!v.isBoolean()) {
      problem(key, "expected true or false, got " + v);
      return dflt;
    }
    return v.asBoolean();
  }

  String text(String key, String dflt, boolean required) {
    JsonNode v = get(key, required);
    if (v == null) {
      return dflt;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      problem(key, "expected a non-empty string, got " + v);
      return dflt;
    }
    return v.asText();
  }

  /**
   * One of a closed set of words; an unknown word is a problem listing the accepted ones and yields
   * the default's value.
   */
  <E> E choice(String key, String dflt, Map<String, E> words) {
    String word = text(key, dflt, false);
    E value = words.get(word);
    if (value == null) {
      List<String> accepted = new ArrayList<>(words.keySet());
      accepted.sort(null);
      problem(
          key,
          "expected "
              + String.join(" or ", accepted.stream().map(w -> "\"" + w + "\"").toList())
              + ", got \""
              + word
              + "\"");
      return words.get(dflt);
    }
    return value;
  }

  /**
   * A word that may also be written as a bare whole number ({@code "2013"} or {@code 2013}), or the
   * default.
   */
  String wordOrNumber(String key, String dflt) {
    JsonNode v = node.get(key);
    if (v != null && v.isIntegralNumber()) {
      read.add(key);
      return v.asText();
    }
    return text(key, dflt, false);
  }

  /**
   * The durations of an array under a key (each as {@link #duration} reads one); absent gives an
   * empty list, and each bad element is a problem naming its index.
   */
  List<Long> durations(String key) {
    JsonNode v = get(key, false);
    List<Long> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      problem(key, "expected an array of durations, got " + v);
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String at = key + "[" + i + "]";
      if (e.isIntegralNumber() && e.canConvertToLong() && e.asLong() >= 0) {
        out.add(e.asLong());
      } else if (e.isTextual()) {
        try {
          out.add(Durations.parseMillis(e.asText()));
        } catch (IllegalArgumentException ex) {
          problem(at, ex.getMessage());
        }
      } else {
        problem(at, "expected a duration such as \"5m\", got " + e);
      }
    }
    return out;
  }

  /**
   * The nested object under a key, or {@code null} when absent or not an object (a problem then).
   */
  JsonObjectReader object(String key, boolean required) {
    JsonNode v = get(key, required);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      problem(key, "expected an object, got " + v);
      return null;
    }
    return new JsonObjectReader(v, pathOf(key), problems);
  }

  /** The objects of an array under a key; elements that are not objects are problems. */
  List<JsonObjectReader> objects(String key, boolean required) {
    JsonNode v = get(key, required);
    List<JsonObjectReader> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      problem(key, "expected an array, got " + v);
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      String at = pathOf(key) + "[" + i + "]";
      if (v.get(i).isObject()) {
        out.add(new JsonObjectReader(v.get(i), at, problems));
      } else {
        problems.add(at + ": expected an object, got " + v.get(i));
      }
    }
    return out;
  }

  /** Records every key of this object that no read asked for. Call after all reads. */
  void rejectUnknownKeys() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!read.contains(key)) {
        problem(key, "unknown key");
      }
    }
  }
}
