package org.mapiscope.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mapiscope.cli.Main;

/** One local Spark for the test classes of this module, and both commands run side by side. */
final class SparkTests {

  private static JavaSparkContext spark;

  private SparkTests() {}

  /** A local[2] context, started once for all test classes (starting one costs seconds). */
  static synchronized JavaSparkContext spark() {
    if (spark == null) {
      SparkConf conf =
          new SparkConf()
              .setMaster("local[2]")
              .setAppName("mapiscope-spark-tests")
              .set("spark.ui.enabled", "false")
              .set("spark.log.level", "WARN")
              .set("spark.sql.shuffle.partitions", "2")
              .set("spark.driver.host", "127.0.0.1");
      spark = new JavaSparkContext(conf);
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }

  static Path repo() {
    return Path.of(System.getProperty("mapiscope.repo", "..")).toAbsolutePath().normalize();
  }

  /** What one run of a command wrote. */
  record Run(int exitCode, String json, String err) {}

  /** {@code mapiscope analyze <paths> --json FILE --quiet <extra>}, in-process. */
  static Run analyze(Path tmp, List<String> paths, List<String> extra) throws IOException {
    Path out = tmp.resolve("analyze.json");
    List<String> args = new ArrayList<>(List.of("analyze"));
    args.addAll(paths);
    args.addAll(List.of("--json", out.toString(), "--quiet"));
    args.addAll(extra);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args.toArray(String[]::new));
    return new Run(code, read(out), err.toString(StandardCharsets.UTF_8));
  }

  /** {@code FleetAnalyze <paths> --json FILE --quiet <extra>} on the shared local[2] context. */
  static Run fleet(Path tmp, Random shuffle, List<String> paths, List<String> extra)
      throws IOException {
    Path out = tmp.resolve("fleet.json");
    List<String> args = new ArrayList<>(paths);
    args.addAll(List.of("--json", out.toString(), "--quiet"));
    args.addAll(extra);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        FleetAnalyze.runIn(
            spark(),
            shuffle,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args.toArray(String[]::new));
    return new Run(code, read(out), err.toString(StandardCharsets.UTF_8));
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file) : null;
  }
}
