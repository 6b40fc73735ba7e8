package org.mapiscope.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.mapiscope.model.Evidence;
import org.mapiscope.model.EvidenceRef;
import org.mapiscope.model.InputError;

/** A {@link ReadContext} that keeps everything, for reader tests. */
public final class Collecting implements ReadContext {

  public final List<Evidence> evidence = new ArrayList<>();
  public final List<InputError> errors = new ArrayList<>();
  public long counted;
  private final ZoneId zone;

  public Collecting(ZoneId zone) {
    this.zone = zone;
  }

  public Collecting() {
    this(ZoneId.of("UTC"));
  }

  @Override
  public void emit(Evidence e) {
    evidence.add(e);
  }

  @Override
  public void count() {
    counted++;
  }

  @Override
  public void skip(EvidenceRef where, String message) {
    errors.add(new InputError(CountingContext.describe(where), message));
  }

  @Override
  public ZoneId timezone() {
    return zone;
  }

  public <T extends Evidence> List<T> of(Class<T> type) {
    return evidence.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Reads a classpath resource with {@code reader}, as a file with the given hint. */
  public static Collecting read(
      FormatReader reader, String resource, String serverHint, ZoneId zone) throws IOException {
    byte[] bytes;
    try (InputStream in = Collecting.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no test resource " + resource);
      }
      bytes = in.readAllBytes();
    }
    return read(reader, bytes, resource.substring(resource.lastIndexOf('/') + 1), serverHint, zone);
  }

  public static Collecting read(
      FormatReader reader, byte[] bytes, String name, String serverHint, ZoneId zone)
      throws IOException {
    Collecting c = new Collecting(zone);
    reader.read(bytesInput(bytes, name, serverHint), c);
    return c;
  }

  public static Collecting readText(FormatReader reader, String text, String name)
      throws IOException {
    return read(reader, text.getBytes(StandardCharsets.UTF_8), name, null, ZoneId.of("UTC"));
  }

  public static InputFile bytesInput(byte[] bytes, String name, String serverHint) {
    return new InputFile() {
      @Override
      public String displayPath() {
        return name;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(bytes);
      }

      @Override
      public long size() {
        return bytes.length;
      }

      @Override
      public String serverHint() {
        return serverHint;
      }
    };
  }

  public static Sniff sniff(byte[] bytes, String name) {
    return Sniff.of(name, java.util.Arrays.copyOf(bytes, Math.min(bytes.length, Sniff.HEAD_BYTES)));
  }

  public static byte[] resource(String resource) throws IOException {
    try (InputStream in = Collecting.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }

  public static void write(Path path, String text) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }
}
