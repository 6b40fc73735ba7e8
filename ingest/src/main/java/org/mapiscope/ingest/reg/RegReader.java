package org.mapiscope.ingest.reg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mapiscope.ingest.BoundedLineReader;
import org.mapiscope.ingest.FormatReader;
import org.mapiscope.ingest.InputFile;
import org.mapiscope.ingest.ReadContext;
import org.mapiscope.ingest.Sniff;
import org.mapiscope.ingest.TextDecoding;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.Setting;
import org.mapiscope.model.SettingValue;

/**
 * Reads regedit exports ({@code REGEDIT4} ANSI and version 5.00 UTF-16LE) for the settings behind
 * Event 9646: TCP keepalive under {@code Tcpip\Parameters} and the store's session and object caps
 * under {@code MSExchangeIS\ParametersSystem}. A value that almost names one of them (stray space,
 * misspelling, wrong type, wrong key) is reported as an error on the file, because Windows silently
 * ignores it and the admin believes it is set. Of several control sets in one export only the one
 * in use counts (docs/ingest.md). Stateless and thread-safe.
 */
public final class RegReader implements FormatReader {

  public static final String FORMAT = "reg";

  private static final String V5 = "Windows Registry Editor Version 5.00";
  private static final String V4 = "REGEDIT4";

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public boolean detect(Sniff sniff) {
    String text = sniff.text().stripLeading();
    return text.startsWith(V5) || text.startsWith(V4);
  }

  @Override
  public void read(InputFile input, ReadContext context) throws IOException {
    try (BoundedLineReader reader =
        TextDecoding.lines(
            input.open(), BoundedLineReader.reportingTo(context, input.displayPath()))) {
      new Run(input, context).read(new RegLines(reader));
    }
  }

  /** Something found in one control set, kept until the export's control set in use is known. */
  private sealed interface Finding permits Found, Problem {
    EvidenceRef ref();
  }

  private record Found(Knobs.Knob knob, String name, long value, EvidenceRef ref)
      implements Finding {}

  /** {@code what} reads like {@code "KeepAliveTime " has a trailing space: Windows ignores it}. */
  private record Problem(Knobs.Knob knob, String what, EvidenceRef ref) implements Finding {}

  private static final class Run {
    private final String file;
    private final String server;
    private final ReadContext context;
    private final Map<String, List<Finding>> byControlSet = new LinkedHashMap<>();

    /**
     * Per control set, the first line of each knob key exported: proof that its absent values are
     * absent.
     */
    private final Map<String, Map<RegKey.Scope, EvidenceRef>> keysExported = new LinkedHashMap<>();

    /** {@code Tcpip\Parameters\Hostname}: the export names its own server. */
    private String hostname;

    private Long selectedControlSet;
    private RegKey key;
    private boolean keyDeleted;

    Run(InputFile input, ReadContext context) {
      this.file = input.displayPath();
      this.server = input.serverHint();
      this.context = context;
    }

    void read(RegLines lines) throws IOException {
      RegLines.Line line;
      boolean first = true;
      while ((line = lines.next()) != null) {
        String text = line.text();
        EvidenceRef ref = EvidenceRef.line(file, line.number());
        if (first) {
          first = false;
          if (text.equals(V5) || text.equals(V4)) {
            continue;
          }
        }
        if (text.startsWith("[")) {
          key(text, ref);
        } else {
          value(text, ref);
        }
      }
      finish();
    }

    private void key(String text, EvidenceRef ref) {
      if (!text.endsWith("]")) {
        context.skip(ref, "key line is not closed by ']': " + text);
        key = null;
        return;
      }
      String inner = text.substring(1, text.length() - 1);
      keyDeleted = inner.startsWith("-");
      key = RegKey.of(keyDeleted ? inner.substring(1) : inner);
      if (!keyDeleted
          && key.controlSet() != null
          && (key.scope() == RegKey.Scope.TCPIP || key.scope() == RegKey.Scope.STORE)) {
        keysExported
            .computeIfAbsent(key.controlSet(), k -> new LinkedHashMap<>())
            .putIfAbsent(key.scope(), ref);
      }
    }

    private void value(String text, EvidenceRef ref) {
      RegValue value;
      try {
        value = RegValue.parse(text);
      } catch (IllegalArgumentException e) {
        context.skip(ref, e.getMessage());
        return;
      }
      if (value == null) {
        context.skip(
            ref,
            "not a registry value line: "
                + (text.length() > 60 ? text.substring(0, 60) + "…" : text));
        return;
      }
      if (key == null) {
        context.skip(ref, "value \"" + value.name() + "\" comes before any [key] line");
        return;
      }
      if (keyDeleted || value.type() == RegValue.Type.DELETE) {
        context.count(); // a deletion script, not an export of what is set
        return;
      }
      if (key.scope() == RegKey.Scope.SELECT) {
        if (value.name().equalsIgnoreCase("Current") && value.type() == RegValue.Type.DWORD) {
          selectedControlSet = value.number();
        }
        context.count();
        return;
      }
      if (key.scope() == RegKey.Scope.TCPIP
          && value.name().equalsIgnoreCase("Hostname")
          && value.type() == RegValue.Type.STRING
          && !value.text().isBlank()) {
        hostname = value.text().strip();
      }
      Finding finding = key.controlSet() == null ? null : classify(value, ref);
      if (finding == null) {
        context.count();
      } else {
        byControlSet.computeIfAbsent(key.controlSet(), k -> new ArrayList<>()).add(finding);
      }
    }

