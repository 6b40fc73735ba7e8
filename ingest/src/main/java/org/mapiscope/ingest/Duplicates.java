package org.mapiscope.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Finds inputs whose content an input earlier in walk order already has. Admins send overlapping
 * evidence (a folder copied twice, the same log zipped and unpacked); read twice, every session and
 * 9646 would count double. The first copy in walk order is read, so the choice does not depend on
 * thread scheduling.
 *
 * <p>Cheap first: inputs are compared by format, size and the CRC-32 of their head (read by the
 * walk anyway). Only inputs that agree on those with another one get their whole-content CRC-32:
 * free for zip entries and gzip files, one extra read (on the pool, 64 KiB buffer) for files on
 * disk. Entries of nested archives are not compared (they can be read only once); a whole nested
 * archive is.
 */
final class Duplicates {

  /** Format key of nested archives, which are compared only with each other. */
  private static final String ARCHIVE = "archive";

  private Duplicates() {}

  private record Candidate(String kind, long size, long headCrc) {}

  private record Content(String kind, long size, long headCrc, long crc) {}

  /**
   * For each unit whose content an earlier unit has, its index mapped to that earlier unit's index.
   *
   * @throws InterruptedException when interrupted while the pool computes checksums
   */
  static Map<Integer, Integer> find(List<Unit> units, ExecutorService pool)
      throws InterruptedException {
    String[] kinds = new String[units.size()];
    Fingerprint[] prints = new Fingerprint[units.size()];
    for (int i = 0; i < units.size(); i++) {
      kinds[i] = kind(units.get(i));
      prints[i] = fingerprint(units.get(i));
    }
    Fingerprint[] full = new Fingerprint[units.size()];
    List<Future<?>> pending = new ArrayList<>();
    for (int i : comparable(kinds, prints)) {
      Unit unit = units.get(i);
      Fingerprint f = prints[i];
      if (f.complete()) {
        full[i] = f;
      } else {
        pending.add(
            pool.submit(
                () -> {
                  try {
                    full[i] = f.completed(input(unit));
                  } catch (IOException | RuntimeException e) {
                    // Not comparable: the file is read as usual and its reader reports the
                    // problem.
                  }
                }));
      }
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (ExecutionException e) {
        // The task catches what reading throws; an Error is not ours to swallow.
        if (e.getCause() instanceof Error error) {
          throw error;
        }
      }
    }
    return decide(kinds, full);
  }

  /**
   * The inputs that agree on format, size and head with another one, in walk order: only their
   * whole content can tell whether they are copies.
   */
  static List<Integer> comparable(String[] kinds, Fingerprint[] prints) {
    Map<Candidate, List<Integer>> alike = new LinkedHashMap<>();
    for (int i = 0; i < kinds.length; i++) {
      Fingerprint f = prints[i];
      if (f != null && kinds[i] != null) {
        alike
            .computeIfAbsent(new Candidate(kinds[i], f.size(), f.headCrc()), k -> new ArrayList<>())
            .add(i);
      }
    }
    List<Integer> out = new ArrayList<>();
    for (List<Integer> group : alike.values()) {
      if (group.size() >= 2) {
        out.addAll(group);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * For each input whose complete fingerprint an earlier one has, its index mapped to the earlier
   * one's ({@code full[i]} null: not compared).
   */
  static Map<Integer, Integer> decide(String[] kinds, Fingerprint[] full) {
    Map<Content, Integer> first = new HashMap<>();
    Map<Integer, Integer> duplicates = new TreeMap<>();
    for (int i = 0; i < kinds.length; i++) { // ascending: walk order
      Fingerprint f = full[i];
      if (f == null || kinds[i] == null || !f.complete()) {
        continue;
      }
      Integer original =
          first.putIfAbsent(new Content(kinds[i], f.size(), f.headCrc(), f.crc()), i);
      if (original != null) {
        duplicates.put(i, original);
      }
    }
    return duplicates;
  }

  /**
   * Leaves of an unknown format are not compared: they are not read anyway, and stay
   * "unrecognized".
   */
  static String kind(Unit unit) {
    if (unit instanceof Unit.Leaf leaf) {
      return leaf.reader() == null ? null : leaf.reader().format();
    }
    return unit instanceof Unit.Nested ? ARCHIVE : null;
  }

  static Fingerprint fingerprint(Unit unit) {
    if (unit instanceof Unit.Leaf leaf) {
      return leaf.fingerprint();
    }
    return unit instanceof Unit.Nested nested ? nested.fingerprint() : null;
  }

  static InputFile input(Unit unit) {
    return unit instanceof Unit.Leaf leaf ? leaf.input() : ((Unit.Nested) unit).container();
  }

  /** The message on a duplicate's summary. */
  static String message(String duplicate, String original) {
    if (duplicate.equals(original)) {
      return "named more than once: duplicate of " + original + ", read once";
    }
    return "duplicate of " + original + " (same size and content): not read again";
  }
}
