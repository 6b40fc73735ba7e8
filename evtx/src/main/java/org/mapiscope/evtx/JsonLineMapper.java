package org.mapiscope.evtx;

/**
 * JSON lines written straight from the chunk, no records built: from the template's {@link
 * JsonLinePlan} when the record's shape has one, else by walking the record into a {@link
 * JsonRecordWriter}. One buffer of lines per chunk.
 */
final class JsonLineMapper implements RecordMapper<ByteSink> {

  private static final TemplatePlan[] NO_PLANS = new TemplatePlan[0];

  private final JsonRecordWriter writer;
  private final Integer eventIdFilter;
  private final String providerFilter;
  private final LineScratch scratch = new LineScratch();
  private TemplatePlan[] nested = NO_PLANS;
  private final SinkPool pool;
  private ByteSink out;
  private int records;
  private long planned;

  JsonLineMapper(Integer eventIdFilter, String providerFilter) {
    this(eventIdFilter, providerFilter, new SinkPool());
  }

  /**
   * Takes its output buffers from {@code pool}, where the reader of each chunk's lines hands them
   * back.
   */
  JsonLineMapper(Integer eventIdFilter, String providerFilter, SinkPool pool) {
    this.pool = pool;
    this.out = pool.get();
    writer = new JsonRecordWriter(eventIdFilter, providerFilter);
    this.eventIdFilter = eventIdFilter;
    this.providerFilter = providerFilter;
  }

  /** Writes the line from the template's JSON line plan when its shape has one. */
  @Override
  public boolean direct(FragmentParser parser, byte[] chunk, Node.Instance record, long recordId) {
    Node.Template t = record.template();
    TemplatePlan plan = t.plans().find(chunk, t.nodes(), record);
    if (plan == null || !plan.fitsAt(1)) {
      return false;
    }
    int[] walks = plan.valueWalks();
    JsonLinePlan line;
    byte[] types = record.types();
    int[] at = record.at();
    int[] sizes = record.sizes();
    if (walks.length == 0) {
      line = plan.json(NO_PLANS);
    } else {
      line = withValues(parser, chunk, plan, record, walks);
      types = scratch.types;
      at = scratch.at;
      sizes = scratch.sizes;
    }
    if (line == null) {
      return false;
    }
    int mark = out.size();
    try {
      line.write(chunk, types, at, sizes, recordId, eventIdFilter, providerFilter, out, scratch);
    } catch (RuntimeException e) {
      out.truncate(mark);
      throw e;
    }
    records++;
    planned++;
    return true;
  }

  /** Records written from line plans so far (the rest were walked). */
  long planned() {
    return planned;
  }

  /**
   * The line plan of a record whose plan expands BinXml values, each read as the walker reads it
   * (same depth, same checks, so damage is reported alike); the values are laid out in the scratch.
   * Null when a BinXml value is not one template instance with a plan of its own.
   */
  private JsonLinePlan withValues(
      FragmentParser parser, byte[] chunk, TemplatePlan plan, Node.Instance record, int[] walks) {
    if (nested.length != walks.length) {
      nested = new TemplatePlan[walks.length];
    }
    scratch.flatten(record);
    int[] ops = plan.ops();
    for (int j = 0; j < walks.length; j++) {
      int x = ops[walks[j] + 1];
      // The record's template sits at walk depth 1; its BinXml value's template two levels deeper.
      int depth = ops[walks[j] + 2] + 2;
      if (depth > FragmentParser.MAX_DEPTH) {
        return null;
      }
      int at = record.at()[x];
      // Values already laid out may be overwritten, the record's own may not (a fallback walks
      // them).
      Node.Instance values =
          parser.instanceReusing(at, at + record.sizes()[x], depth, record.template());
      if (values == null) {
        return null;
      }
      Node.Template t = values.template();
      TemplatePlan p = t.plans().find(chunk, t.nodes(), values);
      if (p == null || !p.fitsAt(depth) || p.valueWalks().length > 0) {
        return null;
      }
      nested[j] = p;
      scratch.append(values);
    }
    return plan.json(nested);
  }

  @Override
  public RawVisitor begin(long recordId, long written, long fileOffset) {
    writer.begin(recordId);
    return writer;
  }

  @Override
  public void commit() {
    writer.finish(out);
    records++;
  }

  @Override
  public void abort() {
    // The writer only writes to the output on commit.
  }

  /**
   * The chunk's lines; empty (not null) when the chunk had records but the filters dropped them
   * all.
   */
  @Override
  public ByteSink take() {
    if (records == 0) {
      return null;
    }
    ByteSink chunk = out;
    out = pool.get();
    records = 0;
    return chunk;
  }
}
