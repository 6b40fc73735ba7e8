package org.mapiscope.cli;

import java.time.Duration;
import org.mapiscope.sim.scenario.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as docs/contract.md writes them ({@code 300000ms}, {@code 300s}, {@code 5m}, {@code
 * 2h}), read like scenario durations.
 */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      return Duration.ofMillis(Durations.parseMillis(value));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
