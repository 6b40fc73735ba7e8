package org.mapiscope.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one input file.
 *
 * @param path the file as the user gave it (archive entries as {@code archive.zip!/entry})
 * @param outcome whether it was read, and if not why
 * @param readAs the format it was read in ({@code rca}, {@code event-xml}, {@code evtx}, …) when
 *     {@code outcome} is {@link InputOutcome#READ}, else {@code null}
 * @param records records read
 * @param skipped records skipped because they were broken
 * @param errors the first errors (at most {@link #MAX_ERRORS}); {@code skipped} counts them all
 */
public record InputSummary(
    String path,
    InputOutcome outcome,
    String readAs,
    long records,
    long skipped,
    List<InputError> errors)
    implements Serializable {

  /** docs/contract.md: keep the first 100 errors per file, count all. */
  public static final int MAX_ERRORS = 100;

  public InputSummary {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == InputOutcome.READ) != (readAs != null)) {
      throw new IllegalArgumentException(
          "a format is named exactly when the input was read: " + outcome + ", " + readAs);
    }
    errors = List.copyOf(errors);
  }

  /** An input read in {@code format}. */
  public static InputSummary read(
      String path, String format, long records, long skipped, List<InputError> errors) {
    return new InputSummary(
        path,
        InputOutcome.READ,
        Objects.requireNonNull(format, "format"),
        records,
        skipped,
        errors);
  }

  /** An input that was not read, with the reasons (none for an unrecognized file). */
  public static InputSummary notRead(String path, InputOutcome outcome, List<InputError> errors) {
    return new InputSummary(path, outcome, null, 0, 0, errors);
  }

  /** The format read, present exactly when the outcome is {@link InputOutcome#READ}. */
  public Optional<String> readFormat() {
    return Optional.ofNullable(readAs);
  }

  /**
   * The format as reports have always shown it: the format read, else the outcome's label ({@code
   * unrecognized}, {@code refused}, {@code missing}, {@code unreadable}, {@code duplicate}, {@code
   * not-followed}).
   */
  public String format() {
    return readAs != null ? readAs : outcome.label();
  }

  /** Whether evidence came from this input. */
  public boolean wasRead() {
    return outcome == InputOutcome.READ;
  }
}
