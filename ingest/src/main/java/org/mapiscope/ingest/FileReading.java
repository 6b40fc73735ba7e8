package org.mapiscope.ingest;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.mapiscope.ingest.archive.ArchiveLimitException;
import org.mapiscope.model.InputOutcome;
import org.mapiscope.model.InputSummary;

/**
 * Runs one reader over one file and turns whatever happens into an {@link InputSummary}: a reader
 * that throws (an unreadable file, or a bug) costs that file, never the run.
 */
final class FileReading {

  private final ZoneId timezone;

  FileReading(ZoneId timezone) {
    this.timezone = timezone;
  }

  InputSummary read(InputFile input, FormatReader reader, OrderedSink.Batch batch) {
    String path = input.displayPath();
    if (reader == null) {
      return InputSummary.notRead(path, InputOutcome.UNRECOGNIZED, List.of());
    }
    CountingContext context = new CountingContext(path, timezone, batch);
    try {
      reader.read(input, context);
    } catch (ArchiveLimitException e) {
      context.fail(e.getMessage());
    } catch (IOException e) {
      context.fail(path + " could not be read to the end: " + describe(e));
    } catch (OrderedSink.SinkFailure e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      context.fail(
          "internal error while reading "
              + path
              + " as "
              + reader.format()
              + ": "
              + describe(e)
              + " (evidence read before it is kept)");
    } finally {
      batch.flush();
    }
    return context.summary(reader.format());
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
