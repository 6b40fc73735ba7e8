package org.mapiscope.ingest;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.InputError;
import org.mapiscope.model.InputSummary;

/**
 * The {@link ReadContext} of one file: counts, keeps the first errors, hands evidence to the
 * worker's batch.
 */
final class CountingContext implements ReadContext {

  private final String path;
  private final ZoneId timezone;
  private final OrderedSink.Batch batch;
  private final List<InputError> errors = new ArrayList<>();
  private long records;
  private long skipped;

  CountingContext(String path, ZoneId timezone, OrderedSink.Batch batch) {
    this.path = path;
    this.timezone = timezone;
    this.batch = batch;
  }

  @Override
  public void emit(Evidence evidence) {
    records++;
    batch.add(evidence);
  }

  @Override
  public void count() {
    records++;
  }

  @Override
  public void skip(EvidenceRef where, String message) {
    skipped++;
    if (errors.size() < InputSummary.MAX_ERRORS) {
      errors.add(new InputError(describe(where), message));
    }
  }

  @Override
  public ZoneId timezone() {
    return timezone;
  }

  /**
   * Records why the file could not be read to the end; always kept, even when the error list is
   * full.
   */
  void fail(String message) {
    InputError error = new InputError(path, message);
    if (errors.size() >= InputSummary.MAX_ERRORS) {
      errors.set(errors.size() - 1, error);
    } else {
      errors.add(error);
    }
  }

  InputSummary summary(String format) {
    return InputSummary.read(path, format, records, skipped, errors);
  }

  static String describe(EvidenceRef where) {
    return where.kind() == EvidenceRef.Kind.LINE
        ? where.file() + ":" + where.position()
        : where.toString();
  }
}
