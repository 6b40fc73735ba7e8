package org.mapiscope.evtx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hot dispatch of the EVTX reader, {@link TemplatePlan#calls}: a switch on the opcode of each
 * call of a record's template plan. The plans are the real ones of every record of the sample files
 * (compiled by the reader's own {@link FragmentParser} and {@link TemplatePlan}); each variant
 * replays all of them, in file order, with the same per-call work.
 *
 * <ul>
 *   <li>{@code ints}: the reader's layout, four ints per call, the opcode an int constant;
 *   <li>{@code enums}: the opcode an enum in an {@code Op[]} beside three ints of operands,
 *       switched on as an enum.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlanDispatchBench {

  /** The opcodes of {@link TemplatePlan} as an enum, in the same order. */
  enum Op {
    START,
    END,
    ATTR_VALUE,
    ATTR_TEXT,
    TEXT_VALUE,
    TEXT,
    CHAR_REF,
    ENTITY_REF,
    CDATA,
    PI,
    WALK_ELEMENT,
    WALK_VALUE
  }

  private int[][] intPlans;
  private Op[][] enumOps;
  private int[][] enumOperands;
  private long calls;

  @Setup
  public void load() throws IOException {
    Path dir = Path.of(System.getProperty("samples", "/work/shared/samples/evtx"));
    List<int[]> plans = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".evtx")).sorted().toList()) {
        collect(Files.readAllBytes(file), plans);
      }
    }
    intPlans = plans.toArray(new int[0][]);
    enumOps = new Op[intPlans.length][];
    enumOperands = new int[intPlans.length][];
    Op[] all = Op.values();
    for (int i = 0; i < intPlans.length; i++) {
      int[] o = intPlans[i];
      Op[] ops = new Op[o.length / 4];
      int[] operands = new int[3 * ops.length];
      for (int c = 0; c < ops.length; c++) {
        ops[c] = all[o[4 * c]];
        operands[3 * c] = o[4 * c + 1];
        operands[3 * c + 1] = o[4 * c + 2];
        operands[3 * c + 2] = o[4 * c + 3];
      }
      enumOps[i] = ops;
      enumOperands[i] = operands;
      calls += ops.length;
    }
    if (intPlans.length == 0) {
      throw new IllegalStateException("no template plans found under " + dir);
    }
    System.out.printf("%n%d records with a plan, %d calls%n", intPlans.length, calls);
  }

  /** The plan of every record of the file that has one, in file order. */
  private static void collect(byte[] file, List<int[]> plans) {
    for (int at = 4096; at + Chunk.SIZE <= file.length; at += Chunk.SIZE) {
      byte[] b = new byte[Chunk.SIZE];
      System.arraycopy(file, at, b, 0, Chunk.SIZE);
      if (!ChunkDecoder.hasMagic(b)) {
        continue;
      }
      FragmentParser parser = new FragmentParser(new Chunk(b, Chunk.SIZE, at));
      int pos = Chunk.HEADER_SIZE;
      while (pos + 28 <= Chunk.SIZE && LittleEndian.i32(b, pos, Chunk.SIZE) == 0x2A2A) {
        int size = (int) LittleEndian.u32(b, pos + 4, Chunk.SIZE);
        if (size < 28 || size > Chunk.SIZE - pos) {
          break;
        }
        try {
          Node.Instance record = parser.instance(pos + 24, pos + size - 4, 1, false);
          if (record != null) {
            Node.Template t = record.template();
            TemplatePlan plan = t.plans().find(b, t.nodes(), record);
            if (plan != null) {
              plans.add(plan.ops());
            }
          }
        } catch (RuntimeException damaged) {
          // a damaged record of a damaged sample: no plan
        }
        pos += size;
      }
    }
  }

  @Benchmark
  public long ints() {
    long acc = 0;
    for (int[] o : intPlans) {
      for (int k = 0; k < o.length; k += 4) {
        int x = o[k + 1];
        int y = o[k + 2];
        if (o[k + 3] != 0) {
          acc += o[k + 3];
        }
        switch (o[k]) {
          case TemplatePlan.START -> acc = acc * 31 + x;
          case TemplatePlan.END -> acc = acc * 37 + x;
          case TemplatePlan.ATTR_VALUE -> acc = acc * 41 + x + y;
          case TemplatePlan.ATTR_TEXT -> acc = acc * 43 + x - y;
          case TemplatePlan.TEXT_VALUE -> acc = acc * 47 + x;
          case TemplatePlan.TEXT -> acc = acc * 53 + x;
          case TemplatePlan.CHAR_REF -> acc ^= x;
          case TemplatePlan.ENTITY_REF -> acc = acc * 59 + x;
          case TemplatePlan.CDATA -> acc = acc * 61 + x;
          case TemplatePlan.PI -> acc = acc * 67 + x + y;
          default -> acc = acc * 71 + k;
        }
      }
    }
    return acc;
  }

  @Benchmark
  public long enums() {
    long acc = 0;
    for (int i = 0; i < enumOps.length; i++) {
      Op[] ops = enumOps[i];
      int[] a = enumOperands[i];
      for (int c = 0, k = 0; c < ops.length; c++, k += 3) {
        int x = a[k];
        int y = a[k + 1];
        if (a[k + 2] != 0) {
          acc += a[k + 2];
        }
        switch (ops[c]) {
          case START -> acc = acc * 31 + x;
          case END -> acc = acc * 37 + x;
          case ATTR_VALUE -> acc = acc * 41 + x + y;
          case ATTR_TEXT -> acc = acc * 43 + x - y;
          case TEXT_VALUE -> acc = acc * 47 + x;
          case TEXT -> acc = acc * 53 + x;
          case CHAR_REF -> acc ^= x;
          case ENTITY_REF -> acc = acc * 59 + x;
          case CDATA -> acc = acc * 61 + x;
          case PI -> acc = acc * 67 + x + y;
          default -> acc = acc * 71 + 4 * c;
        }
      }
    }
    return acc;
  }
}
