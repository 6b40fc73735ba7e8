package org.mapiscope.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Value decoding checked against small independent encoders written here from the format notes. */
class ValuePropertiesTest {

  /** 1601-01-01 to 9999-12-31 in 100 ns ticks. */
  private static final long MAX_TICKS = 2_650_467_743_999_999_999L;

  @Test
  void fileTimeRoundTripsThroughInstant() {
    qt().forAll(longs().between(0, MAX_TICKS))
        .checkAssert(
            ticks -> {
              Instant t = FileTimes.fromFileTime(ticks);
              assertThat(FileTimes.toFileTime(t)).isEqualTo(ticks);
              byte[] b = le(8).putLong(ticks).array();
              assertThat(Values.decode(b, 0, 8, ValueType.FILETIME, 8)).isEqualTo(t);
              // independent: seconds since 1601 counted by java.time
              Instant epoch1601 = LocalDateTime.of(1601, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
              assertThat(t)
                  .isEqualTo(
                      epoch1601
                          .plusSeconds(ticks / 10_000_000)
                          .plusNanos(ticks % 10_000_000 * 100));
            });
  }

  @Test
  void iso7KeepsSevenFractionDigits() {
    qt().forAll(longs().between(0, MAX_TICKS))
        .checkAssert(
            ticks -> {
              String text = FileTimes.iso7(FileTimes.fromFileTime(ticks));
              assertThat(text).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
              assertThat(FileTimes.toFileTime(Instant.parse(text))).isEqualTo(ticks);
            });
  }

  @Test
  void systemTimeDecodesItsFields() {
    qt().forAll(
            integers().between(1601, 9999),
            integers().between(1, 12),
            integers().between(1, 28),
            integers().between(0, 86_399_999))
        .checkAssert(
            (year, month, day, msOfDay) -> {
              int h = msOfDay / 3_600_000;
              int m = msOfDay / 60_000 % 60;
              int s = msOfDay / 1000 % 60;
              int ms = msOfDay % 1000;
              ByteBuffer b = le(16);
              for (int field : new int[] {year, month, 0, day, h, m, s, ms}) {
                b.putShort((short) field);
              }
              Instant expected =
                  LocalDateTime.of(year, month, day, h, m, s, ms * 1_000_000)
                      .toInstant(ZoneOffset.UTC);
              assertThat(Values.decode(b.array(), 0, 16, ValueType.SYSTEMTIME, 16))
                  .isEqualTo(expected);
            });
  }

  @Test
  void sidWithAWideAuthorityIsWrittenInHexAndAsJsonLikeItsDecodedForm() {
    qt().forAll(
            longs().between(1L << 32, (1L << 48) - 1),
            lists().of(longs().between(0, (1L << 32) - 1)).ofSizeBetween(0, 5))
        .checkAssert(
            (auth, subs) -> {
              ByteBuffer b = ByteBuffer.allocate(8 + 4 * subs.size());
              b.put((byte) 1).put((byte) subs.size());
              b.order(ByteOrder.BIG_ENDIAN)
                  .putShort((short) (auth >>> 32))
                  .putInt((int) (long) auth);
              b.order(ByteOrder.LITTLE_ENDIAN);
              StringBuilder expected =
                  new StringBuilder("S-1-0x").append(String.format("%012X", auth));
              for (long sub : subs) {
                b.putInt((int) sub);
                expected.append('-').append(sub);
              }
              Object sid = Values.decode(b.array(), 0, b.capacity(), ValueType.SID, b.capacity());
              assertThat(sid).isEqualTo(new Sid(expected.toString()));
              Slot slot = new Slot();
              slot.ref(ValueType.SID, 0, b.capacity());
              ByteSink json = new ByteSink(8);
              slot.writeJson(b.array(), json);
              assertThat(new String(json.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII))
                  .isEqualTo("\"" + expected + "\"");
            });
  }

  @Test
  void sidDecodesToItsStringForm() {
    qt().forAll(
            integers().between(0, 255),
            longs().between(0, (1L << 32) - 1),
            lists().of(longs().between(0, (1L << 32) - 1)).ofSizeBetween(0, 15))
        .checkAssert(
            (rev, auth, subs) -> {
              ByteBuffer b = ByteBuffer.allocate(8 + 4 * subs.size());
              b.put((byte) (int) rev).put((byte) subs.size());
              b.order(ByteOrder.BIG_ENDIAN).putShort((short) 0).putInt((int) (long) auth);
              b.order(ByteOrder.LITTLE_ENDIAN);
              StringBuilder expected = new StringBuilder("S-").append(rev).append('-').append(auth);
              for (long sub : subs) {
                b.putInt((int) sub);
                expected.append('-').append(sub);
              }
              Object sid = Values.decode(b.array(), 0, b.capacity(), ValueType.SID, b.capacity());
              assertThat(sid).isEqualTo(new Sid(expected.toString()));
            });
  }

  @Test
  void guidDecodesMixedEndianFields() {
    qt().forAll(longs().all(), longs().all())
        .checkAssert(
            (hi, lo) -> {
              UUID u = new UUID(hi, lo);
              ByteBuffer b = le(16);
              b.putInt((int) (hi >>> 32)).putShort((short) (hi >>> 16)).putShort((short) (long) hi);
              b.order(ByteOrder.BIG_ENDIAN).putLong(lo);
              assertThat(Values.decode(b.array(), 0, 16, ValueType.GUID, 16)).isEqualTo(u);
              assertThat(ValueText.of(ValueType.GUID, u))
                  .isEqualTo("{" + u.toString().toUpperCase() + "}");
            });
  }

  @Test
  void utf16StringsRoundTrip() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(
            s -> {
              String clean = s.replace("\0", "");
              byte[] b = clean.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
              Object decoded = Values.decode(b, 0, b.length, ValueType.STRING, b.length);
              assertThat(decoded)
                  .isEqualTo(new String(b, java.nio.charset.StandardCharsets.UTF_16LE));
            });
  }

