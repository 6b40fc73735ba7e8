package org.mapiscope.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mapiscope.analysis.AnalysisOptions;
import org.mapiscope.analysis.Analyzer;
import org.mapiscope.ingest.Ingestor;

/**
 * Analysis state survives the trip a task's result takes to the driver: serialized and read back, a
 * partial concludes what the original concludes.
 */
class AnalyzerSerializationTest {

  @Test
  void aPartialReadBackConcludesTheSame() throws Exception {
    List<Path> inputs;
    try (Stream<Path> dirs =
        Files.list(SparkTests.repo().resolve("cli/src/test/resources/real-shaped"))) {
      inputs =
          Stream.concat(
                  Stream.of(SparkTests.repo().resolve("examples/vpn-laptops")),
                  dirs.map(d -> d.resolve("evidence")).filter(Files::isDirectory).sorted())
              .toList();
    }
    for (Path input : inputs) {
      Analyzer original = new Analyzer();
      Ingestor.builder()
          .timezone(ZoneOffset.UTC)
          .threads(1)
          .build()
          .ingest(List.of(input), original);

      Analyzer copy = (Analyzer) roundTrip(original);
      Analyzer absorbed = new Analyzer().absorb(copy);

      assertThat(absorbed.finish(AnalysisOptions.inferAll()))
          .as("%s", input)
          .usingRecursiveComparison()
          .isEqualTo(original.finish(AnalysisOptions.inferAll()));
    }
  }

  static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
