package org.mapiscope.analysis;

import java.io.Serializable;
import java.time.Instant;
import org.mapiscope.model.EvidenceRef;

/**
 * One place an admin can open, with what it shows; ordered by time then place so picks are stable.
 *
 * <p>Tracks hold a few per kind, so the time and the reference are kept as their parts rather than
 * as an {@link Instant} and an {@link EvidenceRef} object each (32 bytes less an example), and the
 * examples of tracks keep their text as its parts ({@link ExampleText}).
 */
final class Example implements Comparable<Example>, Serializable {
  private static final long serialVersionUID = 2L;

  private static final EvidenceRef.Kind[] KINDS = EvidenceRef.Kind.values();

  private final long second;
  private final int nano;
  private final byte kind;
  private final String file;
  private final long position;

  /** A {@link String}, or an {@link ExampleText} put together when shown or compared. */
  private final Object text;

  Example(Instant time, EvidenceRef ref, String text) {
    this(time, ref, (Object) text);
  }

  Example(Instant time, EvidenceRef ref, ExampleText text) {
    this(time, ref, (Object) text);
  }

  private Example(Instant time, EvidenceRef ref, Object text) {
    this.second = time.getEpochSecond();
    this.nano = time.getNano();
    this.kind = (byte) ref.kind().ordinal();
    this.file = ref.file();
    this.position = ref.position();
    this.text = text;
  }

  Instant time() {
    return Instant.ofEpochSecond(second, nano);
  }

  EvidenceRef ref() {
    return new EvidenceRef(file, KINDS[kind], position);
  }

  String text() {
    return text instanceof ExampleText parts ? parts.render() : (String) text;
  }

  /** By time, then file, kind and position of the reference, then text. */
  @Override
  public int compareTo(Example other) {
    int c = Long.compare(second, other.second);
    if (c == 0) {
      c = Integer.compare(nano, other.nano);
    }
    if (c == 0) {
      c = file.compareTo(other.file);
    }
    if (c == 0) {
      c = Integer.compare(kind, other.kind);
    }
    if (c == 0) {
      c = Long.compare(position, other.position);
    }
    return c != 0 ? c : text().compareTo(other.text());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Example other && compareTo(other) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(second) * 31 + Long.hashCode(position) * 17 + text().hashCode();
  }

  @Override
  public String toString() {
    return time() + " " + file + " " + ref().where() + ": " + text();
  }

  Finding.EvidenceItem item() {
    return new Finding.EvidenceItem(file, ref().where(), text());
  }
}