    private Finding classify(RegValue value, EvidenceRef ref) {
      RegKey.Scope scope = key.scope();
      String name = value.name();
      String quoted = "\"" + name + "\"";
      Optional<Knobs.Knob> exact = Knobs.exact(name, scope);
      if (exact.isPresent()) {
        Knobs.Knob knob = exact.get();
        if (value.type() == RegValue.Type.DWORD) {
          return new Found(knob, knob.settingName(), value.number(), ref);
        }
        return new Problem(
            knob,
            quoted
                + " is "
                + value.type().words
                + ", not a REG_DWORD: "
                + knob.reader()
                + " ignores it",
            ref);
      }
      String stripped = name.strip();
      if (!stripped.equals(name)) {
        Optional<Knobs.Knob> spaced = Knobs.named(stripped);
        if (spaced.isPresent()) {
          String where =
              name.startsWith(" ") && name.endsWith(" ")
                  ? "leading and trailing spaces"
                  : name.startsWith(" ") ? "a leading space" : "a trailing space";
          return new Problem(
              spaced.get(),
              quoted + " has " + where + ": " + spaced.get().reader() + " ignores it",
              ref);
        }
      }
      if (scope == RegKey.Scope.OBJECTS) {
        String alias = Knobs.OBJECT_ALIASES.get(stripped.toLowerCase(Locale.ROOT));
        if (alias != null) {
          return new Problem(
              Knobs.objectKnob(alias).orElseThrow(),
              quoted
                  + " is not read by the store,"
                  + " which reads "
                  + alias
                  + " (some documentation names it "
                  + stripped
                  + ")",
              ref);
        }
        if (stripped.regionMatches(true, 0, "objt", 0, 4)
            && value.type() == RegValue.Type.DWORD
            && Knobs.lookalike(stripped, scope).isEmpty()) {
          // An object type we do not know: kept as logged, the store may know it.
          Knobs.Knob unknown = new Knobs.Knob(name, scope, "the store", "its default");
          return new Found(unknown, unknown.settingName(), value.number(), ref);
        }
      }
      Optional<Knobs.Knob> elsewhere = Knobs.named(stripped);
      if (elsewhere.isPresent() && elsewhere.get().scope() != scope) {
        Knobs.Knob knob = elsewhere.get();
        String what =
            scope == RegKey.Scope.TCPIP_INTERFACE
                ? quoted
                    + " is a per-interface value under "
                    + key.path()
                    + "; mapiscope counts only "
                    + knob.name()
                    + " under "
                    + Knobs.where(knob.scope())
                : quoted
                    + " is under "
                    + key.path()
                    + ", but "
                    + knob.reader()
                    + " reads it only under "
                    + Knobs.where(knob.scope())
                    + ", so it has no effect";
        return new Problem(knob, what, ref);
      }
      if (scope == RegKey.Scope.TCPIP
          || scope == RegKey.Scope.STORE
          || scope == RegKey.Scope.OBJECTS) {
        Optional<Knobs.Knob> lookalike = Knobs.lookalike(stripped, scope);
        if (lookalike.isPresent()) {
          return new Problem(
              lookalike.get(),
              quoted
                  + " looks like a misspelling of "
                  + lookalike.get().name()
                  + ": "
                  + lookalike.get().reader()
                  + " ignores it",
              ref);
        }
      }
      return null;
    }

    /** Emits what the control set in use holds, in line order; other control sets only count. */
    private void finish() {
      String server = hostname != null ? hostname : this.server;
      String chosen = chosenControlSet();
      for (Map.Entry<String, List<Finding>> e : byControlSet.entrySet()) {
        boolean inUse = e.getKey().equals(chosen);
        for (Finding f : e.getValue()) {
          if (!inUse) {
            context.count();
          } else if (f instanceof Found found) {
            context.emit(
                new Setting(
                    server, found.name(), new SettingValue.Dword(found.value()), found.ref()));
          } else {
            Problem p = (Problem) f;
            boolean correctOneSet =
                e.getValue().stream()
                    .anyMatch(
                        x ->
                            x instanceof Found fx
                                && fx.knob().settingName().equals(p.knob().settingName()));
            String outcome =
                correctOneSet
                    ? "; the correctly named "
                        + p.knob().name()
                        + " in "
                        + Knobs.where(p.knob().scope())
                        + " applies"
                    : ", " + p.knob().name() + " stays at " + p.knob().absentIs();
            context.skip(p.ref(), p.what() + outcome);
          }
        }
      }
      emitAbsent(server, chosen);
    }

    /** A knob whose key was exported without it is at its default: say so, pointing at the key. */
    private void emitAbsent(String server, String chosen) {
      Map<RegKey.Scope, EvidenceRef> exported = keysExported.getOrDefault(chosen, Map.of());
      List<Finding> found = byControlSet.getOrDefault(chosen, List.of());
      for (Knobs.Knob knob : Knobs.ALL) {
        EvidenceRef keyLine = exported.get(knob.scope());
        boolean set =
            found.stream()
                .anyMatch(f -> f instanceof Found fx && fx.name().equals(knob.settingName()));
        if (keyLine != null && !set) {
          context.emit(new Setting(server, knob.settingName(), new SettingValue.Absent(), keyLine));
        }
      }
    }

    /**
     * CurrentControlSet when exported, else the set SYSTEM\Select\Current names, else the
     * lowest-numbered.
     */
    private String chosenControlSet() {
      java.util.Set<String> sets = new java.util.TreeSet<>(byControlSet.keySet());
      sets.addAll(keysExported.keySet());
      if (sets.contains("CURRENTCONTROLSET")) {
        return "CURRENTCONTROLSET";
      }
      if (selectedControlSet != null) {
        String selected = String.format(Locale.ROOT, "CONTROLSET%03d", selectedControlSet);
        if (sets.contains(selected)) {
          return selected;
        }
      }
      return sets.stream().findFirst().orElse(null);
    }
  }
}
