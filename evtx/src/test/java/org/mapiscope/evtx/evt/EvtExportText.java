package org.mapiscope.evtx.evt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs libevt's {@code evtexport} and reads its text output ("Name : value" lines per event). */
final class EvtExportText {

  /** One event as evtexport prints it. */
  record Event(
      long number,
      String source,
      String computer,
      long eventIdentifier,
      int eventType,
      int category,
      String userSid,
      List<String> strings) {}

  private EvtExportText() {}

  static List<Event> run(Path file) throws IOException, InterruptedException {
    Path out = Files.createTempFile("evtexport-", ".txt");
    try {
      Process p =
          new ProcessBuilder("evtexport", file.toString())
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("evtexport did not finish on " + file);
      }
      return parse(new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  static List<Event> parse(String text) {
    List<Event> events = new ArrayList<>();
    Builder b = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("String: ") && b != null) {
        // "String: 1\t\t\t: value" — the key itself holds a colon
        String value = line.substring(line.indexOf(':', 8) + 1);
        b.strings.add(value.startsWith(" ") ? value.substring(1) : value); // keep trailing blanks
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip();
      String value = line.substring(colon + 1).strip();
      if (key.equals("Event number")) {
        if (b != null) {
          events.add(b.build());
        }
        b = new Builder();
        b.number = Long.parseLong(value);
      } else if (b != null) {
        b.accept(key, value);
      }
    }
    if (b != null) {
      events.add(b.build());
    }
    return events;
  }

  private static final class Builder {
    long number;
    String source;
    String computer;
    long eventIdentifier;
    int eventType;
    int category;
    String userSid;
    final List<String> strings = new ArrayList<>();

    void accept(String key, String value) {
      switch (key) {
        case "Source name" -> source = value;
        case "Computer name" -> computer = value;
        case "Event identifier" -> eventIdentifier = Long.parseLong(between(value, '(', ')'));
        case "Event type" -> eventType = Integer.parseInt(between(value, '(', ')'));
        case "Event category" -> category = Integer.parseInt(value);
        case "User security identifier" -> userSid = value;
        default -> {}
      }
    }

    private static String between(String s, char open, char close) {
      return s.substring(s.lastIndexOf(open) + 1, s.lastIndexOf(close));
    }

    Event build() {
      return new Event(
          number,
          source,
          computer,
          eventIdentifier,
          eventType,
          category,
          userSid,
          List.copyOf(strings));
    }
  }
}
