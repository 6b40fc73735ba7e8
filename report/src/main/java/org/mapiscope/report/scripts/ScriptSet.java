package org.mapiscope.report.scripts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mapiscope.analysis.FixChange;
import org.mapiscope.analysis.Remedy;

/**
 * The rendered fix scripts of one analysis, in memory: rendered before the JSON so that each remedy
 * can name its script, written to disk only when the CLI asks. Immutable.
 */
public final class ScriptSet {

  /** README file written beside the scripts. */
  public static final String README = "README.txt";

  private final List<ScriptUnit> units;
  private final Map<Remedy, List<ScriptUnit>> byRemedy;
  private final List<Skipped> skipped;
  private final Map<String, ScriptFile> files;

  ScriptSet(
      List<ScriptUnit> units,
      Map<Remedy, List<ScriptUnit>> byRemedy,
      List<Skipped> skipped,
      List<ScriptFile> files) {
    this.units = List.copyOf(units);
    Map<Remedy, List<ScriptUnit>> copy = new LinkedHashMap<>();
    byRemedy.forEach((r, u) -> copy.put(r, List.copyOf(u)));
    this.byRemedy = Collections.unmodifiableMap(copy);
    this.skipped = List.copyOf(skipped);
    Map<String, ScriptFile> named = new LinkedHashMap<>();
    files.forEach(f -> named.put(f.name(), f));
    this.files = Collections.unmodifiableMap(named);
  }

  /** No scripts (the CLI was not asked for them, or nothing needs a server change). */
  public static ScriptSet empty() {
    return new ScriptSet(List.of(), Map.of(), List.of(), List.of());
  }

  /** The numbered scripts, in the order to run them. */
  public List<ScriptUnit> units() {
    return units;
  }

  /** Changes not rendered because a value was unsafe, with the reason. */
  public List<Skipped> skipped() {
    return skipped;
  }

  /** The scripts that carry a remedy's changes, in run order; empty for manual steps. */
  public List<ScriptUnit> forRemedy(Remedy remedy) {
    return byRemedy.getOrDefault(remedy, List.of());
  }

  /** All files including the README, scripts first in run order. */
  public List<ScriptFile> files() {
    return new ArrayList<>(files.values());
  }

  public Optional<ScriptFile> file(String name) {
    return Optional.ofNullable(files.get(name));
  }

  public boolean isEmpty() {
    return units.isEmpty() && skipped.isEmpty();
  }

  /**
   * Writes every file, README included.
   *
   * @throws IOException when the target cannot store a file
   */
  public void writeTo(ScriptTarget target) throws IOException {
    for (ScriptFile f : files.values()) {
      target.write(f.name(), f.bytes());
    }
  }

  /**
   * A change that was not rendered.
   *
   * @param remedyTitle the remedy it belonged to
   * @param change the change
   * @param reason why it was refused
   */
  public record Skipped(String remedyTitle, FixChange change, String reason) {}
}