  @Test
  void stringArraysSplitOnNul() {
    qt().forAll(
            lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 10)).ofSizeBetween(1, 6))
        .checkAssert(
            items -> {
              List<String> clean = items.stream().map(x -> x.replace("\0", "")).toList();
              byte[] b =
                  (String.join("\0", clean) + "\0")
                      .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
              Object decoded =
                  Values.decode(b, 0, b.length, ValueType.STRING | ValueType.ARRAY, b.length);
              assertThat(decoded).isEqualTo(clean);
            });
  }

  @Test
  void hexIntsRoundTripAndRenderWithFixedWidth() {
    qt().forAll(longs().all())
        .checkAssert(
            v -> {
              byte[] b64 = le(8).putLong(v).array();
              Object decoded = Values.decode(b64, 0, 8, ValueType.HEX_INT64, 8);
              assertThat(decoded).isEqualTo(v);
              assertThat(ValueText.of(ValueType.HEX_INT64, decoded))
                  .isEqualTo(String.format("0x%016x", v));
              byte[] b32 = le(4).putInt((int) (long) v).array();
              Object d32 = Values.decode(b32, 0, 4, ValueType.HEX_INT32, 4);
              assertThat(d32).isEqualTo(v & 0xFFFF_FFFFL);
              assertThat(ValueText.of(ValueType.HEX_INT32, d32))
                  .isEqualTo(String.format("0x%08x", (int) (long) v));
            });
  }

  @Test
  void unsigned64NeverReadsNegative() {
    qt().forAll(longs().all())
        .checkAssert(
            v -> {
              Object decoded = Values.decode(le(8).putLong(v).array(), 0, 8, ValueType.UINT64, 8);
              assertThat(decoded.toString()).isEqualTo(Long.toUnsignedString(v));
            });
  }

  @Test
  void numbersAreWrittenAsJavaWritesThem() {
    qt().forAll(longs().all())
        .checkAssert(
            v -> {
              assertThat(
                      new String(
                          new ByteSink(1).number(v).toByteArray(),
                          java.nio.charset.StandardCharsets.US_ASCII))
                  .isEqualTo(Long.toString(v));
              int i = (int) v.longValue();
              assertThat(
                      new String(
                          new ByteSink(1).number(i).toByteArray(),
                          java.nio.charset.StandardCharsets.US_ASCII))
                  .isEqualTo(Integer.toString(i));
            });
    for (long edge :
        new long[] {
          0, 9, 10, 99, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE
        }) {
      assertThat(
              new String(
                  new ByteSink(1).number(edge).toByteArray(),
                  java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo(Long.toString(edge));
    }
  }

  @Test
  void fileTimesAreWrittenAsTheInstantReadsThem() {
    qt().forAll(longs().between(0, 2_650_467_743_999_999_999L))
        .checkAssert(
            ticks -> {
              ByteSink sink = new ByteSink(1);
              FileTimes.writeIso7(sink, ticks);
              assertThat(new String(sink.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII))
                  .isEqualTo(FileTimes.iso7(FileTimes.fromFileTime(ticks)));
            });
  }

  @Test
  void jsonEscapingRoundTripsThroughAStrictDecoder() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 30))
        .checkAssert(
            s -> {
              ByteSink sink = new ByteSink(8);
              sink.jsonChars(s);
              String json = new String(sink.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
              // No raw control character and no quote left unescaped once the escapes are taken
              // out.
              assertThat(json.replaceAll("\\\\.", "")).doesNotContainPattern("[\\x00-\\x1f\"]");
              assertThat(unescape(json)).isEqualTo(s);
            });
  }

  @Test
  void jsonFromUtf16BytesMatchesJsonFromStrings() {
    // Mostly ASCII with quotes, backslashes and controls mixed in, and any text; at any offset.
    qt().forAll(
            strings().betweenCodePoints(0, 0x7F).ofLengthBetween(0, 40),
            strings().allPossible().ofLengthBetween(0, 6),
            integers().between(0, 7))
        .checkAssert(
            (ascii, any, skip) -> {
              String s =
                  ascii.substring(0, ascii.length() / 2)
                      + any
                      + ascii.substring(ascii.length() / 2);
              byte[] b = new byte[skip + 2 * s.length()];
              ByteBuffer.wrap(b)
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .position(skip)
                  .asCharBuffer()
                  .put(s);
              ByteSink expected = new ByteSink(1).jsonChars(s);
              ByteSink actual = new ByteSink(1).jsonUtf16(b, skip, s.length());
              assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
            });
  }

  /** Minimal JSON string-body decoder for the test (\\", \\\\, \\n, \\r, \\t, \\uXXXX). */
  private static String unescape(String json) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = json.charAt(++i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> sb.append(e);
      }
    }
    return sb.toString();
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
