package org.mapiscope.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --timezone}: an IANA zone ({@code Europe/Berlin}), an offset ({@code +01:00}) or {@code
 * UTC}.
 */
final class ZoneConverter implements ITypeConverter<ZoneId> {

  @Override
  public ZoneId convert(String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a time zone; use e.g. Europe/Berlin, America/New_York, +01:00 or UTC");
    }
  }
}
